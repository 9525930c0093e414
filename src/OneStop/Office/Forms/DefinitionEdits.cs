using System.Text.RegularExpressions;
using OneStop.Forms.Definitions;

namespace OneStop.Office.Forms;

/// <summary>
/// Small changes to an (immutable) definition, each returning a new one. Fields are found by id: ids are
/// unique across a form, and a group's children are unique within their group.
/// </summary>
public static partial class DefinitionEdits
{
    /// <summary>Page and field ids are addresses in the editor and in answers, so their shape is checked as they are typed.</summary>
    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{0,63}$")] public static partial Regex ItemId();
    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")] public static partial Regex FormId();

    public static FormDefinition ReplacePage(this FormDefinition form, string pageId, Func<PageDefinition, PageDefinition> change) =>
        form with { Pages = form.Pages.Select(p => p.Id == pageId ? change(p) : p).ToList() };

    public static FormDefinition ReplaceField(this FormDefinition form, string fieldId, Func<FieldDefinition, FieldDefinition> change) =>
        form with
        {
            Pages = form.Pages.Select(p => p.Fields.Any(f => f.Id == fieldId)
                ? p with { Fields = p.Fields.Select(f => f.Id == fieldId ? change(f) : f).ToList() }
                : p).ToList(),
        };

    public static FormDefinition ReplaceChild(this FormDefinition form, string groupId, string childId, Func<FieldDefinition, FieldDefinition> change) =>
        form.ReplaceField(groupId, g => g with { Fields = g.Fields.Select(c => c.Id == childId ? change(c) : c).ToList() });

    /// <summary>The item moved one place up (-1) or down (+1); unchanged at either end.</summary>
    public static IReadOnlyList<T> Move<T>(IReadOnlyList<T> items, Func<T, bool> which, int by)
    {
        var list = items.ToList();
        var at = list.FindIndex(i => which(i));
        var to = at + by;
        if (at < 0 || to < 0 || to >= list.Count) return items;
        (list[at], list[to]) = (list[to], list[at]);
        return list;
    }

    public static IReadOnlyList<T> Without<T>(IReadOnlyList<T> items, Func<T, bool> which) => items.Where(i => !which(i)).ToList();

    /// <summary>Every page and field id in the form, children included, so a new one can be refused when taken.</summary>
    public static bool IdTaken(this FormDefinition form, string id) =>
        form.Pages.Any(p => p.Id == id) || form.AllFields.Any(f => f.Id == id || f.Fields.Any(c => c.Id == id));

    /// <summary>Answerable fields asked before <paramref name="fieldId"/> (or before page <paramref name="pageId"/>), which a condition there may read.</summary>
    public static List<FieldDefinition> AskedBefore(this FormDefinition form, string? pageId = null, string? fieldId = null, string? childId = null)
    {
        var asked = new List<FieldDefinition>();
        foreach (var page in form.Pages)
        {
            if (page.Id == pageId && fieldId is null) return asked;
            foreach (var field in page.Fields)
            {
                if (field.Id == fieldId)
                {
                    if (childId is not null) asked.AddRange(field.Fields.TakeWhile(c => c.Id != childId).Where(c => c.HasAnswer));
                    return asked;
                }
                if (field.HasAnswer) asked.Add(field);
            }
        }
        return asked;
    }

    /// <summary>A fresh id like <c>page3</c> that nothing in the form uses yet.</summary>
    public static string NextId(this FormDefinition form, string stem)
    {
        for (var n = form.Pages.Count + 1; ; n++)
            if (!form.IdTaken(stem + n)) return stem + n;
    }

    /// <summary>Three texts as definition words: null when all are empty, else trimmed (an empty one is a problem DefinitionCheck lists).</summary>
    public static Words? WordsOf(string? en, string? zhHk, string? zhCn) =>
        string.IsNullOrWhiteSpace(en) && string.IsNullOrWhiteSpace(zhHk) && string.IsNullOrWhiteSpace(zhCn)
            ? null
            : new Words { En = (en ?? "").Trim(), ZhHk = (zhHk ?? "").Trim(), ZhCn = (zhCn ?? "").Trim() };

    /// <summary>The JSON name of a field type (<c>yesNo</c>, <c>hkid</c>…), used in URLs, selects and strings.</summary>
    public static string TypeName(FieldType type) => System.Text.Json.JsonSerializer.Serialize(type).Trim('"');

    public static FieldType? ParseType(string? name) =>
        Enum.GetValues<FieldType>().Cast<FieldType?>().FirstOrDefault(t => TypeName(t!.Value) == name);
}
