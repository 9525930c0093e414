using System.Text.Json.Nodes;
using FsCheck.Xunit;
using OneStop.Forms.Definitions;
using OneStop.Payments.Fees;

namespace OneStop.Tests.Payments.Fees;

/// <summary>Laws a quote keeps for any schedule FeeCheck accepts, any answers and any age.</summary>
[Properties(Arbitrary = [typeof(FeeArbitraries)], MaxTest = 300)]
public sealed class FeeProperties
{
    [Property]
    public bool Generated_Schedule_PassesTheCheck(FeeCase c) => FeeCheck.Run(c.Fees).Count == 0;

    /// <summary>What the payer is asked for is exactly the lines shown, each worked out to the cent.</summary>
    [Property]
    public bool Total_IsTheSumOfTheLinesInWholeCents(FeeCase c)
    {
        var quote = c.Quote();
        return quote.Total == quote.Lines.Sum(l => l.Gross - l.Discount)
            && quote.Lines.All(l => Cents(l.Gross) && Cents(l.Discount) && Cents(l.Amount));
    }

    [Property]
    public bool Lines_AreNeverNegative(FeeCase c) =>
        c.Quote().Lines.All(l => l.Gross >= 0 && l.Discount >= 0 && l.Amount >= 0);

    [Property]
    public bool Concession_NeverRaisesALine(FeeCase c)
    {
        var without = c.Quote(c.Fees with { Concessions = [] }).Lines.ToDictionary(l => l.ItemId);
        var with = c.Quote().Lines;
        return with.Count == without.Count
            && with.All(l => l.Gross == without[l.ItemId].Gross && l.Amount <= without[l.ItemId].Amount);
    }

    /// <summary>One more of whatever an item counts never makes its lines cheaper (concessions included).</summary>
    [Property]
    public bool PerUnit_TotalGrowsWithTheQuantity(FeeCase c, byte more)
    {
        var perUnit = c.Fees with { Items = c.Fees.Items.Select(i => i.UnitAmount is null ? i with { Amount = 0, Tiers = [], TierFrom = null } : i).ToList() };
        var answers = c.Answers.Build();
        var larger = c.Answers.Build();
        foreach (var field in FeeArbitraries.Counted)
            larger[field] = answers[field] switch
            {
                JsonArray items => (JsonNode)new JsonArray(items.Select(i => i?.DeepClone()).Concat(Enumerable.Range(0, more % 5).Select(_ => (JsonNode)new JsonObject())).ToArray()),
                var number => JsonValue.Create((AnswerNumber(number) ?? 0) + more),
            };
        return c.Quote(perUnit, answers).Total <= c.Quote(perUnit, larger).Total;
    }

    [Property]
    public bool WaivingEverything_GivesZero(FeeCase c)
    {
        var always = new NotCondition(new FieldCondition("nothing", Comparison.Answered, JsonValue.Create(true)));
        var waiver = new Concession { Id = "waiver", Name = c.Fees.Items[0].Name, PercentOff = 100, When = always };
        var quote = c.Quote(c.Fees with { Concessions = [.. c.Fees.Concessions, waiver] });
        return quote.Total == 0 && quote.Lines.All(l => l.Discount == l.Gross);
    }

    /// <summary>Concessions do not stack: a line's discount is that of the largest concession applying to its item.</summary>
    [Property]
    public bool Discount_IsTheLargestApplyingConcessionOnly(FeeCase c)
    {
        var answers = c.Answers.Build();
        var context = new ConditionContext(id => id == FeeRules.ProfileAge ? (c.Age is { } age ? JsonValue.Create(age) : null) : answers[id], FeeCase.Today);
        return c.Quote().Lines.All(l =>
        {
            var largest = c.Fees.Concessions.Where(x => (x.Items.Count == 0 || x.Items.Contains(l.ItemId)) && x.When.Holds(context))
                .Select(x => x.PercentOff).DefaultIfEmpty(0).Max();
            var percent = l.ConcessionId is null ? 0 : c.Fees.Concessions.Single(x => x.Id == l.ConcessionId).PercentOff;
            return percent == largest && l.Discount == FeeRules.Round(l.Gross * percent / 100m);
        });
    }

    private static bool Cents(decimal amount) => amount * 100 == decimal.Truncate(amount * 100);

    private static decimal? AnswerNumber(JsonNode? node) => OneStop.Forms.Answers.AnswerValues.AsDecimal(node);
}
