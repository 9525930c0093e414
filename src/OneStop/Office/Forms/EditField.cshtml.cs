using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using OneStop.Forms.Definitions;
using OneStop.Identity.Staff;
using OneStop.Platform.Localisation;
using static OneStop.Office.Forms.DefinitionEdits;

namespace OneStop.Office.Forms;

/// <summary>
/// One question of the draft (or, with a child id, one question inside a repeating group) with every
/// property its type has, its custom error messages and its show-if condition. The option list's buttons
/// save what was typed too, then come back here.
/// </summary>
[Authorize(Policy = StaffPolicies.DepartmentAdmin)]
public sealed class EditFieldModel(FormDrafts drafts, Text text) : EditorPageModel(drafts, text)
{
    [BindProperty] public string? Action { get; set; }
    [BindProperty] public string? Item { get; set; }
    [BindProperty] public int By { get; set; }

    public FieldForm Input { get; private set; } = new();
    public ConditionInput ShowIf { get; private set; } = null!;
    public FieldDefinition Field { get; private set; } = null!;
    /// <summary>The repeating group the question is in, or null for a question on a page.</summary>
    public FieldDefinition? Group { get; private set; }
    public PageDefinition OnPage { get; private set; } = null!;
    public bool Nested => Group is not null;
    public string Path => EditorPath(Group is null ? $"/fields/{Field.Id}" : $"/fields/{Group.Id}/{Field.Id}");
    /// <summary>The answers the show-if condition may read: those asked before this question.</summary>
    public IReadOnlyList<FieldDefinition> Readable => Definition.AskedBefore(OnPage.Id, Group?.Id ?? Field.Id, Group is null ? null : Field.Id);

    private async Task<bool> FindAsync([FromRoute] string id, [FromRoute] string fieldId, [FromRoute] string? childId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || Definition.Field(fieldId) is not { } field) return false;
        if (childId is not null)
        {
            if (field.Type != FieldType.Group || field.Fields.FirstOrDefault(c => c.Id == childId) is not { } child) return false;
            (Group, Field) = (field, child);
        }
        else
        {
            Field = field;
        }
        OnPage = Definition.PageOf(fieldId);
        Input = FieldForm.From(Field);
        ShowIf = ConditionInput.From("ShowIf", Field.ShowIf);
        return true;
    }

    public async Task<IActionResult> OnGetAsync([FromRoute] string id, [FromRoute] string fieldId, [FromRoute] string? childId, CancellationToken cancellationToken)
    {
        if (!await FindAsync(id, fieldId, childId, cancellationToken)) return NotFound();
        Input.WithBlankRows();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] string id, [FromRoute] string fieldId, [FromRoute] string? childId, CancellationToken cancellationToken)
    {
        if (!await FindAsync(id, fieldId, childId, cancellationToken)) return NotFound();
        Input = new FieldForm();
        // Form values only: the route's {id} is the form's, not the question's.
        await TryUpdateModelAsync(Input, "", new FormValueProvider(BindingSource.Form, Request.Form, CultureInfo.InvariantCulture));
        ShowIf = ConditionInput.Read(Request.Form, "ShowIf");
        Input.Apply(Action);
        if (!Current())
        {
            Input.WithBlankRows();
            return Page();
        }

        var errors = new List<(string Field, string Key, object? Argument)>();
        var newId = (Input.Id ?? "").Trim();
        var taken = newId != Field.Id && (Group is null ? Definition.IdTaken(newId) : Group.Fields.Any(c => c.Id == newId) || newId == Group.Id);
        if (taken) errors.Add((nameof(FieldForm.Id), "office.forms.error.itemIdTaken", null));
        if (Nested && Input.ParsedType is FieldType.Group or FieldType.File or FieldType.Declaration) errors.Add((nameof(FieldForm.Type), "office.forms.error.typeInGroup", null));
        var showIf = ShowIf.ToCondition(Lookup, out var conditionError);
        if (conditionError is { } e) errors.Add(("ShowIfMode", e.Key, e.Argument));
        var field = Input.ToField(Field, showIf, Nested, errors);
        if (errors.Count > 0 || field is null)
        {
            AddErrors(errors.DistinctBy(x => x.Field));
            Input.WithBlankRows();
            return Page();
        }

        var changed = Group is null ? Definition.ReplaceField(Field.Id, _ => field) : Definition.ReplaceChild(Group.Id, Field.Id, _ => field);
        await SaveAsync(changed, cancellationToken);
        var here = EditorPath(Group is null ? $"/fields/{field.Id}" : $"/fields/{Group.Id}/{field.Id}");
        if (Action is { Length: > 0 }) return RedirectTo(here + "#section-options", "saved");
        var problems = (await Drafts.ProblemsAsync(changed, cancellationToken)).Select(p => ProblemPlaces.Locate(changed, p));
        if (problems.Any(p => p.IsAt(here))) return RedirectTo(here, "savedWithProblems");
        return RedirectTo(Group is null ? EditorPath($"/pages/{OnPage.Id}") : EditorPath($"/fields/{Group.Id}"), "fieldSaved");
    }

    /// <summary>A field a condition here names: a sibling in the group first, then any question of the form.</summary>
    private FieldDefinition? Lookup(string id) => Group?.Fields.FirstOrDefault(c => c.Id == id) ?? Definition.Field(id);

    public Task<IActionResult> OnPostMoveChildAsync([FromRoute] string id, [FromRoute] string fieldId, CancellationToken cancellationToken) =>
        ChangeChildrenAsync(id, fieldId, g => Move(g.Fields, c => c.Id == Item, By < 0 ? -1 : 1), "moved", cancellationToken);

    public Task<IActionResult> OnPostDeleteChildAsync([FromRoute] string id, [FromRoute] string fieldId, CancellationToken cancellationToken) =>
        ChangeChildrenAsync(id, fieldId, g => Without(g.Fields, c => c.Id == Item), "deleted", cancellationToken);

    private async Task<IActionResult> ChangeChildrenAsync([FromRoute] string id, [FromRoute] string fieldId, Func<FieldDefinition, IReadOnlyList<FieldDefinition>> change, string done, CancellationToken cancellationToken)
    {
        if (!await FindAsync(id, fieldId, null, cancellationToken) || Field.Type != FieldType.Group) return NotFound();
        Input.WithBlankRows();
        if (!Current()) return Page();
        await SaveAsync(Definition.ReplaceField(fieldId, g => g with { Fields = change(g) }), cancellationToken);
        return RedirectTo(Path + "#section-fields", done);
    }
}
