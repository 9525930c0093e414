using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OneStop.Forms.Definitions;
using OneStop.Identity.Staff;
using OneStop.Platform.Localisation;
using static OneStop.Office.Forms.DefinitionEdits;

namespace OneStop.Office.Forms;

/// <summary>Adds a question at the end of a page (<c>?onPage=</c>) or of a repeating group (<c>?group=</c>), then opens it.</summary>
[Authorize(Policy = StaffPolicies.DepartmentAdmin)]
public sealed class AddFieldModel(FormDrafts drafts, Text text) : EditorPageModel(drafts, text)
{
    [BindProperty(SupportsGet = true, Name = "onPage")] public string? PageId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Group { get; set; }
    [BindProperty] public string? FieldId { get; set; }
    [BindProperty] public string? FieldType { get; set; }
    [BindProperty] public string? LabelEn { get; set; }
    [BindProperty] public string? LabelZhHk { get; set; }
    [BindProperty] public string? LabelZhCn { get; set; }

    /// <summary>Where the question goes, for the heading: the page or the group.</summary>
    public string Into => Group ?? PageId ?? "";

    private async Task<bool> FindAsync([FromRoute] string id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken)
        && (Group is not null ? Definition.Field(Group) is { Type: OneStop.Forms.Definitions.FieldType.Group } : PageId is not null && Definition.Page(PageId) is not null);

    public async Task<IActionResult> OnGetAsync([FromRoute] string id, CancellationToken cancellationToken) =>
        await FindAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync([FromRoute] string id, CancellationToken cancellationToken)
    {
        if (!await FindAsync(id, cancellationToken)) return NotFound();
        if (!Current()) return Page();
        var fieldId = (FieldId ?? "").Trim();
        if (!ItemId().IsMatch(fieldId)) AddError(nameof(FieldId), T["office.forms.error.itemId"]);
        else if (Group is null ? Definition.IdTaken(fieldId) : Definition.Field(Group)!.Fields.Any(c => c.Id == fieldId) || fieldId == Group)
            AddError(nameof(FieldId), T["office.forms.error.itemIdTaken"]);
        if (ParseType(FieldType) is not { } type) AddError(nameof(FieldType), T["office.forms.error.type"]);
        else if (Group is not null && type is OneStop.Forms.Definitions.FieldType.Group or OneStop.Forms.Definitions.FieldType.File or OneStop.Forms.Definitions.FieldType.Declaration)
            AddError(nameof(FieldType), T["office.forms.error.typeInGroup"]);
        if (HasErrors) return Page();

        var field = new FieldDefinition { Id = fieldId, Type = ParseType(FieldType)!.Value, Label = WordsOf(LabelEn, LabelZhHk, LabelZhCn) };
        var changed = Group is not null
            ? Definition.ReplaceField(Group, g => g with { Fields = [.. g.Fields, field] })
            : Definition.ReplacePage(PageId!, p => p with { Fields = [.. p.Fields, field] });
        await SaveAsync(changed, cancellationToken);
        return RedirectTo(EditorPath(Group is null ? $"/fields/{fieldId}" : $"/fields/{Group}/{fieldId}"), "fieldAdded");
    }
}
