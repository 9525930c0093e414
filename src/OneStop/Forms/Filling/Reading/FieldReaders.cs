using System.Globalization;
using System.Text.Json.Nodes;
using OneStop.Forms.Answers;
using OneStop.Forms.Definitions;
using OneStop.Identity.Profile;

namespace OneStop.Forms.Filling.Reading;

/// <summary>
/// Turns one field's boxes into its canonical answer (AnswerValues) and back. Reading never fails: what
/// cannot be made canonical is kept as the text typed, so FieldCheck names the problem ("must be a number")
/// in the same words as for any other client. Nothing typed reads as null (no answer).
/// </summary>
public interface IFieldReader
{
    JsonNode? Read(FieldInputs inputs, string name, FieldDefinition field);

    void Write(JsonNode? value, FieldInputs inputs, string name, FieldDefinition field);
}

public static class FieldReaders
{
    private static readonly IFieldReader Text = new TextReader();

    /// <summary>The reader for a type; null for types with nothing to read here (guidance, headings, and files, which the upload pages own).</summary>
    public static IFieldReader? For(FieldType type) => type switch
    {
        FieldType.Text or FieldType.TextArea or FieldType.Email or FieldType.Radios or FieldType.Select => Text,
        FieldType.Phone => new PhoneReader(),
        FieldType.HongKongId => new HongKongIdReader(),
        FieldType.Number or FieldType.Decimal or FieldType.Money => new NumberReader(),
        FieldType.Date => new DateReader(),
        FieldType.YesNo => new YesNoReader(),
        FieldType.Declaration => new DeclarationReader(),
        FieldType.Checkboxes => new CheckboxesReader(),
        FieldType.Address => new AddressReader(),
        FieldType.Group => new GroupReader(),
        _ => null,
    };

    internal static JsonNode? OrNull(string text) => string.IsNullOrWhiteSpace(text) ? null : JsonValue.Create(text.Trim());
}

/// <summary>Text, long text, email, and single choices (radios, dropdown): the trimmed text.</summary>
public sealed class TextReader : IFieldReader
{
    public JsonNode? Read(FieldInputs inputs, string name, FieldDefinition field) => FieldReaders.OrNull(inputs.Text(name));

    public void Write(JsonNode? value, FieldInputs inputs, string name, FieldDefinition field) => inputs.Set(name, AnswerValues.AsString(value));
}

/// <summary>Phone numbers without the spaces, hyphens and brackets people type to group digits.</summary>
public sealed class PhoneReader : IFieldReader
{
    public JsonNode? Read(FieldInputs inputs, string name, FieldDefinition field)
    {
        var typed = inputs.Text(name);
        return FieldReaders.OrNull(new string(typed.Where(c => !char.IsWhiteSpace(c) && c is not ('-' or '(' or ')')).ToArray()));
    }

    public void Write(JsonNode? value, FieldInputs inputs, string name, FieldDefinition field) => inputs.Set(name, AnswerValues.AsString(value));
}

/// <summary>Identity card numbers as printed, A123456(3), whatever the case and brackets typed.</summary>
public sealed class HongKongIdReader : IFieldReader
{
    public JsonNode? Read(FieldInputs inputs, string name, FieldDefinition field)
    {
        var typed = inputs.Text(name);
        return HongKongId.Parse(typed) is { } id ? JsonValue.Create(id.ToString()) : FieldReaders.OrNull(typed);
    }

    public void Write(JsonNode? value, FieldInputs inputs, string name, FieldDefinition field) => inputs.Set(name, AnswerValues.AsString(value));
}

/// <summary>Numbers, decimals and money: thousands separators, spaces and a leading HK$ or $ are allowed.</summary>
public sealed class NumberReader : IFieldReader
{
    public JsonNode? Read(FieldInputs inputs, string name, FieldDefinition field)
    {
        var typed = inputs.Text(name).Trim();
        if (typed.Length == 0) return null;
        var bare = typed.Replace(",", "").Replace(" ", "");
        if (field.Type == FieldType.Money)
        {
            if (bare.StartsWith("HK$", StringComparison.OrdinalIgnoreCase)) bare = bare[3..];
            else if (bare.StartsWith('$')) bare = bare[1..];
        }
        return bare.Length <= 30 && decimal.TryParse(bare, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            ? JsonValue.Create(number)
            : JsonValue.Create(typed);
    }

    public void Write(JsonNode? value, FieldInputs inputs, string name, FieldDefinition field) =>
        inputs.Set(name, AnswerValues.AsDecimal(value) is { } number
            ? field.Type == FieldType.Money ? number.ToString("0.00", CultureInfo.InvariantCulture) : number.ToString(CultureInfo.InvariantCulture)
            : AnswerValues.AsString(value));
}

/// <summary>The GOV.UK date input: day, month and year boxes make an ISO date; anything else stays as typed (not a date).</summary>
public sealed class DateReader : IFieldReader
{
    public JsonNode? Read(FieldInputs inputs, string name, FieldDefinition field)
    {
        var (day, month, year) = (inputs.Text(name + ".day").Trim(), inputs.Text(name + ".month").Trim(), inputs.Text(name + ".year").Trim());
        if (day.Length == 0 && month.Length == 0 && year.Length == 0) return null;
        if (int.TryParse(day, NumberStyles.None, CultureInfo.InvariantCulture, out var d)
            && int.TryParse(month, NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            && int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            && year.Length == 4 && m is >= 1 and <= 12 && y >= 1 && d >= 1 && d <= DateTime.DaysInMonth(y, m))
            return JsonValue.Create(new DateOnly(y, m, d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return JsonValue.Create($"{day}/{month}/{year}");
    }

    public void Write(JsonNode? value, FieldInputs inputs, string name, FieldDefinition field)
    {
        if (AnswerValues.AsDate(value) is not { } date) return;
        inputs.Set(name + ".day", date.Day.ToString(CultureInfo.InvariantCulture));
        inputs.Set(name + ".month", date.Month.ToString(CultureInfo.InvariantCulture));
        inputs.Set(name + ".year", date.Year.ToString(CultureInfo.InvariantCulture));
    }
}

/// <summary>Yes/no radios posting "true" or "false".</summary>
public sealed class YesNoReader : IFieldReader
{
    public JsonNode? Read(FieldInputs inputs, string name, FieldDefinition field) => inputs.Text(name) switch
    {
        "true" => JsonValue.Create(true),
        "false" => JsonValue.Create(false),
        "" => null,
        var other => JsonValue.Create(other),
    };

    public void Write(JsonNode? value, FieldInputs inputs, string name, FieldDefinition field) =>
        inputs.Set(name, value?.GetValueKind() switch { System.Text.Json.JsonValueKind.True => "true", System.Text.Json.JsonValueKind.False => "false", _ => null });
}

/// <summary>A declaration's one checkbox: ticked is true; unticked is no answer (so "required" says to confirm it).</summary>
public sealed class DeclarationReader : IFieldReader
{
    public JsonNode? Read(FieldInputs inputs, string name, FieldDefinition field) => inputs.Text(name) == "true" ? JsonValue.Create(true) : null;

    public void Write(JsonNode? value, FieldInputs inputs, string name, FieldDefinition field) =>
        inputs.Set(name, value?.GetValueKind() == System.Text.Json.JsonValueKind.True ? "true" : null);
}

/// <summary>Checkboxes: the ticked values in the order the form lists them.</summary>
public sealed class CheckboxesReader : IFieldReader
{
    public JsonNode? Read(FieldInputs inputs, string name, FieldDefinition field)
    {
        var ticked = inputs.All(name).Where(v => v.Length > 0).Distinct().ToList();
        if (ticked.Count == 0) return null;
        var ordered = field.Options.Select(o => o.Value).Where(ticked.Contains).Concat(ticked.Where(t => field.Options.All(o => o.Value != t)));
        return new JsonArray(ordered.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
    }

    public void Write(JsonNode? value, FieldInputs inputs, string name, FieldDefinition field) => inputs.Set(name, AnswerValues.Strings(value));
}
