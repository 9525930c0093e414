using System.Text;

namespace OneStop.Catalogue.Import;

/// <summary>
/// A small RFC 4180 reader and writer: quoted fields, doubled quotes, line breaks inside quotes, CRLF or
/// LF. Written here rather than taken from a package because the importer needs the line on which each
/// record starts, to tell people exactly where a bad row is.
/// </summary>
public static class Rfc4180
{
    /// <param name="UnclosedQuote">The file ended inside a quoted cell that this record opened.</param>
    public sealed record Record(int Line, IReadOnlyList<string> Fields, bool UnclosedQuote = false);

    public static IEnumerable<Record> Read(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var inQuotes = false;
        var any = false;
        int c;
        while ((c = reader.Read()) != -1)
        {
            any = true;
            var ch = (char)c;
            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"') { field.Append('"'); reader.Read(); }
                    else inQuotes = false;
                }
                else
                {
                    if (ch == '\n') line++;
                    field.Append(ch);
                }
                continue;
            }
            switch (ch)
            {
                case '"' when field.Length == 0:
                    inQuotes = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    yield return new Record(recordLine, [.. fields]);
                    fields.Clear();
                    any = false;
                    recordLine = ++line;
                    break;
                default:
                    field.Append(ch);
                    break;
            }
        }
        if (any)
        {
            fields.Add(field.ToString());
            yield return new Record(recordLine, [.. fields], inQuotes);
        }
    }

    public static void WriteRecord(TextWriter writer, IEnumerable<string?> fields)
    {
        var first = true;
        foreach (var value in fields)
        {
            if (!first) writer.Write(',');
            first = false;
            var v = value ?? "";
            if (v.AsSpan().IndexOfAny(",\"\r\n") >= 0) writer.Write('"' + v.Replace("\"", "\"\"") + '"');
            else writer.Write(v);
        }
        writer.Write("\r\n");
    }
}
