using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OneStop.Identity.Staff;
using OneStop.Platform.Localisation;
using static OneStop.Office.Forms.DefinitionEdits;

namespace OneStop.Office.Forms;

/// <summary>Adds a page at the end of the draft, with its first question (a page is never empty).</summary>
[Authorize(Policy = StaffPolicies.DepartmentAdmin)]
public sealed class AddPageModel(FormDrafts drafts, Text text) : EditorPageModel(drafts, text)
{
    [BindProperty] public NewPage First { get; set; } = new();

    public async Task<IActionResult> OnGetAsync([FromRoute] string id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync([FromRoute] string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        if (!Current()) return Page();
        var pageId = Definition.NextId("page");
        var page = First.ToPage(pageId, Definition.IdTaken, out var errors);
        foreach (var (field, key) in errors) AddError(field, T[key]);
        if (HasErrors) return Page();
        await SaveAsync(Definition with { Pages = [.. Definition.Pages, page!] }, cancellationToken);
        return RedirectTo(EditorPath($"/pages/{pageId}"), "pageAdded");
    }
}
