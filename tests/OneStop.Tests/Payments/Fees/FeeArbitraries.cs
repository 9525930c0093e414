using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using OneStop.Forms.Definitions;
using OneStop.Payments.Fees;
using OneStop.Tests.Forms.Engine;
using static OneStop.Tests.Forms.TestForms;

namespace OneStop.Tests.Payments.Fees;

/// <summary>A random schedule FeeCheck accepts, random answers for the fields it reads, and the payer's age (if known).</summary>
public sealed record FeeCase(FeeDefinition Fees, AnswerTexts Answers, int? Age)
{
    public static readonly DateOnly Today = new(2026, 3, 15);

    public FeeQuote Quote(FeeDefinition? fees = null, JsonObject? answers = null) =>
        FeeRules.Quote(fees ?? Fees, answers ?? Answers.Build(), new PayerFacts(Age), Today);

    public override string ToString() => $"fees={FeeJson.Write(Fees).ReplaceLineEndings(" ")} answers={Answers} age={Age?.ToString() ?? "unknown"}";
}

/// <summary>
/// Schedules over a number (<c>n1</c>), a decimal (<c>a1</c>), a group (<c>g1</c>), checkboxes (<c>c1</c>) and two
/// yes/no answers (<c>b1</c>, <c>b2</c>): fixed, per-unit and tiered items, some only when <c>b1</c> holds, and
/// concessions on the yes/no answers or the age, for every item or some.
/// </summary>
public static class FeeArbitraries
{
    public static readonly string[] Counted = ["n1", "a1", "g1", "c1"];

    /// <summary>Money with up to three decimals, so rounding to cents has work to do.</summary>
    private static Gen<decimal> Money(int max) =>
        from whole in Gen.Choose(0, max) from fraction in Gen.Choose(0, 999) select whole + fraction / 1000m;

    private static Gen<FeeItem> Item(int index) =>
        from kind in Gen.Choose(0, 2)
        from amount in Money(5000)
        from source in Gen.Elements(Counted)
        from max in Gen.Frequency((3, Gen.Constant<int?>(null)), (1, Gen.Choose(1, 8).Select(m => (int?)m)))
        from bounds in Gen.Choose(1, 4).SelectMany(n => Gen.ArrayOf(Gen.Choose(1, 40), n))
        from tierAmounts in Gen.ArrayOf(Money(9000), 5)
        from openLast in Gen.Elements(true, false)
        from conditional in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
        select Make(index, kind, amount, source, max, bounds, tierAmounts, openLast, conditional);

    private static FeeItem Make(int index, int kind, decimal amount, string from, int? max, int[] steps, decimal[] tierAmounts, bool openLast, bool conditional)
    {
        var item = new FeeItem { Id = "item-" + index, Name = W("Item " + index), When = conditional ? Is("b1", true) : null };
        if (kind == 0) return item with { Amount = amount };
        if (kind == 1) return item with { UnitAmount = amount / 10, QuantityFrom = from, MaxQuantity = max };
        // Bounds rise by the steps; the last tier may be open.
        var upTo = 0m;
        var tiers = steps.Select((step, i) => new FeeTier { UpTo = upTo += step, Amount = tierAmounts[i] }).ToList();
        if (openLast) tiers.Add(new FeeTier { Amount = tierAmounts[^1] });
        return item with { TierFrom = from, Tiers = tiers };
    }

    private static FieldCondition Is(string field, bool value) => new(field, Comparison.Equals, JsonValue.Create(value));

    private static Gen<Concession> Concession(int index, int items) =>
        from percent in Gen.Frequency((1, Gen.Constant(100m)), (3, Gen.Choose(1, 1000).Select(p => p / 10m)))
        from condition in Gen.Elements<Condition>(Is("b1", true), Is("b2", true), new FieldCondition(FeeRules.ProfileAge, Comparison.AtLeast, JsonValue.Create(65)),
            new AnyCondition([Is("b2", true), new FieldCondition(FeeRules.ProfileAge, Comparison.LessThan, JsonValue.Create(18))]))
        from some in Gen.SubListOf(Enumerable.Range(0, items).Select(i => "item-" + i).ToArray())
        select new Concession { Id = "concession-" + index, Name = W("Concession " + index), PercentOff = percent, When = condition, Items = some.ToList() };

    private static Gen<FeeDefinition> Definition() =>
        from count in Gen.Choose(1, 4)
        from items in Gen.CollectToArray(Enumerable.Range(0, count).Select(Item))
        from concessionCount in Gen.Choose(0, 3)
        from concessions in Gen.CollectToArray(Enumerable.Range(0, concessionCount).Select(i => Concession(i, count)))
        select new FeeDefinition { Items = items, Concessions = concessions };

    private static Gen<string> Answer(string key) => key switch
    {
        "n1" => Gen.Choose(-3, 30).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        "a1" => Gen.Choose(0, 20000).Select(n => (n / 100m).ToString(System.Globalization.CultureInfo.InvariantCulture)),
        "g1" => Gen.Choose(0, 6).Select(n => "[" + string.Join(",", Enumerable.Repeat("{\"x\":1}", n)) + "]"),
        "c1" => Gen.SubListOf(new[] { "\"a\"", "\"b\"", "\"c\"" }).Select(v => "[" + string.Join(",", v) + "]"),
        _ => Gen.Elements("true", "false"),
    };

    private static Gen<AnswerTexts> Answers() =>
        Gen.CollectToArray(Counted.Concat(["b1", "b2"]).Select(key => Gen.Frequency(
                (1, Gen.Constant<(string, string)?>(null)),
                (5, Answer(key).Select(v => ((string, string)?)(key, v))))))
            .Select(values => new AnswerTexts(values.OfType<(string, string)>().ToList()));

    public static Arbitrary<FeeCase> Cases() =>
        (from fees in Definition()
         from answers in Answers()
         from age in Gen.Frequency((1, Gen.Constant<int?>(null)), (3, Gen.Choose(0, 100).Select(a => (int?)a)))
         select new FeeCase(fees, answers, age)).ToArbitrary();
}
