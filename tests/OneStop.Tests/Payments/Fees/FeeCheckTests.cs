using OneStop.Payments.Fees;
using static OneStop.Tests.Payments.Fees.FeeRulesTests;

namespace OneStop.Tests.Payments.Fees;

/// <summary>What stops a fee schedule being saved: each problem with its code and where it is.</summary>
public sealed class FeeCheckTests
{
    private static readonly HashSet<string> FormFields = ["vehicles", "area", "express", "student"];

    private static (string Path, string Code, string Argument)[] Problems(FeeDefinition fees, IReadOnlySet<string>? fields = null) =>
        FeeCheck.Run(fees, fields).Select(p => (p.Path, p.Code, p.Arguments.FirstOrDefault() ?? "")).ToArray();

    [Fact]
    public void Run_GoodSchedule_NoProblems()
    {
        var fees = Schedule($$"""
            [{ "id": "permit", "name": {{Name("Permit")}}, "unitAmount": 100, "quantityFrom": "vehicles", "maxQuantity": 10 },
             { "id": "licence", "name": {{Name("Licence")}}, "tierFrom": "area", "tiers": [ { "upTo": 50, "amount": 3000 }, { "amount": 5000 } ] },
             { "id": "express", "name": {{Name("Express")}}, "amount": 0, "when": { "field": "express", "equals": true } }]
            """, $$"""
            [{ "id": "senior", "name": {{Name("Senior")}}, "percentOff": 50, "items": ["permit"],
               "when": { "any": [ { "field": "profile.age", "atLeast": 65 }, { "field": "student", "equals": true } ] } }]
            """);

        Assert.Empty(Problems(fees, FormFields));
    }

    [Fact]
    public void Run_NoItems_NoItems() =>
        Assert.Equal([("items", "noItems", "")], Problems(Schedule("[]")));

    [Theory]
    [InlineData("Permit")]
    [InlineData("-permit")]
    [InlineData("permit fee")]
    [InlineData("")]
    public void Run_BadItemId_BadId(string id) =>
        Assert.Contains(("items[0].id", "badId", id), Problems(Schedule($$"""[{ "id": "{{id}}", "name": {{Name("X")}}, "amount": 1 }]""")));

    [Fact]
    public void Run_TwoItemsWithOneId_DuplicateId() =>
        Assert.Equal([("items[1].id", "duplicateId", "x")],
            Problems(Schedule($$"""[{ "id": "x", "name": {{Name("X")}}, "amount": 1 }, { "id": "x", "name": {{Name("Y")}}, "amount": 2 }]""")));

    [Fact]
    public void Run_TwoConcessionsWithOneId_DuplicateId() =>
        Assert.Equal([("concessions[1].id", "duplicateId", "c")],
            Problems(Schedule($$"""[{ "id": "x", "name": {{Name("X")}}, "amount": 1 }]""", $$"""
                [{ "id": "c", "name": {{Name("C")}}, "when": { "field": "a", "equals": 1 } },
                 { "id": "c", "name": {{Name("D")}}, "when": { "field": "b", "equals": 1 } }]
                """)));

    [Fact]
    public void Run_NameMissingInALanguage_MissingText() =>
        Assert.Equal([("items[0].name", "missingText", "")],
            Problems(Schedule("""[{ "id": "x", "name": { "en": "X", "zh-HK": " ", "zh-CN": "X" }, "amount": 1 }]""")));

    [Theory]
    [InlineData("\"amount\": 1, \"unitAmount\": 2, \"quantityFrom\": \"vehicles\"")]
    [InlineData("\"amount\": 1, \"tierFrom\": \"area\", \"tiers\": [{ \"amount\": 1 }]")]
    [InlineData("\"quantityFrom\": \"vehicles\"")]
    public void Run_PricedNoneOrTwoWays_OnePrice(string price) =>
        Assert.Contains(("items[0]", "onePrice", "x"), Problems(Schedule($$"""[{ "id": "x", "name": {{Name("X")}}, {{price}} }]""")));

    [Theory]
    [InlineData("\"amount\": -0.01")]
    [InlineData("\"amount\": 10000000.01")]
    [InlineData("\"unitAmount\": -1, \"quantityFrom\": \"vehicles\"")]
    [InlineData("\"tierFrom\": \"area\", \"tiers\": [{ \"upTo\": 1, \"amount\": 5 }, { \"amount\": -5 }]")]
    public void Run_AmountBelowZeroOrAboveTheLimit_AmountOutOfRange(string price) =>
        Assert.Equal([("items[0]", "amountOutOfRange", "x")], Problems(Schedule($$"""[{ "id": "x", "name": {{Name("X")}}, {{price}} }]""")));

    [Fact]
    public void Run_PerUnitWithoutItsAnswer_QuantityFromMissing() =>
        Assert.Equal([("items[0].quantityFrom", "quantityFromMissing", "x")], Problems(Schedule($$"""[{ "id": "x", "name": {{Name("X")}}, "unitAmount": 5 }]""")));

    [Fact]
    public void Run_MaxQuantityZero_MaxQuantity() =>
        Assert.Equal([("items[0].maxQuantity", "maxQuantity", "x")],
            Problems(Schedule($$"""[{ "id": "x", "name": {{Name("X")}}, "unitAmount": 5, "quantityFrom": "vehicles", "maxQuantity": 0 }]""")));

    [Fact]
    public void Run_TiersWithoutTheirAnswer_TierFromMissing() =>
        Assert.Equal([("items[0].tierFrom", "tierFromMissing", "x")], Problems(Schedule($$"""[{ "id": "x", "name": {{Name("X")}}, "tiers": [{ "amount": 5 }] }]""")));

    [Theory]
    [InlineData("[{ \"upTo\": 50, \"amount\": 1 }, { \"upTo\": 50, \"amount\": 2 }]")]
    [InlineData("[{ \"upTo\": 50, \"amount\": 1 }, { \"upTo\": 40, \"amount\": 2 }]")]
    [InlineData("[{ \"amount\": 1 }, { \"upTo\": 40, \"amount\": 2 }]")]
    public void Run_TiersOutOfOrderOrOpenBeforeTheLast_TierOrder(string tiers) =>
        Assert.Equal([("items[0].tiers", "tierOrder", "x")], Problems(Schedule($$"""[{ "id": "x", "name": {{Name("X")}}, "tierFrom": "area", "tiers": {{tiers}} }]""")));

    [Fact]
    public void Run_AnswersTheFormDoesNotAsk_UnknownField()
    {
        var fees = Schedule($$"""
            [{ "id": "x", "name": {{Name("X")}}, "unitAmount": 5, "quantityFrom": "cars", "when": { "field": "fast", "equals": true } }]
            """, $$"""[{ "id": "c", "name": {{Name("C")}}, "when": { "all": [ { "field": "profile.age", "atLeast": 65 }, { "field": "poor", "equals": true } ] } }]""");

        Assert.Equal([("items[0]", "unknownField", "cars"), ("items[0]", "unknownField", "fast"), ("concessions[0].when", "unknownField", "poor")], Problems(fees, FormFields));
        Assert.Empty(Problems(fees));
    }

    [Fact]
    public void Run_AgeInAnItem_AgeOnlyInConcessions() =>
        Assert.Equal([("items[0]", "ageOnlyInConcessions", "x")],
            Problems(Schedule($$"""[{ "id": "x", "name": {{Name("X")}}, "amount": 5, "when": { "field": "profile.age", "atLeast": 65 } }]"""), FormFields));

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(100.5)]
    public void Run_PercentOffOutside1To100_PercentOutOfRange(decimal percent) =>
        Assert.Equal([("concessions[0].percentOff", "percentOutOfRange", "c")],
            Problems(Schedule($$"""[{ "id": "x", "name": {{Name("X")}}, "amount": 1 }]""",
                $$"""[{ "id": "c", "name": {{Name("C")}}, "percentOff": {{percent.ToString(System.Globalization.CultureInfo.InvariantCulture)}}, "when": { "field": "a", "equals": 1 } }]""")));

    [Fact]
    public void Run_ConcessionNamingNoItem_UnknownItem() =>
        Assert.Equal([("concessions[0].items", "unknownItem", "card")],
            Problems(Schedule($$"""[{ "id": "x", "name": {{Name("X")}}, "amount": 1 }]""",
                $$"""[{ "id": "c", "name": {{Name("C")}}, "items": ["x", "card"], "when": { "field": "a", "equals": 1 } }]""")));

    [Fact]
    public void Parse_UnknownKey_RefusedWithItsPath()
    {
        Assert.Null(FeeJson.Parse("""{ "items": [], "fee": 1 }""", out var error));
        Assert.Contains("fee", error);
    }

    [Fact]
    public void Write_ThenParse_SameSchedule()
    {
        var fees = Schedule($$"""
            [{ "id": "licence", "name": {{Name("Licence")}}, "tierFrom": "area", "tiers": [ { "upTo": 50, "amount": 3000 }, { "amount": 5000 } ] }]
            """, Senior(), when: "approval") with { RefundOnRejection = true };

        var read = FeeJson.Parse(FeeJson.Write(fees), out var error);

        Assert.Null(error);
        Assert.Equal(FeeJson.Write(fees), FeeJson.Write(read!));
        Assert.Equal((PaymentTiming.Approval, true), (read!.When, read.RefundOnRejection));
    }

    private static string Senior() => $$"""[{ "id": "senior", "name": {{Name("Senior")}}, "percentOff": 50, "when": { "field": "profile.age", "atLeast": 65 } }]""";
}
