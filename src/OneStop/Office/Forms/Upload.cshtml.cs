using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OneStop.Forms.Definitions;
using OneStop.Forms.Store;
using OneStop.Identity;
using OneStop.Identity.Staff;
using OneStop.Platform.Audit;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;
using OneStop.Platform.Web.Forms;

namespace OneStop.Office.Forms;

/// <summary>
/// A whole definition (a file, or text pasted) becomes the form's draft, but only with no problem at all: a
/// file is a finished piece of work, unlike a step in the editor. Every problem is listed with where it is,
/// and the text stays in the box to fix. The id must be this form's and the department stays the form's.
/// </summary>
[Authorize(Policy = StaffPolicies.DepartmentAdmin)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxBytes)]
public sealed class UploadModel(FormDrafts drafts, FormVersions versions, AuditLog audit, OneStopDb db, Text text) : FormPageModel
{
    public const int MaxBytes = 2 * 1024 * 1024;

    [BindProperty] public IFormFile? DefinitionFile { get; set; }
    [BindProperty] public string? Json { get; set; }

    public OneStop.Forms.Form Form { get; private set; } = null!;
    /// <summary>Every problem found, shown in the error summary (the summary's own list holds one per input).</summary>
    public List<string> Problems { get; } = [];

    public async Task<IActionResult> OnGetAsync([FromRoute] string id, CancellationToken cancellationToken)
    {
        if (await drafts.FindAsync(User, id, cancellationToken) is not { } form) return NotFound();
        Form = form;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] string id, CancellationToken cancellationToken)
    {
        if (await drafts.FindAsync(User, id, cancellationToken) is not { } form) return NotFound();
        Form = form;
        if (DefinitionFile is { Length: > 0 })
        {
            using var reader = new StreamReader(DefinitionFile.OpenReadStream(), Encoding.UTF8);
            Json = await reader.ReadToEndAsync(cancellationToken);
        }
        if (string.IsNullOrWhiteSpace(Json))
        {
            AddError(nameof(DefinitionFile), text["office.forms.upload.error.missing"]);
            return Page();
        }

        var definition = DefinitionJson.Parse(Json, out var parseError);
        if (definition is null)
        {
            Problems.Add(parseError!);
        }
        else
        {
            if (definition.Id != form.Id) Problems.Add("id: " + text["office.forms.upload.error.id", form.Id]);
            if (definition.Department != form.DepartmentCode) Problems.Add("department: " + text["office.forms.upload.error.department", form.DepartmentCode]);
            Problems.AddRange((await versions.CheckAsync(definition, cancellationToken)).Select(p => p.ToString()));
        }
        if (Problems.Count > 0)
        {
            AddError(nameof(Json), text.Count("office.forms.upload.error.problems", Problems.Count));
            return Page();
        }

        var version = await versions.SaveDraftAsync(definition!, User.UserId(), cancellationToken);
        audit.Record(FormEditorEvents.Uploaded, User.UserId(), null, "form", form.Id, $"version={version}", form.DepartmentCode);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Done"] = "uploaded";
        return Redirect(Url.Content($"~/office/forms/{form.Id}"));
    }
}
