using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OneStop.Forms;
using OneStop.Forms.Answers;
using OneStop.Forms.Definitions;
using OneStop.Forms.Filling;
using OneStop.Forms.Filling.Reading;
using OneStop.Forms.Store;
using OneStop.Identity.Staff;
using OneStop.Platform.Localisation;
using OneStop.Platform.Web.Forms;

namespace OneStop.Office.Forms;

/// <summary>
/// A version's page as a citizen sees it, in the language of the URL (/zh-hk/office/…), drafts included.
/// Continue checks what was typed against the page's rules and shows the errors a citizen would get;
/// nothing is saved, so each page is tried on its own.
/// </summary>
[Authorize(Policy = StaffPolicies.Officer)]
public sealed class PreviewModel(FormDrafts drafts, Text text, TimeProvider clock) : FormPageModel
{
    public Form Form { get; private set; } = null!;
    public int Version { get; private set; }
    public FormDefinition Definition { get; private set; } = null!;
    public PageForm Shown { get; private set; } = null!;
    public bool Passed { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, int version, string? pageId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, version, pageId, cancellationToken)) return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, int version, string? pageId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, version, pageId, cancellationToken)) return NotFound();
        var inputs = FieldInputs.From(Request.Form);
        var shown = Request.Form["shown"].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var answers = PageForm.Merge(new JsonObject(), Shown.Page, inputs, shown);
        var errors = FormRules.ValidatePage(Definition, Shown.Page, answers, HongKongTime.Today(clock));
        Shown = new PageForm(Shown.Journey, Shown.Page, answers, inputs, Languages.Current);
        Shown.Show(errors, text);
        foreach (var error in errors) AddError(Shown.AnchorFor(error), Shown.Errors[error.Path].Message);
        Passed = errors.Count == 0;
        return Page();
    }

    private async Task<bool> LoadAsync(string id, int version, string? pageId, CancellationToken cancellationToken)
    {
        if (await drafts.FindAsync(User, id, cancellationToken) is not { } form) return false;
        if (await drafts.VersionAsync(id, version, cancellationToken) is not { } found) return false;
        var page = pageId is null ? found.Definition.Pages.FirstOrDefault() : found.Definition.Page(pageId);
        if (page is null) return false;
        (Form, Version, Definition) = (form, version, found.Definition);
        // A journey over a draft that is never saved: it only decides what the page shows.
        var draft = new FormDraft { FormId = id, Version = version, Answers = "" };
        var journey = new Journey(draft, new LoadedForm(id, version, form.DepartmentCode, false, found.Definition), [], HongKongTime.Today(clock));
        Shown = new PageForm(journey, page, [], new FieldInputs(), Languages.Current);
        return true;
    }

    public string PagePath(PageDefinition page) => $"~/office/forms/{Form.Id}/versions/{Version}/preview/{page.Id}";
}
