using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using OneStop.Forms.Answers;
using OneStop.Forms.Definitions;
using OneStop.Identity.Profile;
using OneStop.Platform.Localisation;

namespace OneStop.Forms.Acknowledgement;

/// <summary>One page of a summary: its title and the questions asked on it.</summary>
public sealed record AnswerSection(string PageId, string Title, IReadOnlyList<AnswerRow> Rows);

/// <summary>
/// A question and its answer in words, one line per line to show (an address, each ticked box, each file).
/// <see cref="Path"/> is the field's path (<c>id</c> or <c>group.0.child</c>), for "Change" links.
/// </summary>
public sealed record AnswerRow(string Path, string Label, IReadOnlyList<string> Lines)
{
    /// <summary>Repeating groups: one entry per item, each with its own rows; <see cref="Lines"/> is then empty unless there are none.</summary>
    public IReadOnlyList<AnswerItem> Items { get; init; } = [];
}

/// <summary>One item of a repeating group, e.g. "Director 2".</summary>
public sealed record AnswerItem(string Title, IReadOnlyList<AnswerRow> Rows);

/// <summary>
/// The answers as a person reads them back, in a language: per page shown, each shown question with its
/// answer formatted for its type (long dates, HK$ amounts, choices by label, yes/no in words, addresses
/// with district names, group items one by one, files by name). Shared by the acknowledgement's PDF copy
/// and the check-your-answers page, so both say the same thing.
/// </summary>
public sealed class AnswerSummary(Text text)
{
    /// <param name="today">The day the answers were given (for a submission, its Hong Kong date), which some conditions read.</param>
    public IReadOnlyList<AnswerSection> Build(FormDefinition form, JsonObject answers, Language language, DateOnly today)
    {
        var sections = new List<AnswerSection>();
        foreach (var page in FormRules.ShownPages(form, answers, today))
        {
            var rows = FormRules.ShownFields(page, answers, today).Where(f => f.HasAnswer)
                .Select(f => Row(f, f.Id, answers[f.Id], answers, language, today))
                .ToList();
            if (rows.Count > 0) sections.Add(new AnswerSection(page.Id, page.Title[language], rows));
        }
        return sections;
    }

    private AnswerRow Row(FieldDefinition field, string path, JsonNode? value, JsonObject answers, Language language, DateOnly today)
    {
        var label = field.Label?[language] ?? field.Id;
        if (field.Type != FieldType.Group) return new AnswerRow(path, label, Format(field, value, language));

        var items = (value as JsonArray ?? []).OfType<JsonObject>().Select((item, i) => new AnswerItem(
            $"{field.ItemLabel?[language] ?? label} {i + 1}",
            field.Fields.Where(c => c.HasAnswer && FormRules.IsShown(c, answers, today, item))
                .Select(c => Row(c, $"{path}.{i}.{c.Id}", item[c.Id], answers, language, today))
                .ToList())).ToList();
        return new AnswerRow(path, label, items.Count == 0 ? [NotAnswered(language)] : []) { Items = items };
    }

    /// <summary>One answer in words, as lines; "Not answered" when there is none.</summary>
    public IReadOnlyList<string> Format(FieldDefinition field, JsonNode? value, Language language)
    {
        if (!AnswerValues.IsAnswered(value)) return [NotAnswered(language)];
        return field.Type switch
        {
            FieldType.Date => [AnswerValues.AsDate(value) is { } date ? Dates.Long(date, language) : Raw(value)],
            FieldType.Money => [AnswerValues.AsDecimal(value) is { } amount ? Money(amount) : Raw(value)],
            FieldType.Number or FieldType.Decimal => [AnswerValues.AsDecimal(value) is { } n ? n.ToString("#,##0.##########", CultureInfo.InvariantCulture) : Raw(value)],
            FieldType.YesNo => [text.Get(language, value!.GetValueKind() == JsonValueKind.True ? "forms.summary.yes" : "forms.summary.no")],
            FieldType.Declaration => [text.Get(language, value!.GetValueKind() == JsonValueKind.True ? "forms.summary.confirmed" : "forms.summary.notConfirmed")],
            FieldType.Radios or FieldType.Select => [Option(field, AnswerValues.AsString(value) ?? Raw(value), language)],
            FieldType.Checkboxes => AnswerValues.Strings(value).Select(v => Option(field, v, language)).ToList(),
            FieldType.Address => value is JsonObject address ? AddressLines(address, language) : [Raw(value)],
            FieldType.File => (value as JsonArray ?? []).OfType<JsonObject>().Select(f => AnswerValues.AsString(f["name"]) ?? "").Where(n => n.Length > 0).ToList(),
            FieldType.TextArea => (AnswerValues.AsString(value) ?? Raw(value)).ReplaceLineEndings("\n").Split('\n'),
            _ => [AnswerValues.AsString(value) ?? Raw(value)],
        };
    }

    /// <summary>Hong Kong dollars as written in all three languages: HK$1,234.50.</summary>
    public static string Money(decimal amount) => "HK$" + amount.ToString("#,##0.00", CultureInfo.InvariantCulture);

    private static string Option(FieldDefinition field, string value, Language language) =>
        field.Options.FirstOrDefault(o => o.Value == value)?.Label[language] ?? value;

    private IReadOnlyList<string> AddressLines(JsonObject address, Language language)
    {
        string? Part(string key) => AnswerValues.AsString(address[key]) is { } s && !string.IsNullOrWhiteSpace(s) ? s.Trim() : null;
        var district = Part("district");
        if (district is null || !Districts.IsDistrict(district))
            return new[] { Part("flat"), Part("floor"), Part("block"), Part("building"), Part("estate"), Part("street") }.OfType<string>().ToList();
        var parsed = new HongKongAddress
        {
            Flat = Part("flat"), Floor = Part("floor"), Block = Part("block"), Building = Part("building"), Estate = Part("estate"), Street = Part("street"),
            District = district,
        };
        return parsed.Lines(d => text.Get(language, "profile.district." + d), r => text.Get(language, "profile.region." + r)).ToList();
    }

    private string NotAnswered(Language language) => text.Get(language, "forms.summary.notAnswered");

    private static string Raw(JsonNode? value) => value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value?.ToJsonString() ?? "";
}
