using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OneStop.Catalogue.Import;

/// <summary>Reads and writes the JSON form of a catalogue file.</summary>
public static class CatalogueJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Keep Chinese readable in exported files instead of \u escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        // A misspelt field ("externalUri") must be an error, not a silent loss of the value.
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static CatalogueRows Read(byte[] utf8, out ImportError? syntaxError)
    {
        syntaxError = null;
        // Editors on Windows often save UTF-8 with a byte order mark; it is not part of the JSON.
        if (utf8.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) utf8 = utf8[3..];
        if (utf8.AsSpan().Trim(" \t\r\n"u8).IsEmpty)
        {
            syntaxError = new ImportError(1, "$", "The file is empty.");
            return new CatalogueRows([], [], []);
        }
        CatalogueFileDto? file;
        try
        {
            file = JsonSerializer.Deserialize<CatalogueFileDto>(utf8, Options);
        }
        catch (JsonException e)
        {
            syntaxError = new ImportError((int)(e.LineNumber ?? -1) + 1, e.Path ?? "$", Explain(e));
            return new CatalogueRows([], [], []);
        }
        if (file is null)
        {
            syntaxError = new ImportError(1, "$", "The file is empty.");
            return new CatalogueRows([], [], []);
        }

        var lines = ObjectStartLines(utf8);
        return new CatalogueRows(
            Locate(file.Departments, "departments", lines),
            Locate(file.Categories, "categories", lines),
            Locate(file.Services, "services", lines));
    }

    public static byte[] Write(CatalogueFileDto file) => JsonSerializer.SerializeToUtf8Bytes(file, Options);

    private static List<Located<T>> Locate<T>(List<T>? rows, string section, Dictionary<string, List<int>> lines) =>
        rows is null ? [] : rows.Select((row, i) => new Located<T>(row,
            lines.TryGetValue(section, out var l) && i < l.Count ? l[i] : 0, $"{section}[{i}]")).ToList();

    /// <summary>
    /// The deserialiser does not tell where each object started, so a second, cheap pass with the
    /// reader records the line of every object in the top-level arrays.
    /// </summary>
    private static Dictionary<string, List<int>> ObjectStartLines(byte[] utf8)
    {
        var result = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        string? section = null;
        int line = 1;
        long counted = 0;
        while (reader.Read())
        {
            if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName)
                section = reader.GetString();
            else if (reader.CurrentDepth == 2 && section is not null
                     && reader.TokenType is not (JsonTokenType.EndObject or JsonTokenType.EndArray or JsonTokenType.PropertyName))
            {
                // Each element of the section's array, an object or not (a stray null is reported too).
                var offset = reader.TokenStartIndex;
                for (; counted < offset; counted++) if (utf8[counted] == (byte)'\n') line++;
                (result.TryGetValue(section, out var list) ? list : result[section] = []).Add(line);
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray) reader.Skip();
            }
        }
        return result;
    }

    /// <summary>Says what is wrong in the file's terms, not in .NET's type names.</summary>
    private static string Explain(JsonException e)
    {
        var message = e.Message;
        if (message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
        {
            var name = System.Text.RegularExpressions.Regex.Match(message, "property '([^']*)'").Groups[1].Value;
            return $"unknown field '{name}'; see docs/catalogue-format.md for the field names.";
        }
        if (message.Contains("could not be converted to", StringComparison.Ordinal))
        {
            var expected = message.Contains("Int32") || message.Contains("Int64") ? "a whole number"
                : message.Contains("List") ? "a list [...]"
                : message.Contains("String") ? "text in quotes"
                : message.Contains("TextDto") ? "an object with en, zh-HK and zh-CN"
                : "a different kind of value";
            return $"this value should be {expected}.";
        }
        return "the file is not valid JSON here (check for a missing or extra comma, quote or bracket).";
    }

}
