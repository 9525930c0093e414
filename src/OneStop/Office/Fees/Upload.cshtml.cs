using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OneStop.Identity.Staff;
using OneStop.Payments.Fees;
using OneStop.Platform.Localisation;

namespace OneStop.Office.Fees;

/// <summary>
/// A whole schedule (a file, or text pasted) replaces the service's. Text that does not read as a schedule, or a
/// schedule with any problem, is refused with every problem worded and stays in the box to fix; nothing is saved.
/// </summary>
[Authorize(Policy = FeeEditorModule.Policy)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxBytes)]
public sealed class UploadModel(FeeEditor editor, Text text) : FeePageModel(editor, text)
{
    public const int MaxBytes = 256 * 1024;

    [BindProperty] public IFormFile? FeeFile { get; set; }
    [BindProperty] public string? Json { get; set; }

    public async Task<IActionResult> OnGetAsync([FromRoute] string slug, CancellationToken cancellationToken) =>
        await LoadAsync(slug, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync([FromRoute] string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken)) return NotFound();
        if (FeeFile is { Length: > 0 })
        {
            if (FeeFile.Length > MaxBytes)
            {
                AddError(nameof(FeeFile), T["office.fees.upload.error.tooBig"]);
                return Page();
            }
            using var reader = new StreamReader(FeeFile.OpenReadStream(), Encoding.UTF8);
            Json = await reader.ReadToEndAsync(cancellationToken);
        }
        if (string.IsNullOrWhiteSpace(Json))
        {
            AddError(nameof(FeeFile), T["office.fees.upload.error.missing"]);
            return Page();
        }
        if (FeeJson.Parse(Json, out var error) is not { } fees)
        {
            AddError(nameof(Json), T["payments.check.unreadable", error ?? ""]);
            return Page();
        }
        if (!await SaveAsync(fees, (_, _) => null, strict: true, cancellationToken)) return Page();
        return RedirectTo(Root, "uploaded");
    }
}
