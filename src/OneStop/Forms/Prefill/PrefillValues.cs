using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using OneStop.Forms.Definitions;
using OneStop.Identity.Profile;

namespace OneStop.Forms.Prefill;

/// <summary>
/// Turns a profile value in its exchange format (docs/identity/profile.md) into the canonical answer of the
/// field it fills (Answers/AnswerValues). Null when the value cannot be an answer of that field (a phone number
/// from abroad for a Hong Kong-only phone field, a sex with no matching option): the field is then left empty.
/// </summary>
public static class PrefillValues
{
    private static readonly string[] AddressParts = ["flat", "floor", "block", "building", "estate", "street", "district"];

    public static JsonNode? ToAnswer(FieldDefinition field, string value)
    {
        var text = value.Trim();
        if (text.Length == 0) return null;
        return field.Type switch
        {
            FieldType.Text or FieldType.TextArea or FieldType.Email => JsonValue.Create(text),
            FieldType.HongKongId => HongKongId.Parse(text) is { } card ? JsonValue.Create(card.ToString()) : null,
            FieldType.Date => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? JsonValue.Create(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) : null,
            FieldType.Phone => Phone(field, text),
            FieldType.Address => Address(text),
            FieldType.Radios or FieldType.Select => field.Options.FirstOrDefault(o => string.Equals(o.Value, text, StringComparison.OrdinalIgnoreCase)) is { } option
                ? JsonValue.Create(option.Value) : null,
            _ => null,
        };
    }

    /// <summary>The profile keeps E.164 (+85291234567); a Hong Kong field takes the eight digits, an international one the whole number.</summary>
    private static JsonNode? Phone(FieldDefinition field, string e164)
    {
        var local = e164.StartsWith("+852", StringComparison.Ordinal) && e164.Length == 12 ? e164[4..] : null;
        return (field.PhoneRegion ?? "hk") switch
        {
            "hk" => local is null ? null : JsonValue.Create(local),
            "international" => JsonValue.Create(e164),
            _ => JsonValue.Create(local ?? e164),
        };
    }

    /// <summary>The profile's address JSON without its region (derived from the district, not part of an answer).</summary>
    private static JsonNode? Address(string json)
    {
        JsonObject? profile;
        try
        {
            profile = JsonNode.Parse(json) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
        if (profile is null) return null;
        var answer = new JsonObject();
        foreach (var part in AddressParts)
        {
            if (profile[part] is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s)) answer[part] = s.Trim();
        }
        return answer.ContainsKey("district") ? answer : null;
    }
}
