using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OneStop.Forms.Definitions;
using OneStop.Identity.Staff;
using OneStop.Platform.Localisation;
using static OneStop.Office.Forms.DefinitionEdits;

namespace OneStop.Office.Forms;

/// <summary>The draft's overview: title and description, the pages in order, and the cross-field rules.</summary>
[Authorize(Policy = StaffPolicies.DepartmentAdmin)]
public sealed class EditModel(FormDrafts drafts, Text text) : EditorPageModel(drafts, text)
{
    [BindProperty] public string? TitleEn { get; set; }
    [BindProperty] public string? TitleZhHk { get; set; }
    [BindProperty] public string? TitleZhCn { get; set; }
    [BindProperty] public string? DescriptionEn { get; set; }
    [BindProperty] public string? DescriptionZhHk { get; set; }
    [BindProperty] public string? DescriptionZhCn { get; set; }
    [BindProperty] public string? Item { get; set; }
    [BindProperty] public int By { get; set; }

    public async Task<IActionResult> OnGetAsync([FromRoute] string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        (TitleEn, TitleZhHk, TitleZhCn) = (Definition.Title.En, Definition.Title.ZhHk, Definition.Title.ZhCn);
        (DescriptionEn, DescriptionZhHk, DescriptionZhCn) = (Definition.Description?.En, Definition.Description?.ZhHk, Definition.Description?.ZhCn);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        if (!Current()) return Page();
        await SaveAsync(Definition with
        {
            Title = WordsOf(TitleEn, TitleZhHk, TitleZhCn) ?? new Words { En = "", ZhHk = "", ZhCn = "" },
            Description = WordsOf(DescriptionEn, DescriptionZhHk, DescriptionZhCn),
        }, cancellationToken);
        return RedirectTo(EditorPath(), "saved");
    }

    public Task<IActionResult> OnPostMovePageAsync([FromRoute] string id, CancellationToken cancellationToken) =>
        ChangeAsync(id, d => d with { Pages = Move(d.Pages, p => p.Id == Item, By < 0 ? -1 : 1) }, "moved", cancellationToken);

    public Task<IActionResult> OnPostDeletePageAsync([FromRoute] string id, CancellationToken cancellationToken) =>
        ChangeAsync(id, d => d.Pages.Count > 1 ? d with { Pages = Without(d.Pages, p => p.Id == Item) } : null, "deleted", cancellationToken);

    public Task<IActionResult> OnPostDeleteRuleAsync([FromRoute] string id, CancellationToken cancellationToken) =>
        ChangeAsync(id, d => d with { Rules = Without(d.Rules, r => r.Id == Item) }, "deleted", cancellationToken);

    /// <summary>A list change from one of the small per-row forms; null from <paramref name="change"/> means it is not allowed.</summary>
    private async Task<IActionResult> ChangeAsync([FromRoute] string id, Func<FormDefinition, FormDefinition?> change, string done, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        (TitleEn, TitleZhHk, TitleZhCn) = (Definition.Title.En, Definition.Title.ZhHk, Definition.Title.ZhCn);
        (DescriptionEn, DescriptionZhHk, DescriptionZhCn) = (Definition.Description?.En, Definition.Description?.ZhHk, Definition.Description?.ZhCn);
        if (!Current()) return Page();
        if (change(Definition) is not { } changed)
        {
            AddError("section-pages", T["office.forms.error.lastPage"]);
            return Page();
        }
        await SaveAsync(changed, cancellationToken);
        return RedirectTo(EditorPath(), done);
    }
}
