using System.Text.Json.Nodes;
using OneStop.Forms.Definitions;

namespace OneStop.Forms.Answers;

/// <summary>
/// What a form asks given the answers so far, and whether those answers are acceptable. Pages, the
/// check-your-answers page, the API and the importer's examples all go through here, so the same rules
/// hold whatever the client. Conditions only read fields asked earlier (DefinitionCheck enforces it), so
/// one pass in form order settles what is shown.
/// </summary>
public static class FormRules
{
    public static ConditionContext Context(JsonObject answers, DateOnly today, JsonObject? item = null) =>
        new(id => item is not null && item.TryGetPropertyValue(id, out var own) ? own : answers[id], today);

    public static bool IsShown(PageDefinition page, JsonObject answers, DateOnly today) =>
        page.ShowIf?.Holds(Context(answers, today)) ?? true;

    public static bool IsShown(FieldDefinition field, JsonObject answers, DateOnly today, JsonObject? item = null) =>
        field.ShowIf?.Holds(Context(answers, today, item)) ?? true;

    public static IReadOnlyList<PageDefinition> ShownPages(FormDefinition form, JsonObject answers, DateOnly today) =>
        form.Pages.Where(p => IsShown(p, answers, today)).ToList();

    public static IEnumerable<FieldDefinition> ShownFields(PageDefinition page, JsonObject answers, DateOnly today) =>
        page.Fields.Where(f => IsShown(f, answers, today));

    /// <summary>
    /// The answers with everything the form no longer asks removed: unknown keys, fields on skipped pages and
    /// hidden fields (inside group items too). Kept answers are never changed. Removing one answer can hide a
    /// later field, which the in-order pass sees because it reads the answers as they are being pruned.
    /// </summary>
    public static JsonObject Prune(FormDefinition form, JsonObject answers, DateOnly today)
    {
        var kept = new JsonObject();
        foreach (var page in form.Pages)
        {
            if (!IsShown(page, kept, today)) continue;
            foreach (var field in page.Fields)
            {
                if (!field.HasAnswer || !answers.TryGetPropertyValue(field.Id, out var value) || !IsShown(field, kept, today)) continue;
                kept[field.Id] = field.Type == FieldType.Group && value is JsonArray items
                    ? new JsonArray(items.Select(i => (JsonNode?)(i is JsonObject item ? PruneItem(field, item, kept, today) : i?.DeepClone())).ToArray())
                    : value?.DeepClone();
            }
        }
        return kept;
    }

    private static JsonObject PruneItem(FieldDefinition group, JsonObject item, JsonObject answers, DateOnly today)
    {
        var kept = new JsonObject();
        foreach (var child in group.Fields)
        {
            if (child.HasAnswer && item.TryGetPropertyValue(child.Id, out var value) && IsShown(child, answers, today, kept))
                kept[child.Id] = value?.DeepClone();
        }
        return kept;
    }

    /// <summary>
    /// Errors on one page, as the person leaves it: its shown fields, then the cross-field rules that end on it.
    /// What is shown is decided on the pruned answers, so a stale answer to a question no longer asked
    /// cannot reveal (or hide) anything, exactly as <see cref="Prune"/> decides what is kept.
    /// </summary>
    public static List<FieldError> ValidatePage(FormDefinition form, PageDefinition page, JsonObject answers, DateOnly today)
    {
        var errors = new List<FieldError>();
        var kept = Prune(form, answers, today);
        foreach (var field in ShownFields(page, kept, today)) CheckField(field, answers, kept, today, errors);
        var onPage = page.Fields.Select(f => f.Id).ToHashSet();
        CheckRules(form.Rules.Where(r => onPage.Contains(r.Field)), form, kept, today, errors);
        return errors;
    }

    /// <summary>Errors in a whole submission: every shown page and rule, and keys the form does not ask for.</summary>
    public static List<FieldError> Validate(FormDefinition form, JsonObject answers, DateOnly today)
    {
        var errors = new List<FieldError>();
        var known = form.AllFields.Where(f => f.HasAnswer).Select(f => f.Id).ToHashSet();
        errors.AddRange(answers.Where(p => !known.Contains(p.Key)).Select(p => new FieldError(p.Key, "unknownField")));
        var kept = Prune(form, answers, today);
        foreach (var page in ShownPages(form, kept, today))
        {
            foreach (var field in ShownFields(page, kept, today)) CheckField(field, answers, kept, today, errors);
        }
        CheckRules(form.Rules, form, kept, today, errors);
        return errors;
    }

    /// <summary>Checks a shown field's answer; in a group, each item's children are shown as that item's pruned answers say.</summary>
    private static void CheckField(FieldDefinition field, JsonObject answers, JsonObject kept, DateOnly today, List<FieldError> errors)
    {
        var value = answers[field.Id];
        if (FieldCheck.Check(field, value, field.Id, today) is { } error)
        {
            errors.Add(error);
            return;
        }
        if (field.Type != FieldType.Group || value is not JsonArray items) return;
        var keptItems = kept[field.Id] as JsonArray;
        for (var i = 0; i < items.Count; i++)
        {
            var item = (JsonObject)items[i]!;
            errors.AddRange(item.Where(p => field.Fields.All(c => c.Id != p.Key)).Select(p => new FieldError($"{field.Id}.{i}.{p.Key}", "unknownField")));
            foreach (var child in field.Fields.Where(c => IsShown(c, kept, today, keptItems?[i] as JsonObject ?? item)))
            {
                if (FieldCheck.Check(child, item[child.Id], $"{field.Id}.{i}.{child.Id}", today) is { } childError) errors.Add(childError);
            }
        }
    }

    /// <summary>Rules read the pruned answers: an answer to a question not asked counts as unanswered.</summary>
    private static void CheckRules(IEnumerable<RuleDefinition> rules, FormDefinition form, JsonObject kept, DateOnly today, List<FieldError> errors)
    {
        var context = Context(kept, today);
        foreach (var rule in rules)
        {
            // A rule about a field the person was not asked, or already has an error on, says nothing new.
            if (form.Field(rule.Field) is not { } field || !IsShown(form.PageOf(rule.Field), kept, today) || !IsShown(field, kept, today)) continue;
            if (errors.Any(e => e.Path == rule.Field)) continue;
            if ((rule.When?.Holds(context) ?? true) && !rule.Assert.Holds(context))
                errors.Add(new FieldError(rule.Field, "rule", rule.Message));
        }
    }
}
