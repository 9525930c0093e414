using System.Text.Json.Nodes;
using OneStop.Forms.Answers;
using OneStop.Forms.Definitions;

namespace OneStop.Payments.Fees;

/// <summary>One line of how a fee was worked out: the item, its quantity and price, and any concession taken off.</summary>
public sealed record FeeLine(string ItemId, Words Name, decimal? Quantity, decimal? UnitAmount, decimal Gross, string? ConcessionId, Words? ConcessionName, decimal Discount)
{
    public decimal Amount => Gross - Discount;
}

public sealed record FeeQuote(IReadOnlyList<FeeLine> Lines)
{
    public decimal Total => Lines.Sum(l => l.Amount);
}

/// <summary>What the rules know of the applicant beyond the answers: their age from a verified date of birth.</summary>
public sealed record PayerFacts(int? Age)
{
    public static readonly PayerFacts None = new((int?)null);

    /// <summary>Age in whole years on <paramref name="today"/>.</summary>
    public static PayerFacts Born(DateOnly? dateOfBirth, DateOnly today)
    {
        if (dateOfBirth is not { } born) return None;
        var age = today.Year - born.Year;
        if (today < born.AddYears(age)) age--;
        return new PayerFacts(age);
    }
}

/// <summary>
/// Works a fee out from the answers, pure. The server runs it on the stored answers; nothing the browser
/// sends says what to charge. Amounts are HKD rounded to cents, half away from zero; a line never goes below zero.
/// </summary>
public static class FeeRules
{
    public const string ProfileAge = "profile.age";

    public static FeeQuote Quote(FeeDefinition fees, JsonObject answers, PayerFacts payer, DateOnly today)
    {
        var context = new ConditionContext(id => id == ProfileAge ? (payer.Age is { } age ? JsonValue.Create(age) : null) : answers[id], today);
        var lines = new List<FeeLine>();
        foreach (var item in fees.Items)
        {
            if (item.When is { } when && !when.Holds(context)) continue;
            var (quantity, unit, price) = Price(item, answers);
            // A negative amount is refused by FeeCheck; were one stored anyway, it would still not pay anyone back.
            var gross = Math.Max(0, price);
            if (gross <= 0 && quantity is 0) continue;
            // The largest concession that applies to the item wins; concessions do not stack.
            var concession = fees.Concessions
                .Where(c => (c.Items.Count == 0 || c.Items.Contains(item.Id)) && c.When.Holds(context))
                .OrderByDescending(c => c.PercentOff).FirstOrDefault();
            var discount = concession is null ? 0m : Round(gross * Math.Clamp(concession.PercentOff, 0, 100) / 100m);
            lines.Add(new FeeLine(item.Id, item.Name, quantity, unit, gross, concession?.Id, concession?.Name, Math.Min(discount, gross)));
        }
        return new FeeQuote(lines);
    }

    private static (decimal? Quantity, decimal? Unit, decimal Gross) Price(FeeItem item, JsonObject answers)
    {
        if (item.Amount is { } fixedFee) return (null, null, Round(fixedFee));
        if (item.UnitAmount is { } unit)
        {
            var quantity = Math.Clamp(Math.Floor(Measure(answers[item.QuantityFrom ?? ""])), 0, QuantityLimit);
            if (item.MaxQuantity is { } max) quantity = Math.Min(quantity, max);
            return (quantity, unit, Round(unit * quantity));
        }
        var value = Measure(answers[item.TierFrom ?? ""]);
        // Above every bound (the last tier has one), the last tier still prices it.
        var tier = item.Tiers.FirstOrDefault(t => t.UpTo is not { } upTo || value <= upTo) ?? item.Tiers.LastOrDefault();
        return (null, null, Round(tier?.Amount ?? 0));
    }

    /// <summary>
    /// Where a quantity stops counting. Number questions have no upper limit unless the form sets one, and a
    /// unit price times an answer near decimal's limit would throw; no real application comes near it.
    /// </summary>
    public const decimal QuantityLimit = 1_000_000_000m;

    /// <summary>A number answer, or how many items a group or a set of checkboxes holds; 0 when unanswered.</summary>
    private static decimal Measure(JsonNode? answer) => answer switch
    {
        JsonArray items => items.Count,
        _ => AnswerValues.AsDecimal(answer) ?? 0,
    };

    public static decimal Round(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);
}
