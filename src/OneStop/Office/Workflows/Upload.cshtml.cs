using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OneStop.Cases.Workflows;
using OneStop.Identity;
using OneStop.Identity.Staff;
using OneStop.Platform.Audit;
using OneStop.Platform.Localisation;

namespace OneStop.Office.Workflows;

/// <summary>
/// A whole workflow (a file, or text pasted) becomes the service's draft. Text that does not read as a workflow
/// is refused with the reader's message, and stays in the box to fix; a workflow that reads is saved, and its
/// problems are then listed on the editor like any draft's, to fix there or in the file.
/// </summary>
[Authorize(Policy = StaffPolicies.DepartmentAdmin)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxBytes)]
public sealed class UploadModel(WorkflowDrafts drafts, AuditLog audit, Text text) : WorkflowPageModel(drafts, text)
{
    public const int MaxBytes = 1024 * 1024;

    [BindProperty] public IFormFile? WorkflowFile { get; set; }
    [BindProperty] public string? Json { get; set; }

    public async Task<IActionResult> OnGetAsync([FromRoute] string slug, CancellationToken cancellationToken) =>
        await LoadAsync(slug, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync([FromRoute] string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken)) return NotFound();
        if (WorkflowFile is { Length: > 0 })
        {
            if (WorkflowFile.Length > MaxBytes)
            {
                AddError(nameof(WorkflowFile), T["office.workflows.upload.error.tooBig"]);
                return Page();
            }
            using var reader = new StreamReader(WorkflowFile.OpenReadStream(), Encoding.UTF8);
            Json = await reader.ReadToEndAsync(cancellationToken);
        }
        if (string.IsNullOrWhiteSpace(Json))
        {
            AddError(nameof(WorkflowFile), T["office.workflows.upload.error.missing"]);
            return Page();
        }
        if (WorkflowJson.Parse(Json, out var error) is not { } definition)
        {
            AddError(nameof(Json), T["office.workflows.upload.error.unreadable", error ?? ""]);
            return Page();
        }

        audit.Record(WorkflowEditorEvents.Uploaded, User.UserId(), null, "workflow", slug, null, Copy.DepartmentCode);
        await SaveAsync(definition, cancellationToken);
        var problems = WorkflowCheck.Run(definition).Count;
        return RedirectTo(EditorPath(), problems == 0 ? "uploaded" : "uploadedWithProblems");
    }
}
