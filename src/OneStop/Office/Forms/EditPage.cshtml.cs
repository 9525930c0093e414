using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OneStop.Forms.Definitions;
using OneStop.Identity.Staff;
using OneStop.Platform.Localisation;
using static OneStop.Office.Forms.DefinitionEdits;

namespace OneStop.Office.Forms;

/// <summary>One page of the draft: its id, title and show-if condition, and its questions in order.</summary>
[Authorize(Policy = StaffPolicies.DepartmentAdmin)]
public sealed class EditPageModel(FormDrafts drafts, Text text) : EditorPageModel(drafts, text)
{
    [BindProperty] public string? Id { get; set; }
    [BindProperty] public string? TitleEn { get; set; }
    [BindProperty] public string? TitleZhHk { get; set; }
    [BindProperty] public string? TitleZhCn { get; set; }
    [BindProperty] public string? Item { get; set; }
    [BindProperty] public int By { get; set; }

    public PageDefinition PageDefinition { get; private set; } = null!;
    public ConditionInput ShowIf { get; private set; } = null!;
    public string Path => EditorPath($"/pages/{PageDefinition.Id}");

    private async Task<bool> FindAsync([FromRoute] string id, [FromRoute] string pageId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || Definition.Page(pageId) is not { } page) return false;
        PageDefinition = page;
        Id = page.Id;
        (TitleEn, TitleZhHk, TitleZhCn) = (page.Title.En, page.Title.ZhHk, page.Title.ZhCn);
        ShowIf = ConditionInput.From("ShowIf", page.ShowIf);
        return true;
    }

    public async Task<IActionResult> OnGetAsync([FromRoute] string id, [FromRoute] string pageId, CancellationToken cancellationToken) =>
        await FindAsync(id, pageId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync([FromRoute] string id, [FromRoute] string pageId, CancellationToken cancellationToken)
    {
        var typed = (Id, TitleEn, TitleZhHk, TitleZhCn);
        if (!await FindAsync(id, pageId, cancellationToken)) return NotFound();
        (Id, TitleEn, TitleZhHk, TitleZhCn) = typed;
        ShowIf = ConditionInput.Read(Request.Form, "ShowIf");
        if (!Current()) return Page();
        var newId = (Id ?? "").Trim();
        if (!ItemId().IsMatch(newId)) AddError(nameof(Id), T["office.forms.error.itemId"]);
        else if (newId != pageId && Definition.IdTaken(newId)) AddError(nameof(Id), T["office.forms.error.itemIdTaken"]);
        var showIf = ShowIf.ToCondition(Definition.Field, out var conditionError);
        if (conditionError is { } e) AddError("ShowIfMode", T[e.Key, e.Argument]);
        if (HasErrors) return Page();

        await SaveAsync(Definition.ReplacePage(pageId, p => p with
        {
            Id = newId,
            Title = WordsOf(TitleEn, TitleZhHk, TitleZhCn) ?? new Words { En = "", ZhHk = "", ZhCn = "" },
            ShowIf = showIf,
        }), cancellationToken);
        return RedirectTo(EditorPath($"/pages/{newId}"), "saved");
    }

    public Task<IActionResult> OnPostMoveFieldAsync([FromRoute] string id, [FromRoute] string pageId, CancellationToken cancellationToken) =>
        ChangeAsync(id, pageId, p => p with { Fields = Move(p.Fields, f => f.Id == Item, By < 0 ? -1 : 1) }, "moved", cancellationToken);

    public Task<IActionResult> OnPostDeleteFieldAsync([FromRoute] string id, [FromRoute] string pageId, CancellationToken cancellationToken) =>
        ChangeAsync(id, pageId, p => p.Fields.Count > 1 ? p with { Fields = Without(p.Fields, f => f.Id == Item) } : null, "deleted", cancellationToken);

    private async Task<IActionResult> ChangeAsync([FromRoute] string id, [FromRoute] string pageId, Func<PageDefinition, PageDefinition?> change, string done, CancellationToken cancellationToken)
    {
        if (!await FindAsync(id, pageId, cancellationToken)) return NotFound();
        if (!Current()) return Page();
        if (change(PageDefinition) is not { } changed)
        {
            AddError("section-fields", T["office.forms.error.lastField"]);
            return Page();
        }
        await SaveAsync(Definition.ReplacePage(pageId, _ => changed), cancellationToken);
        return RedirectTo(Path, done);
    }
}
