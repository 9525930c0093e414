using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using OneStop.Forms.Definitions;
using OneStop.Platform.Storage;

namespace OneStop.Tests.Forms.Engine;

/// <summary>The published JSON Schema (docs/forms/form-definition.schema.json) accepts what the reader accepts and names what the code knows.</summary>
public sealed class SchemaTests
{
    private static readonly Lazy<(JsonSchema Schema, JsonNode Json)> Published = new(() =>
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "OneStop.slnx"))) folder = folder.Parent;
        var path = Path.Combine(folder?.FullName ?? throw new InvalidOperationException("No OneStop.slnx above the test folder."), "docs", "forms", "form-definition.schema.json");
        var text = File.ReadAllText(path);
        return (JsonSchema.FromText(text), JsonNode.Parse(text)!);
    });

    private static List<string> Violations(string json)
    {
        using var document = JsonDocument.Parse(json);
        var result = Published.Value.Schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid) return [];
        return (result.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key} {e.Value}"))
            .DefaultIfEmpty("invalid")
            .ToList();
    }

    public static TheoryData<string> DemoForms() => new(DemoDefinitions.All().Select(d => d.Name));

    [Theory]
    [MemberData(nameof(DemoForms))]
    public void Schema_DemoForm_IsValid(string name)
    {
        var json = DemoDefinitions.All().Single(d => d.Name == name).Json;

        Assert.Empty(Violations(json));
    }

    [Fact]
    public void Schema_DefinitionWithEveryTypeAndCondition_IsValid()
    {
        var form = Engine.EveryType();
        var json = DefinitionJson.Write(form);

        Assert.Equal(Enum.GetValues<FieldType>().Order(), DemoDefinitions.Deep(form).Select(f => f.Type).Distinct().Order());
        Assert.Empty(Violations(json));
    }

    [Theory]
    [InlineData("""{"field":"a","equals":"x"}""")]
    [InlineData("""{"field":"a","notEquals":{"field":"b"}}""")]
    [InlineData("""{"field":"a","in":["x",2]}""")]
    [InlineData("""{"field":"a","in":{"field":"b"}}""")]
    [InlineData("""{"field":"a","contains":"x"}""")]
    [InlineData("""{"field":"a","answered":false}""")]
    [InlineData("""{"field":"a","greaterThan":3}""")]
    [InlineData("""{"field":"a","lessThan":"today+30d"}""")]
    [InlineData("""{"field":"a","atLeast":{"field":"b"}}""")]
    [InlineData("""{"field":"a","atMost":"2026-12-31"}""")]
    [InlineData("""{"all":[{"any":[]},{"not":{"field":"a","equals":true}}]}""")]
    public void Schema_EveryConditionShape_IsValid(string condition) => Assert.Empty(Violations(WithShowIf(condition)));

    [Theory]
    [InlineData("""{"field":"a"}""")]
    [InlineData("""{"field":"a","equals":1,"notEquals":2}""")]
    [InlineData("""{"field":"a","near":1}""")]
    [InlineData("""{"field":"a","answered":"yes"}""")]
    [InlineData("""{"field":"a","in":"x"}""")]
    [InlineData("""{"field":"a","greaterThan":true}""")]
    [InlineData("""{"all":[],"any":[]}""")]
    [InlineData("""{"not":[]}""")]
    public void Schema_MalformedCondition_IsInvalid(string condition) => Assert.NotEmpty(Violations(WithShowIf(condition)));

    [Theory]
    [InlineData("/colour", "red")]
    [InlineData("/title/fr", "titre")]
    [InlineData("/pages/0/fields/0/lable", "x")]
    [InlineData("/pages/0/extra", 1)]
    public void Schema_UnknownProperty_IsInvalidAsTheReaderSays(string pointer, object value)
    {
        var node = JsonNode.Parse(DefinitionJson.Write(Engine.EveryType()))!;
        var parts = pointer.Trim('/').Split('/');
        var parent = parts[..^1].Aggregate(node, (n, p) => int.TryParse(p, out var i) ? n[i]! : n[p]!);
        parent[parts[^1]] = JsonValue.Create(value);
        var json = node.ToJsonString();

        Assert.NotEmpty(Violations(json));
        Assert.Null(DefinitionJson.Parse(json, out _));
    }

    [Fact]
    public void Schema_WordsWithoutALanguage_IsInvalid()
    {
        var node = JsonNode.Parse(DefinitionJson.Write(Engine.EveryType()))!;
        node["title"]!.AsObject().Remove("zh-CN");

        Assert.NotEmpty(Violations(node.ToJsonString()));
        Assert.Null(DefinitionJson.Parse(node.ToJsonString(), out _));
    }

    [Fact]
    public void Schema_FieldTypes_AreTheCodesFieldTypes()
    {
        var inSchema = Published.Value.Json["$defs"]!["fieldType"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>());
        var inCode = Enum.GetValues<FieldType>().Select(t => JsonSerializer.Serialize(t).Trim('"'));

        Assert.Equal(inCode.Order(), inSchema.Order());
    }

    [Fact]
    public void Schema_Comparisons_AreTheCodesComparisons()
    {
        var inSchema = Published.Value.Json["$defs"]!["fieldTest"]!["properties"]!.AsObject().Select(p => p.Key).Where(k => k != "field");
        var inCode = Enum.GetValues<Comparison>().Select(c => JsonNamingPolicy.CamelCase.ConvertName(c.ToString()));

        Assert.Equal(inCode.Order(), inSchema.Order());
    }

    [Fact]
    public void Schema_ErrorKindsAndFileTypes_AreTheCodes()
    {
        var defs = Published.Value.Json["$defs"]!;
        string[] Enum(string name) => defs[name]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()).Order().ToArray();

        Assert.Equal(DefinitionCheck.ErrorKinds.Order(), Enum("errorKind"));
        Assert.Equal(FileTypeNames.Known.Order(), Enum("fileType"));
    }

    [Fact]
    public void Schema_PrefillValues_AreAllAcceptedByDefinitionCheck()
    {
        var prefills = Published.Value.Json["$defs"]!["field"]!["properties"]!["prefill"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()).ToList();
        var types = Enum.GetValues<FieldType>();

        foreach (var prefill in prefills)
        {
            Assert.Contains(types, type => DefinitionCheck.Check(TestForms.OnePage("td-p", TestForms.Field("a", type) with
            {
                Prefill = prefill,
                Options = type is FieldType.Radios or FieldType.Select ? [new OptionDefinition { Value = "x", Label = TestForms.W("x") }] : [],
            }), FileTypeNames.Known).Count == 0);
        }
        Assert.DoesNotContain(OneStop.Identity.Profile.ProfileFields.All.Except(prefills), p => DefinitionCheck.Check(
            TestForms.OnePage("td-p", TestForms.Field("a", FieldType.Text) with { Prefill = p }), FileTypeNames.Known).Count == 0);
    }

    private static string WithShowIf(string condition)
    {
        var node = JsonNode.Parse(DefinitionJson.Write(TestForms.OnePage("td-c", TestForms.Field("a", FieldType.Text), TestForms.Field("b", FieldType.Text))))!;
        node["pages"]![0]!["fields"]![1]!["showIf"] = JsonNode.Parse(condition);
        return node.ToJsonString();
    }
}
