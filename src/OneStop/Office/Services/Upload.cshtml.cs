using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OneStop.Catalogue.Import;
using OneStop.Identity;
using OneStop.Identity.Staff;
using OneStop.Platform.Audit;
using OneStop.Platform.Localisation;
using OneStop.Platform.Web.Forms;

namespace OneStop.Office.Services;

/// <summary>
/// A department administrator uploads a catalogue file (JSON or CSV) for their own department. The
/// importer checks every row, refuses rows of other departments and shared categories, and writes all
/// or nothing.
/// </summary>
[Authorize(Policy = StaffPolicies.DepartmentAdmin)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxBytes)]
public sealed class UploadModel(ImportCatalogue import, AuditLog audit, OneStop.Platform.Database.OneStopDb db, Text text) : FormPageModel
{
    public const int MaxBytes = 20 * 1024 * 1024;

    [BindProperty] public IFormFile? CatalogueFile { get; set; }

    public IReadOnlyList<ImportError> Problems { get; private set; } = [];
    [TempData] public string? Done { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var department = User.StaffDepartment()!;
        if (CatalogueFile is null || CatalogueFile.Length == 0)
        {
            AddError(nameof(CatalogueFile), text["office.upload.error.missing"]);
            return Page();
        }
        if (ImportCatalogue.FormatOf(CatalogueFile.FileName) is not { } format)
        {
            AddError(nameof(CatalogueFile), text["office.upload.error.format"]);
            return Page();
        }
        using var content = new MemoryStream();
        await CatalogueFile.CopyToAsync(content, cancellationToken);
        var result = await import.RunAsync(content.ToArray(), format, progress: null, cancellationToken, onlyDepartment: department);
        if (!result.Imported)
        {
            Problems = result.Errors;
            AddError(nameof(CatalogueFile), text.Count("office.upload.error.problems", result.Errors.Count));
            return Page();
        }
        audit.Record(OfficeEvents.CatalogueUploaded, User.UserId(), null, "catalogue", department, $"services={result.Services}", department);
        await db.SaveChangesAsync(cancellationToken);
        Done = "uploaded";
        return Redirect(Url.Content("~/office/services"));
    }
}
