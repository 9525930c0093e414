using System.Text.Json;
using Json.Schema;
using OneStop.Documents.Demo;
using OneStop.Documents.Templates;

namespace OneStop.Tests.Documents.Templates;

/// <summary>The published JSON Schema (docs/documents/document-template.schema.json) accepts the demo templates and the guide's examples, and refuses what the reader would.</summary>
public sealed class TemplateSchemaTests
{
    private static string Doc(string name)
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "OneStop.slnx"))) folder = folder.Parent;
        return File.ReadAllText(Path.Combine(folder?.FullName ?? throw new InvalidOperationException("No OneStop.slnx above the test folder."), "docs", "documents", name));
    }

    private static readonly Lazy<JsonSchema> Published = new(() => JsonSchema.FromText(Doc("document-template.schema.json")));

    private static bool Valid(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Published.Value.Evaluate(document.RootElement).IsValid;
    }

    public static TheoryData<string> Services() => new(DemoDocuments.Templates.Select(t => t.Service));

    [Theory]
    [MemberData(nameof(Services))]
    public void Schema_DemoTemplate_IsValidAsWrittenAndAsStored(string service)
    {
        var json = DemoDocuments.Templates.Single(t => t.Service == service).Json;

        Assert.True(Valid(json));
        Assert.True(Valid(DocumentJson.Write(DocumentJson.Parse(json, out _)!)));
    }

    /// <summary>Every complete template in the guide (a code block that starts with <c>{</c> and has a numberPrefix) reads, passes the check and the schema.</summary>
    [Fact]
    public void Docs_ExampleTemplates_ReadPassTheCheckAndTheSchema()
    {
        var examples = Doc("templates.md").Split("```json\n").Skip(1).Select(part => part[..part.IndexOf("```", StringComparison.Ordinal)])
            .Where(json => json.TrimStart().StartsWith('{') && json.Contains("\"numberPrefix\"", StringComparison.Ordinal)).ToList();

        Assert.True(examples.Count >= 3, $"{examples.Count} examples");
        foreach (var json in examples)
        {
            Assert.True(DocumentJson.Parse(json, out var error) is not null, error);
            Assert.True(Valid(json), json);
        }
    }

    private const string Title = """{ "en": "Letter", "zh-HK": "信件", "zh-CN": "信件" }""";

    [Theory]
    [InlineData("""{ "numberPrefix": "X" }""")]
    [InlineData($$"""{ "title": {{Title}} }""")]
    [InlineData($$"""{ "title": {{Title}}, "numberPrefix": "td-x" }""")]
    [InlineData($$"""{ "title": { "en": "Letter" }, "numberPrefix": "X" }""")]
    [InlineData($$"""{ "title": {{Title}}, "numberPrefix": "X", "kind": "passport" }""")]
    [InlineData($$"""{ "title": {{Title}}, "numberPrefix": "X", "holder": "applicant" }""")]
    [InlineData($$"""{ "title": {{Title}}, "numberPrefix": "X", "fields": [ { "label": {{Title}}, "from": "profile.age" } ] }""")]
    [InlineData($$"""{ "title": {{Title}}, "numberPrefix": "X", "validity": { "years": 1 }, "reminderDays": [0] }""")]
    [InlineData($$"""{ "title": {{Title}}, "numberPrefix": "X", "delivery": [] }""")]
    [InlineData($$"""{ "title": {{Title}}, "numberPrefix": "X", "delivery": ["pigeon"] }""")]
    [InlineData($$"""{ "title": {{Title}}, "numberPrefix": "X", "colour": "red" }""")]
    public void Schema_WhatTheReaderRefuses_Invalid(string json)
    {
        Assert.Null(DocumentJson.Parse(json, out _));
        Assert.False(Valid(json));
    }
}
