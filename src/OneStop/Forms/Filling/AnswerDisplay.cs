using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using OneStop.Forms.Answers;
using OneStop.Forms.Definitions;
using OneStop.Identity.Profile;
using OneStop.Platform.Localisation;

namespace OneStop.Forms.Filling;

/// <summary>An answer as check your answers shows it: lines of text, or for a repeating group its items.</summary>
public sealed record ShownAnswer(FieldDefinition Field, string Label, IReadOnlyList<string> Lines, IReadOnlyList<ShownItem> Items);

public sealed record ShownItem(string Title, IReadOnlyList<(string Label, IReadOnlyList<string> Lines)> Fields);

/// <summary>
/// Canonical answers written for people: dates in words, money as HK$1,234.50, choices by their labels,
/// addresses as envelope lines, groups item by item. An empty list means "not answered".
/// </summary>
public sealed class AnswerDisplay(Text text, Language language)
{
    public ShownAnswer Show(FieldDefinition field, JsonNode? value, JsonObject answers, DateOnly today)
    {
        var label = field.Label?[language] ?? field.Id;
        if (field.Type != FieldType.Group) return new ShownAnswer(field, label, Lines(field, value), []);
        var itemLabel = field.ItemLabel?[language] ?? text.Get(language, "forms.filling.item");
        var items = (value as JsonArray ?? []).Select((node, i) =>
        {
            var item = node as JsonObject ?? [];
            var fields = field.Fields.Where(c => c.HasAnswer && FormRules.IsShown(c, answers, today, item))
                .Select(c => (c.Label?[language] ?? c.Id, Lines(c, item[c.Id]))).ToList();
            return new ShownItem(string.Format(language.Culture(), text.Get(language, "forms.filling.itemNumber"), itemLabel, i + 1), fields);
        }).ToList();
        return new ShownAnswer(field, label, [], items);
    }

    public IReadOnlyList<string> Lines(FieldDefinition field, JsonNode? value)
    {
        if (!AnswerValues.IsAnswered(value)) return [];
        return field.Type switch
        {
            FieldType.TextArea => (AnswerValues.AsString(value) ?? "").Split('\n').Select(l => l.TrimEnd('\r')).ToList(),
            FieldType.Number or FieldType.Decimal => [AnswerValues.AsDecimal(value) is { } n ? n.ToString("#,##0.##########", CultureInfo.InvariantCulture) : Raw(value)],
            FieldType.Money => [AnswerValues.AsDecimal(value) is { } m ? "HK$" + m.ToString("#,##0.00", CultureInfo.InvariantCulture) : Raw(value)],
            FieldType.Date => [AnswerValues.AsDate(value) is { } d ? Dates.Long(d, language) : Raw(value)],
            FieldType.YesNo => [text.Get(language, value!.GetValueKind() == JsonValueKind.True ? "forms.filling.yes" : "forms.filling.no")],
            FieldType.Declaration => [text.Get(language, "forms.filling.confirmed")],
            FieldType.Radios or FieldType.Select => [OptionLabel(field, AnswerValues.AsString(value))],
            FieldType.Checkboxes => AnswerValues.Strings(value).Select(v => OptionLabel(field, v)).ToList(),
            FieldType.Address => Address(value as JsonObject),
            FieldType.File => (value as JsonArray ?? []).OfType<JsonObject>().Select(f => AnswerValues.AsString(f["name"]) ?? "").ToList(),
            _ => [Raw(value)],
        };
    }

    private string OptionLabel(FieldDefinition field, string? value) =>
        field.Options.FirstOrDefault(o => o.Value == value)?.Label[language] ?? value ?? "";

    private List<string> Address(JsonObject? address)
    {
        if (address is null) return [];
        string? Part(string name) => AnswerValues.AsString(address[name]);
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

    private static string Raw(JsonNode? value) => AnswerValues.AsString(value) ?? value?.ToJsonString() ?? "";
}
