using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using OneStop.Forms.Definitions;

namespace OneStop.Office.Forms;

public enum ChangeKind { Added, Removed, Moved, Changed }

/// <summary>
/// One difference between two versions, as people read it: what (<see cref="Item"/> is <c>form</c>,
/// <c>page</c>, <c>field</c> or <c>rule</c>, with its id; a group's child is <c>group › child</c>), how, and
/// for a changed property its old and new value as text.
/// </summary>
public sealed record FormChange(ChangeKind Kind, string Item, string Id, string? Property = null, string? Old = null, string? New = null);

/// <summary>
/// A structural diff of two definitions. Items are matched by id; an item whose place changed (another
/// page, or out of order among the items both versions share) is "moved"; every other property is compared
/// as its JSON, so the diff never falls behind the definition format.
/// </summary>
public static class DefinitionDiff
{
    private static readonly string[] Flags = ["required", "signature", "lockVerified"];

    public static List<FormChange> Compare(FormDefinition from, FormDefinition to)
    {
        var changes = new List<FormChange>();
        Properties("form", from.Id, Node(from), Node(to), ["id", "pages", "rules", "$schema"], changes);

        var (oldPages, newPages) = (from.Pages.Select(p => p.Id).ToList(), to.Pages.Select(p => p.Id).ToList());
        Lists("page", from.Pages, to.Pages, p => p.Id, changes);
        foreach (var page in to.Pages)
            if (from.Page(page.Id) is { } old) Properties("page", page.Id, Node(old), Node(page), ["id", "fields"], changes);

        // Fields are unique across the form: match them wherever they are, so a move between pages is one change.
        var oldFields = from.Pages.SelectMany(p => p.Fields.Select(f => (Page: p.Id, Field: f))).ToList();
        var newFields = to.Pages.SelectMany(p => p.Fields.Select(f => (Page: p.Id, Field: f))).ToList();
        foreach (var (page, field) in newFields.Where(n => oldFields.All(o => o.Field.Id != n.Field.Id)))
            changes.Add(new(ChangeKind.Added, "field", field.Id, "page", null, page));
        foreach (var (page, field) in oldFields.Where(o => newFields.All(n => n.Field.Id != o.Field.Id)))
            changes.Add(new(ChangeKind.Removed, "field", field.Id, "page", page, null));
        foreach (var page in to.Pages)
        {
            var kept = page.Fields.Where(f => oldFields.Any(o => o.Page == page.Id && o.Field.Id == f.Id)).Select(f => f.Id).ToList();
            var before = from.Page(page.Id)?.Fields.Select(f => f.Id).Where(kept.Contains).ToList() ?? [];
            foreach (var id in OutOfOrder(before, kept)) changes.Add(new(ChangeKind.Moved, "field", id, "page", page.Id, page.Id));
        }
        foreach (var (page, field) in newFields)
        {
            if (oldFields.FirstOrDefault(o => o.Field.Id == field.Id) is not { Field: not null } old) continue;
            if (old.Page != page) changes.Add(new(ChangeKind.Moved, "field", field.Id, "page", old.Page, page));
            Field(field.Id, old.Field, field, changes);
        }

        Lists("rule", from.Rules, to.Rules, r => r.Id, changes);
        foreach (var rule in to.Rules)
            if (from.Rules.FirstOrDefault(r => r.Id == rule.Id) is { } old) Properties("rule", rule.Id, Node(old), Node(rule), ["id"], changes);
        return changes;
    }

    private static void Field(string name, FieldDefinition old, FieldDefinition now, List<FormChange> changes)
    {
        Properties("field", name, Node(old), Node(now), ["id", "fields"], changes);
        if (old.Fields.Count == 0 && now.Fields.Count == 0) return;
        var label = name;
        var children = new List<FormChange>();
        Lists("field", old.Fields, now.Fields, c => c.Id, children);
        foreach (var child in now.Fields)
            if (old.Fields.FirstOrDefault(c => c.Id == child.Id) is { } was) Properties("field", child.Id, Node(was), Node(child), ["id"], children);
        changes.AddRange(children.Select(c => c with { Id = $"{label} › {c.Id}" }));
    }

    /// <summary>Added, removed and reordered items of one list (pages, rules, a group's children).</summary>
    private static void Lists<T>(string item, IReadOnlyList<T> from, IReadOnlyList<T> to, Func<T, string> id, List<FormChange> changes)
    {
        var (before, after) = (from.Select(id).ToList(), to.Select(id).ToList());
        foreach (var added in after.Except(before)) changes.Add(new(ChangeKind.Added, item, added));
        foreach (var removed in before.Except(after)) changes.Add(new(ChangeKind.Removed, item, removed));
        var kept = after.Where(before.Contains).ToList();
        foreach (var moved in OutOfOrder(before.Where(kept.Contains).ToList(), kept))
            changes.Add(new(ChangeKind.Moved, item, moved, "position", (before.IndexOf(moved) + 1).ToString(), (after.IndexOf(moved) + 1).ToString()));
    }

    /// <summary>The items of <paramref name="after"/> outside a longest run kept in the order of <paramref name="before"/>: the fewest that moved.</summary>
    public static List<string> OutOfOrder(List<string> before, List<string> after)
    {
        var rank = after.Select(a => before.IndexOf(a)).ToArray();
        var length = new int[rank.Length];
        var previous = new int[rank.Length];
        var best = -1;
        for (var i = 0; i < rank.Length; i++)
        {
            (length[i], previous[i]) = (1, -1);
            for (var j = 0; j < i; j++)
                if (rank[j] < rank[i] && length[j] + 1 > length[i]) (length[i], previous[i]) = (length[j] + 1, j);
            if (best < 0 || length[i] > length[best]) best = i;
        }
        var stay = new HashSet<int>();
        for (var i = best; i >= 0; i = previous[i]) stay.Add(i);
        return after.Where((_, i) => !stay.Contains(i)).ToList();
    }

    private static void Properties(string item, string id, JsonObject old, JsonObject now, string[] skip, List<FormChange> changes)
    {
        foreach (var key in old.Select(p => p.Key).Union(now.Select(p => p.Key)).Where(k => !skip.Contains(k)))
        {
            var (a, b) = (old[key], now[key]);
            if (JsonNode.DeepEquals(a, b)) continue;
            changes.Add(new(ChangeKind.Changed, item, id, key, Show(key, a), Show(key, b)));
        }
    }

    // DefinitionJson writes computed members too (FormDefinition.AllFields, Words.Current and Words.All); they
    // only repeat what is compared elsewhere, and Current depends on the request's language, so leave them out.
    private static readonly JsonSerializerOptions Written = new(DefinitionJson.Options)
    {
        TypeInfoResolver = DefinitionJson.Options.TypeInfoResolver!.WithAddedModifier(type =>
        {
            foreach (var property in type.Properties.Where(p => p.Set is null)) property.ShouldSerialize = (_, _) => false;
        }),
    };

    private static JsonObject Node<T>(T value) => JsonSerializer.SerializeToNode(value, Written)!.AsObject();

    /// <summary>A value as text: words as their three languages, strings as they are, anything else as compact JSON.</summary>
    public static string? Show(string key, JsonNode? value) => value switch
    {
        null => Flags.Contains(key) ? "false" : null,
        JsonObject words when words.Count == 3 && words["en"] is JsonValue && words["zh-HK"] is JsonValue && words["zh-CN"] is JsonValue =>
            $"{words["en"]} / {words["zh-HK"]} / {words["zh-CN"]}",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => value.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }),
    };
}
