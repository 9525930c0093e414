using System.Text.Json.Nodes;
using OneStop.Forms.Answers;
using OneStop.Forms.Definitions;
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

    /// <summary>The same words as the acknowledgement's PDF copy (<see cref="Acknowledgement.AnswerSummary"/>); empty when not answered.</summary>
    public IReadOnlyList<string> Lines(FieldDefinition field, JsonNode? value) =>
        AnswerValues.IsAnswered(value) ? new Acknowledgement.AnswerSummary(text).Format(field, value, language) : [];
}
