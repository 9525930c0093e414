using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OneStop.Forms.Definitions;
using OneStop.Identity.Profile;

namespace OneStop.Forms.Answers;

/// <summary>An answer that breaks a rule: where (a field id, or <c>group.0.child</c> in a repeating group), what kind, and the values the message needs.</summary>
public sealed record FieldError(string Path, string Kind, Words? Custom = null, params object[] Args);

/// <summary>
/// Checks one field's canonical answer against its type and limits; the first problem wins, as a page shows
/// one message per field. Runs for every submission, whatever sent it.
/// </summary>
public static class FieldCheck
{
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(100);
    // Our own patterns run in linear time (NonBacktracking) and so need no timeout: a timeout is wall-clock time, and on
    // a busy node a thread waiting for a CPU for 100 ms made a valid email address a 500 (seen in bench/forms.sh).
    private const RegexOptions Linear = RegexOptions.CultureInvariant | RegexOptions.NonBacktracking;
    private static readonly Regex EmailShape = new(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", Linear);
    private static readonly Regex HongKongPhone = new(@"^[2-9]\d{7}$", Linear);
    private static readonly Regex InternationalPhone = new(@"^\+[1-9]\d{6,14}$", Linear);

    public static FieldError? Check(FieldDefinition field, JsonNode? value, string path, DateOnly today)
    {
        if (!field.HasAnswer) return null;
        if (value is null || !AnswerValues.IsAnswered(value))
        {
            var mustAnswer = field.Required || field.Type == FieldType.Group && field.MinItems > 0;
            return mustAnswer ? Error(field, path, Choosing(field.Type) ? "requiredChoice" : "required") : null;
        }
        return field.Type switch
        {
            FieldType.Text or FieldType.TextArea => Text(field, value, path),
            FieldType.Email => Text(field, value, path) ?? (EmailShape.IsMatch(AnswerValues.AsString(value)!) ? null : Error(field, path, "email")),
            FieldType.Phone => Text(field, value, path) ?? Phone(field, AnswerValues.AsString(value)!, path),
            FieldType.HongKongId => AnswerValues.AsString(value) is { } id && HongKongId.Parse(id) is { } parsed && parsed.ToString() == id ? null : Error(field, path, "hkid"),
            FieldType.Number or FieldType.Decimal or FieldType.Money => Number(field, value, path),
            FieldType.Date => Date(field, value, path, today),
            FieldType.YesNo or FieldType.Declaration => value.GetValueKind() is JsonValueKind.True or JsonValueKind.False
                ? field.Type == FieldType.Declaration && !value.GetValue<bool>() ? Error(field, path, "declaration") : null
                : Error(field, path, "type"),
            FieldType.Radios or FieldType.Select => AnswerValues.AsString(value) is { } choice && field.Options.Any(o => o.Value == choice) ? null : Error(field, path, "notOption"),
            FieldType.Checkboxes => Checkboxes(field, value, path),
            FieldType.Address => Address(field, value, path),
            FieldType.File => Files(field, value, path),
            FieldType.Group => value is JsonArray items
                ? items.Count < (field.MinItems ?? 0) ? Error(field, path, "tooFewItems", field.MinItems!)
                : items.Count > (field.MaxItems ?? int.MaxValue) ? Error(field, path, "tooManyItems", field.MaxItems!)
                : items.Any(i => i is not JsonObject) ? Error(field, path, "type") : null
                : Error(field, path, "type"),
            _ => null,
        };
    }

    /// <summary>Types answered by choosing, whose empty message says "select" rather than "enter".</summary>
    public static bool Choosing(FieldType type) =>
        type is FieldType.Radios or FieldType.Checkboxes or FieldType.Select or FieldType.YesNo or FieldType.File or FieldType.Declaration or FieldType.Group;

    private static FieldError Error(FieldDefinition field, string path, string kind, params object[] args) =>
        new(path, kind, field.Errors.GetValueOrDefault(kind), args);

    private static FieldError? Text(FieldDefinition field, JsonNode value, string path)
    {
        if (AnswerValues.AsString(value) is not { } text) return Error(field, path, "type");
        var length = new StringInfo(text).LengthInTextElements;
        if (field.MinLength is { } min && length < min) return Error(field, path, "tooShort", min);
        var max = field.MaxLength ?? (field.Type == FieldType.TextArea ? 5000 : 500);
        if (length > max) return Error(field, path, "tooLong", max);
        if (field.Pattern is { } pattern && !Matches(pattern, text)) return Error(field, path, "pattern");
        return null;
    }

    private static bool Matches(string pattern, string text)
    {
        try
        {
            return Regex.IsMatch(text, $"^(?:{pattern})$", RegexOptions.CultureInvariant, PatternTimeout);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static FieldError? Phone(FieldDefinition field, string phone, string path) => (field.PhoneRegion ?? "hk") switch
    {
        "hk" => HongKongPhone.IsMatch(phone) ? null : Error(field, path, "phoneHk"),
        "international" => InternationalPhone.IsMatch(phone) ? null : Error(field, path, "phoneInternational"),
        _ => HongKongPhone.IsMatch(phone) || InternationalPhone.IsMatch(phone) ? null : Error(field, path, "phoneAny"),
    };

    private static FieldError? Number(FieldDefinition field, JsonNode value, string path)
    {
        if (AnswerValues.AsDecimal(value) is not { } number) return Error(field, path, "notNumber");
        if (field.Type == FieldType.Number && number != decimal.Truncate(number)) return Error(field, path, "notWholeNumber");
        if (field.Type == FieldType.Money && (number < 0 || number.Scale > 2 && number != decimal.Round(number, 2))) return Error(field, path, "money");
        if (field.Min is { } min && number < min) return Error(field, path, "tooSmall", min);
        if (field.Max is { } max && number > max) return Error(field, path, "tooLarge", max);
        return null;
    }

    private static FieldError? Date(FieldDefinition field, JsonNode value, string path, DateOnly today)
    {
        if (AnswerValues.AsDate(value) is not { } date) return Error(field, path, "notDate");
        if (field.NotBefore is { } from && DateBound.Resolve(from, today) is { } earliest && date < earliest) return Error(field, path, "dateTooEarly", earliest);
        if (field.NotAfter is { } to && DateBound.Resolve(to, today) is { } latest && date > latest) return Error(field, path, "dateTooLate", latest);
        return null;
    }

    private static FieldError? Checkboxes(FieldDefinition field, JsonNode value, string path)
    {
        if (value is not JsonArray items || items.Any(i => AnswerValues.AsString(i) is null)) return Error(field, path, "type");
        var ticked = AnswerValues.Strings(items).ToList();
        if (ticked.Any(t => field.Options.All(o => o.Value != t)) || ticked.Distinct().Count() != ticked.Count) return Error(field, path, "notOption");
        if (field.MinSelected is { } min && ticked.Count < min) return Error(field, path, "tooFewSelected", min);
        if (field.MaxSelected is { } max && ticked.Count > max) return Error(field, path, "tooManySelected", max);
        return null;
    }

    private static readonly string[] AddressParts = ["flat", "floor", "block", "building", "estate", "street", "district"];

    private static FieldError? Address(FieldDefinition field, JsonNode value, string path)
    {
        if (value is not JsonObject address || address.Any(p => !AddressParts.Contains(p.Key) || p.Value is not null && AnswerValues.AsString(p.Value) is null))
            return Error(field, path, "type");
        if (address.Any(p => AnswerValues.AsString(p.Value)?.Length > 200)) return Error(field, path, "tooLong", 200);
        if (AnswerValues.AsString(address["district"]) is not { } district || Districts.All.All(d => d.Code != district)) return Error(field, path, "addressDistrict");
        if (!AnswerValues.IsAnswered(address["building"]) && !AnswerValues.IsAnswered(address["street"])) return Error(field, path, "addressStreet");
        return null;
    }

    private static FieldError? Files(FieldDefinition field, JsonNode value, string path)
    {
        if (value is not JsonArray files || files.Any(f => f is not JsonObject o || AnswerValues.AsString(o["id"]) is null)) return Error(field, path, "type");
        return files.Count > (field.MaxFiles ?? 1) ? Error(field, path, "tooManyFiles", field.MaxFiles ?? 1) : null;
    }
}
