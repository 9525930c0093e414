using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OneStop.Forms.Answers;

/// <summary>
/// Answers are a JSON object keyed by field id, each value in one canonical form per field type:
/// strings for text, choices, email, phone, identity card and ISO dates; numbers for number, decimal and
/// money; true/false for yes/no and declarations; arrays for checkboxes, files and repeating groups (of
/// objects); an object for an address. The same shape is stored, signed, hashed and sent by API clients.
/// </summary>
public static class AnswerValues
{
    public static bool IsAnswered(JsonNode? node) => node switch
    {
        null => false,
        JsonArray array => array.Count > 0,
        JsonObject obj => obj.Any(p => IsAnswered(p.Value)),
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => !string.IsNullOrWhiteSpace(value.GetValue<string>()),
            JsonValueKind.Null => false,
            _ => true,
        },
        _ => false,
    };

    /// <summary>Equal as answers: numbers by value (2 = 2.0), everything else exactly.</summary>
    public static bool Same(JsonNode? a, JsonNode? b)
    {
        if (AsDecimal(a) is { } x && AsDecimal(b) is { } y) return x == y;
        return JsonNode.DeepEquals(a, b);
    }

    public static decimal? AsDecimal(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<decimal>(out var d) ? d
        : node is JsonValue v2 && v2.GetValueKind() == JsonValueKind.Number && decimal.TryParse(v2.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed
        : null;

    public static DateOnly? AsDate(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text)
        && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    public static string? AsString(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;

    public static IEnumerable<string> Strings(JsonNode? node) =>
        node is JsonArray array ? array.Select(AsString).OfType<string>() : [];

    /// <summary>
    /// The answers in one canonical text: object keys sorted by ordinal, no white space, numbers as written.
    /// Its SHA-256 is what a declaration signs, so the same answers always give the same hash.
    /// </summary>
    public static string Canonical(JsonNode? node)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            WriteCanonical(writer, node);
        }
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteCanonical(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(key);
                    WriteCanonical(writer, value);
                }
                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array) WriteCanonical(writer, item);
                writer.WriteEndArray();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }
}
