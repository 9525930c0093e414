using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using OneStop.Forms.Definitions;

namespace OneStop.Office.Forms;

/// <summary>One row of the condition builder: "field test value".</summary>
public sealed record ConditionRow(string? Field, string? Test, string? Value);

/// <summary>
/// A condition as the editor shows it, without JavaScript: none, a builder (tests of answers against
/// values, combined with all or any), or the condition's JSON for anything the builder cannot say
/// (not, nesting, comparing two answers). Inputs are named <c>{Prefix}Mode</c>, <c>{Prefix}Combine</c>,
/// <c>{Prefix}Rows[i].Field|Test|Value</c> and <c>{Prefix}Json</c>.
/// </summary>
public sealed class ConditionInput
{
    public const string None = "none", Builder = "builder", Json = "json";
    private const int BlankRows = 2, MaxRows = 30;

    public required string Prefix { get; init; }
    public string Mode { get; set; } = None;
    public string Combine { get; set; } = "all";
    public List<ConditionRow> Rows { get; set; } = [];
    public string JsonText { get; set; } = "";

    public static readonly string[] Tests = Enum.GetValues<Comparison>().Select(c => JsonNamingPolicy.CamelCase.ConvertName(c.ToString())).ToArray();

    public static ConditionInput From(string prefix, Condition? condition)
    {
        var input = new ConditionInput { Prefix = prefix, JsonText = condition is null ? "" : Write(condition) };
        if (condition is not null && Simple(condition) is { } simple)
        {
            input.Mode = Builder;
            input.Combine = condition is AnyCondition ? "any" : "all";
            input.Rows = simple.Select(f => new ConditionRow(f.Field, JsonNamingPolicy.CamelCase.ConvertName(f.Comparison.ToString()), Show(f.Operand))).ToList();
        }
        else if (condition is not null)
        {
            input.Mode = Json;
        }
        input.Rows.AddRange(Enumerable.Repeat(new ConditionRow(null, "equals", null), BlankRows));
        return input;
    }

    public static ConditionInput Read(IFormCollection form, string prefix)
    {
        var input = new ConditionInput
        {
            Prefix = prefix,
            Mode = form[prefix + "Mode"].ToString() is Builder or Json ? form[prefix + "Mode"].ToString() : None,
            Combine = form[prefix + "Combine"] == "any" ? "any" : "all",
            JsonText = form[prefix + "Json"].ToString(),
        };
        for (var i = 0; i < MaxRows; i++)
        {
            var field = form[$"{prefix}Rows[{i}].Field"].ToString();
            if (!form.ContainsKey($"{prefix}Rows[{i}].Field")) break;
            input.Rows.Add(new ConditionRow(field, form[$"{prefix}Rows[{i}].Test"], form[$"{prefix}Rows[{i}].Value"]));
        }
        // After an error the page shows the rows as typed, with room for more.
        if (input.Rows.Count(r => string.IsNullOrEmpty(r.Field)) == 0) input.Rows.Add(new ConditionRow(null, "equals", null));
        return input;
    }

    /// <summary>The condition typed, or an error (a string key and argument) with nothing changed.</summary>
    public Condition? ToCondition(Func<string, FieldDefinition?> field, out (string Key, string? Argument)? error)
    {
        error = null;
        if (Mode == Json)
        {
            if (string.IsNullOrWhiteSpace(JsonText)) return null;
            try
            {
                return JsonSerializer.Deserialize<Condition>(JsonText, DefinitionJson.Options);
            }
            catch (JsonException e)
            {
                error = ("office.forms.condition.error.json", e.Message);
                return null;
            }
        }
        if (Mode != Builder) return null;
        var tests = new List<Condition>();
        foreach (var row in Rows.Where(r => !string.IsNullOrEmpty(r.Field)))
        {
            var test = Enum.GetValues<Comparison>().Cast<Comparison?>().FirstOrDefault(c => JsonNamingPolicy.CamelCase.ConvertName(c!.Value.ToString()) == row.Test);
            if (test is null)
            {
                error = ("office.forms.condition.error.test", row.Field);
                return null;
            }
            var operand = Operand(field(row.Field!), test.Value, (row.Value ?? "").Trim(), out var problem);
            if (problem is not null)
            {
                error = (problem, row.Field);
                return null;
            }
            tests.Add(new FieldCondition(row.Field!, test.Value, operand));
        }
        return tests.Count switch
        {
            0 => null,
            1 when Combine == "all" => tests[0],
            _ => Combine == "any" ? new AnyCondition(tests) : new AllCondition(tests),
        };
    }

    /// <summary>The value typed, as the answer it is compared with is shaped (numbers, yes/no, lists for "in").</summary>
    private static JsonNode? Operand(FieldDefinition? field, Comparison test, string text, out string? problem)
    {
        problem = null;
        if (test == Comparison.Answered)
        {
            if (text is "" or "yes" or "true") return JsonValue.Create(true);
            if (text is "no" or "false") return JsonValue.Create(false);
            problem = "office.forms.condition.error.answered";
            return null;
        }
        if (test == Comparison.In)
        {
            var items = new JsonArray();
            foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                items.Add(Value(field, part, out problem));
                if (problem is not null) return null;
            }
            return items;
        }
        return Value(field, text, out problem);
    }

    private static JsonNode? Value(FieldDefinition? field, string text, out string? problem)
    {
        problem = null;
        switch (field?.Type)
        {
            case FieldType.Number or FieldType.Decimal or FieldType.Money:
                if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number)) return JsonValue.Create(number);
                problem = "office.forms.condition.error.number";
                return null;
            case FieldType.YesNo or FieldType.Declaration:
                if (text is "yes" or "true") return JsonValue.Create(true);
                if (text is "no" or "false") return JsonValue.Create(false);
                problem = "office.forms.condition.error.yesNo";
                return null;
            default:
                return JsonValue.Create(text);
        }
    }

    /// <summary>The tests of a condition the builder can show, or null when it needs the JSON view.</summary>
    private static IReadOnlyList<FieldCondition>? Simple(Condition condition)
    {
        IReadOnlyList<Condition> parts = condition switch
        {
            AllCondition all => all.Conditions,
            AnyCondition any => any.Conditions,
            _ => [condition],
        };
        if (parts.Count == 0) return null;
        var tests = new List<FieldCondition>();
        foreach (var part in parts)
        {
            if (part is not FieldCondition { OtherField: null } test || test.Operand is JsonObject) return null;
            if (test.Operand is JsonArray items && (test.Comparison != Comparison.In || items.Any(i => i is not JsonValue || Show(i).Contains(',')))) return null;
            tests.Add(test);
        }
        return tests;
    }

    /// <summary>An operand as the value box shows it.</summary>
    public static string Show(JsonNode? value) => value switch
    {
        null => "",
        JsonArray items => string.Join(", ", items.Select(Show)),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.True => "yes",
        JsonValue v when v.GetValueKind() == JsonValueKind.False => "no",
        _ => value.ToJsonString(),
    };

    public static string Write(Condition condition) => JsonSerializer.Serialize(condition, DefinitionJson.Options);
}

/// <summary>What the condition partial needs: the input, its legend, the fields it may read, and an error.</summary>
public sealed record ConditionView(ConditionInput Input, string Legend, IReadOnlyList<FieldDefinition> Fields, string? Error);
