using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using OneStop.Forms.Answers;

namespace OneStop.Forms.Definitions;

/// <summary>
/// When a page or field is shown, or when a rule applies. In JSON: <c>{"all":[…]}</c>, <c>{"any":[…]}</c>,
/// <c>{"not":{…}}</c>, or a test of one answer, <c>{"field":"x","equals":"yes"}</c>, whose operand may be
/// another answer, <c>{"field":"end","greaterThan":{"field":"start"}}</c>.
/// </summary>
[JsonConverter(typeof(ConditionJsonConverter))]
public abstract record Condition
{
    public abstract bool Holds(ConditionContext context);

    /// <summary>Every field id the condition reads, so definitions can be checked for dangling references.</summary>
    public abstract IEnumerable<string> Fields();
}

public sealed record AllCondition(IReadOnlyList<Condition> Conditions) : Condition
{
    public override bool Holds(ConditionContext context) => Conditions.All(c => c.Holds(context));
    public override IEnumerable<string> Fields() => Conditions.SelectMany(c => c.Fields());
}

public sealed record AnyCondition(IReadOnlyList<Condition> Conditions) : Condition
{
    public override bool Holds(ConditionContext context) => Conditions.Any(c => c.Holds(context));
    public override IEnumerable<string> Fields() => Conditions.SelectMany(c => c.Fields());
}

public sealed record NotCondition(Condition Inner) : Condition
{
    public override bool Holds(ConditionContext context) => !Inner.Holds(context);
    public override IEnumerable<string> Fields() => Inner.Fields();
}

public enum Comparison { Equals, NotEquals, In, Contains, Answered, GreaterThan, LessThan, AtLeast, AtMost }

/// <summary>A test of one answer. <see cref="OtherField"/> is set when the operand is another answer.</summary>
public sealed record FieldCondition(string Field, Comparison Comparison, JsonNode? Operand, string? OtherField = null) : Condition
{
    public override IEnumerable<string> Fields() => OtherField is null ? [Field] : [Field, OtherField];

    public override bool Holds(ConditionContext context)
    {
        var answer = context.Answer(Field);
        var operand = OtherField is null ? Operand : context.Answer(OtherField);
        return Comparison switch
        {
            Comparison.Answered => AnswerValues.IsAnswered(answer) == (Operand?.GetValue<bool>() ?? true),
            Comparison.Equals => AnswerValues.IsAnswered(answer) && AnswerValues.Same(answer, operand),
            Comparison.NotEquals => !(AnswerValues.IsAnswered(answer) && AnswerValues.Same(answer, operand)),
            Comparison.In => operand is JsonArray options && AnswerValues.IsAnswered(answer) && (answer is JsonArray ticked
                ? ticked.Any(t => options.Any(o => AnswerValues.Same(t, o)))
                : options.Any(o => AnswerValues.Same(answer, o))),
            Comparison.Contains => answer is JsonArray items && items.Any(i => AnswerValues.Same(i, operand)),
            _ => Compare(answer, operand, context.Today) is { } order && Comparison switch
            {
                Comparison.GreaterThan => order > 0,
                Comparison.LessThan => order < 0,
                Comparison.AtLeast => order >= 0,
                _ => order <= 0,
            },
        };
    }

    /// <summary>Orders numbers as numbers and dates as dates (a date operand may be relative: <c>today-18y</c>); null when either is missing or they differ in kind.</summary>
    private static int? Compare(JsonNode? answer, JsonNode? operand, DateOnly today)
    {
        if (AnswerValues.AsDecimal(answer) is { } a && AnswerValues.AsDecimal(operand) is { } b) return a.CompareTo(b);
        if (AnswerValues.AsDate(answer) is { } x && operand is JsonValue v && v.TryGetValue<string>(out var text)
            && DateBound.Resolve(text, today) is { } y) return x.CompareTo(y);
        return null;
    }
}

/// <summary>What a condition is evaluated against: answers by field id (a group item's own fields first) and today's date in Hong Kong.</summary>
public sealed record ConditionContext(Func<string, JsonNode?> Answer, DateOnly Today);

internal sealed class ConditionJsonConverter : JsonConverter<Condition>
{
    private static readonly Dictionary<string, Comparison> Operators = Enum.GetValues<Comparison>()
        .ToDictionary(c => JsonNamingPolicy.CamelCase.ConvertName(c.ToString()), c => c);

    public override Condition Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var node = JsonNode.Parse(ref reader) as JsonObject ?? throw new JsonException("A condition is a JSON object.");
        return FromNode(node);
    }

    private static Condition FromNode(JsonObject node)
    {
        if (node.Count == 1 && node["all"] is JsonArray all) return new AllCondition(List(all));
        if (node.Count == 1 && node["any"] is JsonArray any) return new AnyCondition(List(any));
        if (node.Count == 1 && node["not"] is JsonObject not) return new NotCondition(FromNode(not));
        if (node.Count != 2 || node["field"] is not JsonValue field || !field.TryGetValue<string>(out var id))
            throw new JsonException("A condition is {\"all\":[…]}, {\"any\":[…]}, {\"not\":{…}} or {\"field\":\"id\", \"<test>\": value}.");
        var (name, operand) = node.First(p => p.Key != "field");
        if (!Operators.TryGetValue(name, out var comparison))
            throw new JsonException($"Unknown test '{name}'. Use one of: {string.Join(", ", Operators.Keys)}.");
        // Checked before operand references: {"answered":{"field":"x"}} would otherwise read as answered:true.
        if (comparison == Comparison.Answered && operand?.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
            throw new JsonException("'answered' takes true or false.");
        if (operand is JsonObject { Count: 1 } reference && reference["field"] is JsonValue other && other.TryGetValue<string>(out var otherId))
            return new FieldCondition(id, comparison, null, otherId);
        if (comparison == Comparison.In && operand is not JsonArray) throw new JsonException("'in' takes a list of values.");
        return new FieldCondition(id, comparison, operand?.DeepClone());
    }

    private static List<Condition> List(JsonArray items) =>
        items.Select(i => i as JsonObject ?? throw new JsonException("A condition is a JSON object.")).Select(FromNode).ToList();

    public override void Write(Utf8JsonWriter writer, Condition value, JsonSerializerOptions options) => ToNode(value).WriteTo(writer, options);

    private static JsonObject ToNode(Condition condition) => condition switch
    {
        AllCondition all => new JsonObject { ["all"] = new JsonArray(all.Conditions.Select(c => (JsonNode)ToNode(c)).ToArray()) },
        AnyCondition any => new JsonObject { ["any"] = new JsonArray(any.Conditions.Select(c => (JsonNode)ToNode(c)).ToArray()) },
        NotCondition not => new JsonObject { ["not"] = ToNode(not.Inner) },
        FieldCondition f => new JsonObject
        {
            ["field"] = f.Field,
            [JsonNamingPolicy.CamelCase.ConvertName(f.Comparison.ToString())] =
                f.OtherField is null ? f.Operand?.DeepClone() : new JsonObject { ["field"] = f.OtherField },
        },
        _ => throw new NotSupportedException(condition.GetType().Name),
    };
}

/// <summary>Date limits in definitions: <c>today</c>, <c>today+30d</c>, <c>today-18y</c> (d, w, m, y), or an ISO date.</summary>
public static class DateBound
{
    public static DateOnly? Resolve(string text, DateOnly today)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        if (!text.StartsWith("today", StringComparison.Ordinal)) return null;
        var rest = text[5..];
        if (rest.Length == 0) return today;
        if (rest.Length < 3 || rest[0] is not ('+' or '-') || !int.TryParse(rest[1..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return null;
        // At most 200 years in any unit, so the result is a real date for any today (AddYears(9000) would throw).
        var limit = rest[^1] switch { 'd' => 200 * 366, 'w' => 200 * 53, 'm' => 200 * 12, 'y' => 200, _ => -1 };
        if (n > limit) return null;
        if (rest[0] == '-') n = -n;
        return rest[^1] switch
        {
            'd' => today.AddDays(n),
            'w' => today.AddDays(7 * n),
            'm' => today.AddMonths(n),
            _ => today.AddYears(n),
        };
    }
}
