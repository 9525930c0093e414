using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OneStop.Forms;
using OneStop.Forms.Definitions;
using OneStop.Forms.Store;
using OneStop.Identity;
using OneStop.Identity.Staff;
using OneStop.Platform.Audit;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;
using OneStop.Platform.Web.Forms;
using static OneStop.Office.Forms.DefinitionEdits;

namespace OneStop.Office.Forms;

/// <summary>
/// Makes a new form in the caller's department: its id and title, and its first page with a first
/// question, because a definition always has a page and a page a question. The first draft may still have
/// problems (missing translations, a choice without options); they are listed and block publishing.
/// </summary>
[Authorize(Policy = StaffPolicies.DepartmentAdmin)]
public sealed class NewModel(OneStopDb db, FormVersions versions, AuditLog audit, Text text) : FormPageModel
{
    [BindProperty] public string? Id { get; set; }
    [BindProperty] public string? TitleEn { get; set; }
    [BindProperty] public string? TitleZhHk { get; set; }
    [BindProperty] public string? TitleZhCn { get; set; }
    [BindProperty] public NewPage First { get; set; } = new();

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var department = User.StaffDepartment()!;
        var id = (Id ?? "").Trim();
        if (!FormId().IsMatch(id) || id.Length > 100) AddError(nameof(Id), text["office.forms.error.formId"]);
        else if (await db.Set<Form>().AnyAsync(f => f.Id == id, cancellationToken)) AddError(nameof(Id), text["office.forms.error.formIdTaken"]);
        var page = First.ToPage("page1", _ => false, out var errors);
        foreach (var (field, key) in errors) AddError(field, text[key]);
        if (HasErrors) return Page();

        var definition = new FormDefinition
        {
            Id = id,
            Department = department,
            Title = WordsOf(TitleEn, TitleZhHk, TitleZhCn) ?? new Words { En = "", ZhHk = "", ZhCn = "" },
            Pages = [page!],
        };
        await versions.SaveDraftAsync(definition, User.UserId(), cancellationToken);
        audit.Record(FormEditorEvents.Created, User.UserId(), null, "form", id, null, department);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Done"] = "created";
        return Redirect(Url.Content($"~/office/forms/{id}/edit"));
    }
}

/// <summary>A new page's title and first question, as the new-form and add-page forms ask for them (names <c>First.*</c>).</summary>
public sealed class NewPage
{
    public string? PageTitleEn { get; set; }
    public string? PageTitleZhHk { get; set; }
    public string? PageTitleZhCn { get; set; }
    public string? FieldId { get; set; }
    public string? FieldType { get; set; }
    public string? LabelEn { get; set; }
    public string? LabelZhHk { get; set; }
    public string? LabelZhCn { get; set; }

    public PageDefinition? ToPage(string pageId, Func<string, bool> taken, out List<(string Field, string Key)> errors)
    {
        errors = [];
        var fieldId = (FieldId ?? "").Trim();
        if (!ItemId().IsMatch(fieldId)) errors.Add(("First.FieldId", "office.forms.error.itemId"));
        else if (taken(fieldId) || fieldId == pageId) errors.Add(("First.FieldId", "office.forms.error.itemIdTaken"));
        var type = ParseType(FieldType);
        if (type is null) errors.Add(("First.FieldType", "office.forms.error.type"));
        if (errors.Count > 0) return null;
        return new PageDefinition
        {
            Id = pageId,
            Title = WordsOf(PageTitleEn, PageTitleZhHk, PageTitleZhCn) ?? new Words { En = "", ZhHk = "", ZhCn = "" },
            Fields = [new FieldDefinition { Id = fieldId, Type = type!.Value, Label = WordsOf(LabelEn, LabelZhHk, LabelZhCn) }],
        };
    }
}
