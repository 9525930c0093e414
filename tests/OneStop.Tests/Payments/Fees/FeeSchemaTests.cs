using System.Text.Json;
using Json.Schema;
using OneStop.Payments.Demo;
using OneStop.Payments.Fees;
using static OneStop.Tests.Payments.Fees.FeeRulesTests;

namespace OneStop.Tests.Payments.Fees;

/// <summary>The published JSON Schema (docs/payments/fee-schedule.schema.json) accepts the demo schedules and the documented examples, and refuses what the check would.</summary>
public sealed class FeeSchemaTests
{
    public static string Doc(string name)
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "OneStop.slnx"))) folder = folder.Parent;
        return File.ReadAllText(Path.Combine(folder?.FullName ?? throw new InvalidOperationException("No OneStop.slnx above the test folder."), "docs", "payments", name));
    }

    private static readonly Lazy<JsonSchema> Published = new(() => JsonSchema.FromText(Doc("fee-schedule.schema.json")));

    private static bool Valid(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Published.Value.Evaluate(document.RootElement).IsValid;
    }

    public static TheoryData<string> Services() => new(DemoFees.All.Select(f => f.Service));

    [Theory]
    [MemberData(nameof(Services))]
    public void Schema_DemoSchedule_IsValidAsWrittenAndAsStored(string service)
    {
        var json = DemoFees.All.Single(f => f.Service == service).Json;

        Assert.True(Valid(json));
        Assert.True(Valid(FeeJson.Write(FeeJson.Parse(json, out _)!)));
    }

    /// <summary>Every complete schedule in the doc (a code block that starts with <c>{</c> and has items) reads, passes the check and the schema.</summary>
    [Fact]
    public void Docs_ExampleSchedules_ReadPassTheCheckAndTheSchema()
    {
        var doc = Doc("fees.md");
        var examples = doc.Split("```json\n").Skip(1).Select(part => part[..part.IndexOf("```", StringComparison.Ordinal)])
            .Where(json => json.TrimStart().StartsWith('{') && json.Contains("\"items\"", StringComparison.Ordinal)).ToList();

        Assert.True(examples.Count >= 4, $"{examples.Count} examples");
        foreach (var json in examples)
        {
            var fees = FeeJson.Parse(json, out var error);
            Assert.True(fees is not null, error);
            Assert.Empty(FeeCheck.Run(fees));
            Assert.True(Valid(json), json);
        }
    }

    [Theory]
    [InlineData("""{ "items": [] }""")]
    [InlineData("""{ "items": [ { "id": "x", "name": NAME, "amount": 1, "unitAmount": 2, "quantityFrom": "n" } ] }""")]
    [InlineData("""{ "items": [ { "id": "x", "name": NAME, "amount": -1 } ] }""")]
    [InlineData("""{ "items": [ { "id": "X", "name": NAME, "amount": 1 } ] }""")]
    [InlineData("""{ "items": [ { "id": "x", "name": NAME, "unitAmount": 2 } ] }""")]
    [InlineData("""{ "items": [ { "id": "x", "name": NAME, "amount": 1 } ], "concessions": [ { "id": "c", "name": NAME, "percentOff": 0, "when": { "field": "a", "equals": 1 } } ] }""")]
    [InlineData("""{ "items": [ { "id": "x", "name": NAME, "amount": 1 } ], "when": "later" }""")]
    public void Schema_WhatTheCheckOrReaderRefuses_IsInvalid(string json)
    {
        var text = json.Replace("NAME", Name("X"), StringComparison.Ordinal);

        Assert.False(Valid(text));
        Assert.True(FeeJson.Parse(text, out _) is not { } fees || FeeCheck.Run(fees).Count > 0);
    }
}
