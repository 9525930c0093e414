using System.Globalization;

namespace OneStop.Catalogue.Import;

/// <summary>Reads and writes the CSV form of a catalogue file: services only, one per row.</summary>
public static class CatalogueCsv
{
    public static readonly string[] Header =
    [
        "slug", "department", "status", "categories", "channels",
        "name_en", "name_zh_hk", "name_zh_cn", "summary_en", "summary_zh_hk", "summary_zh_cn",
        "body_en", "body_zh_hk", "body_zh_cn", "eligibility_en", "eligibility_zh_hk", "eligibility_zh_cn",
        "fees_en", "fees_zh_hk", "fees_zh_cn", "pledged_working_days", "external_url", "usage",
    ];

    private static readonly System.Text.UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The first line holding bytes that are not UTF-8, or null when the whole file is UTF-8.</summary>
    public static int? FirstInvalidUtf8Line(byte[] content)
    {
        try
        {
            StrictUtf8.GetCharCount(content);
            return null;
        }
        catch (System.Text.DecoderFallbackException e)
        {
            var end = Math.Clamp(e.Index, 0, content.Length);
            return 1 + content.AsSpan(0, end).Count((byte)'\n');
        }
    }

    public static CatalogueRows Read(TextReader text, List<ImportError> errors)
    {
        var services = new List<Located<ServiceDto>>();
        using var records = Rfc4180.Read(text).GetEnumerator();
        if (!records.MoveNext())
        {
            errors.Add(new ImportError(1, "header", "The file is empty; the first line must be the header."));
            return new CatalogueRows([], [], services);
        }
        var header = records.Current.Fields.Select(h => h.Trim().TrimStart('\uFEFF')).ToList();
        var missing = Header.Where(h => !header.Contains(h)).ToList();
        if (missing.Count > 0)
        {
            var hint = header.Count == 1 && header[0].Contains(';') ? " The columns seem to be separated by ';': separate them with commas." : "";
            errors.Add(new ImportError(1, "header", $"Missing column(s): {string.Join(", ", missing)}.{hint}"));
            return new CatalogueRows([], [], services);
        }
        var column = Header.ToDictionary(h => h, h => header.IndexOf(h));

        var rowNumber = 0;
        while (records.MoveNext())
        {
            var (line, fields) = (records.Current.Line, records.Current.Fields);
            if (fields.All(string.IsNullOrWhiteSpace)) continue;
            var row = $"row {++rowNumber}";
            if (records.Current.UnclosedQuote)
            {
                errors.Add(new ImportError(line, row, "a quoted cell is never closed: add the missing \" (the rest of the file was read as that cell)."));
                break;
            }
            if (fields.Count != header.Count)
            {
                // Its cells are out of place, so checking them would only add confusing follow-on errors.
                errors.Add(new ImportError(line, row, $"has {fields.Count} cells; the header has {header.Count}."));
                continue;
            }

            string? Cell(string name) => column[name] < fields.Count && !string.IsNullOrWhiteSpace(fields[column[name]]) ? fields[column[name]].Trim() : null;
            TextDto? Text(string name, bool optional = false)
            {
                var (en, hk, cn) = (Cell($"{name}_en"), Cell($"{name}_zh_hk"), Cell($"{name}_zh_cn"));
                return optional && en is null && hk is null && cn is null ? null : new TextDto(en, hk, cn);
            }
            long? Whole(string name, long max)
            {
                if (Cell(name) is not { } value) return null;
                if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= max) return n;
                errors.Add(new ImportError(line, row, $"{name} '{value}' must be a whole number, 0 or more."));
                return null;
            }

            services.Add(new Located<ServiceDto>(new ServiceDto
            {
                Slug = Cell("slug"),
                Department = Cell("department"),
                Status = Cell("status"),
                Categories = List(Cell("categories")),
                Channels = List(Cell("channels")),
                Name = Text("name"),
                Summary = Text("summary"),
                Body = Text("body", optional: true),
                Eligibility = Text("eligibility", optional: true),
                Fees = Text("fees", optional: true),
                PledgedWorkingDays = (int?)Whole("pledged_working_days", int.MaxValue),
                ExternalUrl = Cell("external_url"),
                Usage = Whole("usage", long.MaxValue),
            }, line, row));
        }
        return new CatalogueRows([], [], services);
    }

    public static void Write(TextWriter text, IEnumerable<ServiceDto> services)
    {
        Rfc4180.WriteRecord(text, Header);
        foreach (var s in services)
        {
            var cells = new List<string?>
            {
                s.Slug, s.Department, s.Status, string.Join(';', s.Categories ?? []), string.Join(';', s.Channels ?? []),
            };
            foreach (var t in new[] { s.Name, s.Summary, s.Body, s.Eligibility, s.Fees })
                cells.AddRange([t?.En, t?.ZhHk, t?.ZhCn]);
            cells.Add(s.PledgedWorkingDays?.ToString(CultureInfo.InvariantCulture));
            cells.Add(s.ExternalUrl);
            cells.Add(s.Usage?.ToString(CultureInfo.InvariantCulture));
            Rfc4180.WriteRecord(text, cells);
        }
    }

    private static List<string>? List(string? value) =>
        value?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
