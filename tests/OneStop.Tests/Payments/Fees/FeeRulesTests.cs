using System.Text.Json.Nodes;
using OneStop.Payments.Fees;
using static OneStop.Tests.Forms.TestForms;

namespace OneStop.Tests.Payments.Fees;

/// <summary>How a fee is worked out from answers and the payer's age: one example per rule.</summary>
public sealed class FeeRulesTests
{
    private static readonly DateOnly Today = new(2026, 3, 15);

    /// <summary>A schedule from its JSON items (and concessions), as a department writes it.</summary>
    public static FeeDefinition Schedule(string items, string concessions = "[]", string when = "submission") =>
        FeeJson.Parse($$"""{ "when": "{{when}}", "items": {{items}}, "concessions": {{concessions}} }""", out var error)
        ?? throw new InvalidOperationException(error);

    public static string Name(string en) => $$"""{ "en": "{{en}}", "zh-HK": "{{en}}（繁）", "zh-CN": "{{en}}（简）" }""";

    private static FeeQuote Quote(FeeDefinition fees, JsonObject? answers = null, int? age = null) =>
        FeeRules.Quote(fees, answers ?? [], new PayerFacts(age), Today);

    private static readonly string PerVehicle = $$"""[{ "id": "permit", "name": {{Name("Permit")}}, "unitAmount": 100, "quantityFrom": "vehicles" }]""";

    [Fact]
    public void Quote_FixedFee_OneLineOfTheAmount()
    {
        var quote = Quote(Schedule($$"""[{ "id": "licence", "name": {{Name("Licence")}}, "amount": 432 }]"""));

        var line = Assert.Single(quote.Lines);
        Assert.Equal(("licence", 432m, 0m, 432m, (decimal?)null), (line.ItemId, line.Gross, line.Discount, line.Amount, line.Quantity));
        Assert.Equal(432m, quote.Total);
    }

    [Fact]
    public void Quote_PerUnitFromANumber_UnitTimesQuantity()
    {
        var line = Assert.Single(Quote(Schedule(PerVehicle), Answers(("vehicles", 3))).Lines);

        Assert.Equal((3m, 100m, 300m), (line.Quantity, line.UnitAmount, line.Amount));
    }

    [Fact]
    public void Quote_PerUnitFromADecimal_CountsWholeUnitsOnly()
    {
        var line = Assert.Single(Quote(Schedule(PerVehicle), Answers(("vehicles", 2.9m))).Lines);

        Assert.Equal((2m, 200m), (line.Quantity, line.Amount));
    }

    [Fact]
    public void Quote_PerUnitFromAGroup_CountsItsItems()
    {
        var fees = Schedule($$"""[{ "id": "director", "name": {{Name("Director check")}}, "unitAmount": 55.5, "quantityFrom": "directors" }]""");

        var line = Assert.Single(Quote(fees, Answers(("directors", new JsonArray(new JsonObject { ["name"] = "A" }, new JsonObject { ["name"] = "B" })))).Lines);

        Assert.Equal((2m, 111m), (line.Quantity, line.Amount));
    }

    [Fact]
    public void Quote_PerUnitFromCheckboxes_CountsTheTickedBoxes()
    {
        var fees = Schedule($$"""[{ "id": "class", "name": {{Name("Class")}}, "unitAmount": 40, "quantityFrom": "classes" }]""");

        var line = Assert.Single(Quote(fees, Answers(("classes", new JsonArray("1", "2", "16")))).Lines);

        Assert.Equal((3m, 120m), (line.Quantity, line.Amount));
    }

    [Fact]
    public void Quote_PerUnitAboveMaxQuantity_ChargesTheMaximum()
    {
        var fees = Schedule($$"""[{ "id": "permit", "name": {{Name("Permit")}}, "unitAmount": 100, "quantityFrom": "vehicles", "maxQuantity": 5 }]""");

        var line = Assert.Single(Quote(fees, Answers(("vehicles", 9))).Lines);

        Assert.Equal((5m, 500m), (line.Quantity, line.Amount));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    [InlineData(-4)]
    public void Quote_PerUnitWithNoneToCount_NoLine(int? vehicles)
    {
        var quote = Quote(Schedule(PerVehicle), vehicles is { } v ? Answers(("vehicles", v)) : []);

        Assert.Empty(quote.Lines);
        Assert.Equal(0m, quote.Total);
    }

    [Fact]
    public void Quote_PerUnitWithAnAbsurdQuantity_StopsCountingInsteadOfOverflowing()
    {
        var quote = Quote(Schedule(PerVehicle), Answers(("vehicles", JsonNode.Parse("79000000000000000000000000000"))));

        Assert.Equal(FeeRules.QuantityLimit * 100, quote.Total);
    }

    private static readonly string ByArea = $$"""
        [{ "id": "licence", "name": {{Name("Licence")}}, "tierFrom": "area",
           "tiers": [ { "upTo": 50, "amount": 3000 }, { "upTo": 150, "amount": 5000 }, { "amount": 9000 } ] }]
        """;

    [Theory]
    [InlineData("1", 3000)]
    [InlineData("50", 3000)]
    [InlineData("50.01", 5000)]
    [InlineData("150", 5000)]
    [InlineData("150.5", 9000)]
    [InlineData("10000", 9000)]
    public void Quote_Tiers_FirstTierWhoseUpperBoundIsAtLeastTheAnswer(string area, int expected)
    {
        var line = Assert.Single(Quote(Schedule(ByArea), Answers(("area", JsonNode.Parse(area)))).Lines);

        Assert.Equal(expected, line.Amount);
    }

    [Fact]
    public void Quote_TiersAboveTheLastBound_LastTier()
    {
        var fees = Schedule($$"""[{ "id": "x", "name": {{Name("X")}}, "tierFrom": "area", "tiers": [ { "upTo": 10, "amount": 1 }, { "upTo": 20, "amount": 2 } ] }]""");

        Assert.Equal(2m, Quote(fees, Answers(("area", 25))).Total);
    }

    [Fact]
    public void Quote_TiersOverAGroup_ByItsItemCount()
    {
        var fees = Schedule($$"""[{ "id": "x", "name": {{Name("X")}}, "tierFrom": "animals", "tiers": [ { "upTo": 1, "amount": 432 }, { "amount": 600 } ] }]""");

        Assert.Equal(600m, Quote(fees, Answers(("animals", new JsonArray(new JsonObject(), new JsonObject())))).Total);
    }

    [Theory]
    [InlineData(true, 2)]
    [InlineData(false, 1)]
    public void Quote_ItemWithWhen_ChargedOnlyWhenItHolds(bool express, int lines)
    {
        var fees = Schedule($$"""
            [{ "id": "licence", "name": {{Name("Licence")}}, "amount": 900 },
             { "id": "express", "name": {{Name("Express")}}, "amount": 200, "when": { "field": "express", "equals": true } }]
            """);

        var quote = Quote(fees, Answers(("express", express)));

        Assert.Equal(lines, quote.Lines.Count);
        Assert.Equal(express ? 1100m : 900m, quote.Total);
    }

    private static readonly string Licence = $$"""[{ "id": "licence", "name": {{Name("Licence")}}, "amount": 900 }, { "id": "card", "name": {{Name("Card")}}, "amount": 100 }]""";

    [Theory]
    [InlineData(true, true, 450)]
    [InlineData(true, false, 900)]
    [InlineData(false, true, 900)]
    public void Quote_ConcessionWithAll_AppliesWhenEveryTestHolds(bool student, bool fullTime, int licence)
    {
        var fees = Schedule(Licence, $$"""
            [{ "id": "student", "name": {{Name("Student")}}, "percentOff": 50, "items": ["licence"],
               "when": { "all": [ { "field": "student", "equals": true }, { "field": "fullTime", "equals": true } ] } }]
            """);

        var quote = Quote(fees, Answers(("student", student), ("fullTime", fullTime)));

        Assert.Equal(licence, quote.Lines[0].Amount);
        Assert.Equal(licence + 100m, quote.Total);
    }

    [Theory]
    [InlineData("cssa", 0)]
    [InlineData("oala", 0)]
    [InlineData("none", 1000)]
    public void Quote_ConcessionWithAny_AppliesWhenOneTestHolds(string allowance, int total)
    {
        var fees = Schedule(Licence, $$"""
            [{ "id": "allowance", "name": {{Name("Allowance")}},
               "when": { "any": [ { "field": "allowance", "equals": "cssa" }, { "field": "allowance", "equals": "oala" } ] } }]
            """);

        Assert.Equal(total, Quote(fees, Answers(("allowance", allowance))).Total);
    }

    private static readonly string Senior = $$"""[{ "id": "senior", "name": {{Name("Senior")}}, "percentOff": 50, "when": { "field": "profile.age", "atLeast": 65 } }]""";

    [Theory]
    [InlineData("1961-03-16", 64, null)]
    [InlineData("1961-03-15", 65, "senior")]
    [InlineData("1940-01-01", 86, "senior")]
    public void Quote_SeniorConcession_FromTheAgeOnTheBirthday(string born, int age, string? concession)
    {
        var facts = PayerFacts.Born(DateOnly.Parse(born), Today);

        var quote = FeeRules.Quote(Schedule(Licence, Senior), [], facts, Today);

        Assert.Equal(age, facts.Age);
        Assert.All(quote.Lines, l => Assert.Equal(concession, l.ConcessionId));
        Assert.Equal(concession is null ? 1000m : 500m, quote.Total);
    }

    [Fact]
    public void Quote_SeniorConcessionWithoutAKnownAge_NotApplied()
    {
        var quote = FeeRules.Quote(Schedule(Licence, Senior), [], PayerFacts.Born(null, Today), Today);

        Assert.All(quote.Lines, l => Assert.Null(l.ConcessionId));
        Assert.Equal(1000m, quote.Total);
    }

    [Fact]
    public void Quote_SeniorConcession_AnAnswerNamedLikeTheAgeIsNotTheAge()
    {
        // profile.age is the verified age only; an answer with that key (a crafted API call) counts for nothing.
        var quote = FeeRules.Quote(Schedule(Licence, Senior), Answers(("profile.age", 90)), PayerFacts.None, Today);

        Assert.Equal(1000m, quote.Total);
    }

    [Fact]
    public void Quote_TwoConcessionsApply_TheLargestWinsAndTheyDoNotStack()
    {
        var fees = Schedule(Licence, $$"""
            [{ "id": "senior", "name": {{Name("Senior")}}, "percentOff": 50, "when": { "field": "profile.age", "atLeast": 65 } },
             { "id": "disabled", "name": {{Name("Disability")}}, "percentOff": 80, "when": { "field": "disability", "equals": true } },
             { "id": "student", "name": {{Name("Student")}}, "percentOff": 20, "when": { "field": "student", "equals": true } }]
            """);

        var quote = Quote(fees, Answers(("disability", true), ("student", true)), age: 70);

        Assert.All(quote.Lines, l => Assert.Equal(("disabled", "Disability"), (l.ConcessionId, l.ConcessionName!.En)));
        Assert.Equal((180m, 720m), (quote.Lines[0].Amount, quote.Lines[0].Discount));
        Assert.Equal(200m, quote.Total);
    }

    [Fact]
    public void Quote_ConcessionLimitedToItems_LeavesTheOthersAlone()
    {
        var fees = Schedule(Licence, $$"""[{ "id": "waiver", "name": {{Name("Waiver")}}, "items": ["card"], "when": { "field": "lost", "equals": false } }]""");

        var quote = Quote(fees, Answers(("lost", false)));

        Assert.Equal([("licence", null, 900m), ("card", "waiver", 0m)], quote.Lines.Select(l => (l.ItemId, l.ConcessionId, l.Amount)));
    }

    [Fact]
    public void Quote_LargestConcessionForEachItem_ChosenPerItem()
    {
        var fees = Schedule(Licence, $$"""
            [{ "id": "all-half", "name": {{Name("Half")}}, "percentOff": 50, "when": { "field": "x", "answered": true } },
             { "id": "card-free", "name": {{Name("Card free")}}, "items": ["card"], "when": { "field": "x", "answered": true } }]
            """);

        var quote = Quote(fees, Answers(("x", "yes")));

        Assert.Equal([("licence", "all-half", 450m), ("card", "card-free", 0m)], quote.Lines.Select(l => (l.ItemId, l.ConcessionId, l.Amount)));
    }

    [Fact]
    public void Quote_FullWaiver_TotalZeroWithTheLinesKept()
    {
        var fees = Schedule(Licence, $$"""[{ "id": "cssa", "name": {{Name("CSSA")}}, "percentOff": 100, "when": { "field": "cssa", "equals": true } }]""");

        var quote = Quote(fees, Answers(("cssa", true)));

        Assert.Equal(2, quote.Lines.Count);
        Assert.All(quote.Lines, l => Assert.Equal((0m, l.Gross), (l.Amount, l.Discount)));
        Assert.Equal(0m, quote.Total);
    }

    [Theory]
    [InlineData("10.005", "10.01")]
    [InlineData("10.015", "10.02")]
    [InlineData("0.125", "0.13")]
    public void Quote_FixedAmountWithMoreThanCents_RoundedHalfAwayFromZero(string amount, string expected)
    {
        var quote = Quote(Schedule($$"""[{ "id": "x", "name": {{Name("X")}}, "amount": {{amount}} }]"""));

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), quote.Total);
    }

    [Fact]
    public void Quote_PercentOffGivingHalfACent_DiscountRoundedHalfAwayFromZero()
    {
        // 33% of 10.50 is 3.465: away from zero 3.47 (to even would be 3.46).
        var fees = Schedule($$"""[{ "id": "x", "name": {{Name("X")}}, "amount": 10.50 }]""",
            $$"""[{ "id": "c", "name": {{Name("C")}}, "percentOff": 33, "when": { "field": "y", "equals": true } }]""");

        var line = Assert.Single(Quote(fees, Answers(("y", true))).Lines);

        Assert.Equal((3.47m, 7.03m), (line.Discount, line.Amount));
    }

    [Fact]
    public void Quote_UnitPriceWithHalfCents_GrossRoundedOnceForTheLine()
    {
        // 3 × 0.335 = 1.005 → 1.01, not 3 × 0.34.
        var fees = Schedule($$"""[{ "id": "x", "name": {{Name("X")}}, "unitAmount": 0.335, "quantityFrom": "n" }]""");

        Assert.Equal(1.01m, Quote(fees, Answers(("n", 3))).Total);
    }

    [Fact]
    public void Quote_NegativeAmountThatSlippedPastTheCheck_NoNegativeLine()
    {
        var fees = Schedule($$"""[{ "id": "x", "name": {{Name("X")}}, "amount": -50 }, { "id": "y", "name": {{Name("Y")}}, "amount": 20 }]""",
            $$"""[{ "id": "c", "name": {{Name("C")}}, "percentOff": 50, "when": { "field": "z", "equals": true } }]""");

        var quote = Quote(fees, Answers(("z", true)));

        Assert.All(quote.Lines, l => Assert.True(l.Amount >= 0 && l.Discount >= 0));
        Assert.Equal(10m, quote.Total);
    }

    [Fact]
    public void Born_DayBeforeAndOnTheBirthday_AgeTurnsOnTheDay()
    {
        var born = new DateOnly(1961, 3, 15);

        Assert.Equal(64, PayerFacts.Born(born, new DateOnly(2026, 3, 14)).Age);
        Assert.Equal(65, PayerFacts.Born(born, new DateOnly(2026, 3, 15)).Age);
        Assert.Equal(65, PayerFacts.Born(born, new DateOnly(2027, 3, 14)).Age);
    }
}
