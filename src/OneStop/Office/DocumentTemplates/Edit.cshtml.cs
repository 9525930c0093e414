using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OneStop.Documents.Templates;
using OneStop.Identity;
using OneStop.Platform.Localisation;
using OneStop.Platform.Web.Forms;

namespace OneStop.Office.DocumentTemplates;

/// <summary>
/// A service's document template as JSON: edit and save, upload a file, download it, and preview a sample PDF in
/// a language. A template with a problem, or naming an answer the service's form does not ask, is refused with
/// the problem in the error summary and the text kept to fix; nothing is saved.
/// </summary>
[Authorize(Policy = DocumentTemplateEditorModule.Policy)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxBytes)]
public sealed class TemplateEditModel(TemplateEditor editor, TemplatePreview preview, Text text) : FormPageModel
{
    public const int MaxBytes = 256 * 1024;

    public TemplateCopy Copy { get; private set; } = null!;

    [BindProperty] public string? Json { get; set; }
    [BindProperty] public string? PreviewLanguage { get; set; }
    [BindProperty] public IFormFile? TemplateFile { get; set; }
    [TempData] public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(string serviceSlug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(serviceSlug, cancellationToken)) return NotFound();
        Json = Copy.Definition is { } stored ? DocumentJson.Write(stored) : Starter(Copy);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string serviceSlug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(serviceSlug, cancellationToken)) return NotFound();
        if (Checked(nameof(Json)) is not { } definition) return Page();
        await editor.SaveAsync(Copy, definition, User.UserId(), cancellationToken);
        Done = "saved";
        return Redirect(Url.Content($"~/office/document-templates/{Copy.Slug}"));
    }

    public async Task<IActionResult> OnPostUploadAsync(string serviceSlug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(serviceSlug, cancellationToken)) return NotFound();
        if (TemplateFile is not { Length: > 0 })
        {
            AddError(nameof(TemplateFile), text["office.documentTemplates.error.noFile"]);
            return Page();
        }
        if (TemplateFile.Length > MaxBytes)
        {
            AddError(nameof(TemplateFile), text["office.documentTemplates.error.tooBig"]);
            return Page();
        }
        using (var reader = new StreamReader(TemplateFile.OpenReadStream(), Encoding.UTF8))
            Json = await reader.ReadToEndAsync(cancellationToken);
        // The uploaded text goes into the box, so a problem can be fixed there.
        ModelState.Remove(nameof(Json));
        if (Checked(nameof(Json)) is not { } definition) return Page();
        await editor.SaveAsync(Copy, definition, User.UserId(), cancellationToken);
        Done = "uploaded";
        return Redirect(Url.Content($"~/office/document-templates/{Copy.Slug}"));
    }

    /// <summary>A sample PDF of the text in the box (saved or not), shown in the browser.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(string serviceSlug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(serviceSlug, cancellationToken)) return NotFound();
        if (Checked(nameof(Json)) is not { } definition) return Page();
        var language = Languages.FromCulture(PreviewLanguage) ?? Languages.Current;
        var pdf = await preview.RenderAsync(Copy, definition, language, cancellationToken);
        Response.Headers.CacheControl = "no-store";
        Response.Headers.ContentDisposition = $"inline; filename=\"{Copy.Slug}-sample.pdf\"";
        return File(pdf, "application/pdf");
    }

    /// <summary>The text in the box read and checked; null with the problem on <paramref name="field"/> when it is not a template the service can issue.</summary>
    private DocumentDefinition? Checked(string field)
    {
        if (string.IsNullOrWhiteSpace(Json))
        {
            AddError(field, text["office.documentTemplates.error.empty"]);
            return null;
        }
        if (DocumentJson.Parse(Json, out var problem) is not { } definition)
        {
            AddError(field, text["office.documentTemplates.error.problem", problem ?? ""]);
            return null;
        }
        if (TemplateEditor.UnknownAnswers(definition, Copy.FieldIds) is { Count: > 0 } unknown)
        {
            AddError(field, text["office.documentTemplates.error.unknownAnswers", string.Join(", ", unknown)]);
            return null;
        }
        if (TemplateEditor.UnknownCounters(definition, Copy.CounterCodes) is { Count: > 0 } counters)
        {
            AddError(field, text["office.documentTemplates.error.unknownCounters", string.Join(", ", counters)]);
            return null;
        }
        return definition;
    }

    private async Task<bool> LoadAsync(string serviceSlug, CancellationToken cancellationToken)
    {
        if (await editor.LoadAsync(User, serviceSlug, cancellationToken) is not { } copy) return false;
        Copy = copy;
        return true;
    }

    /// <summary>Where a service without a template starts: a one-year licence in the service's name, printing the application's reference.</summary>
    private static string Starter(TemplateCopy copy) => DocumentJson.Write(new DocumentDefinition
    {
        Title = new OneStop.Forms.Definitions.Words { En = copy.Service.Name.En, ZhHk = copy.Service.Name.ZhHk, ZhCn = copy.Service.Name.ZhCn },
        NumberPrefix = copy.DepartmentCode.ToUpperInvariant(),
        Validity = new Validity { Years = 1 },
        Fields =
        [
            new DocumentField { Label = new OneStop.Forms.Definitions.Words { En = "Application", ZhHk = "申請編號", ZhCn = "申请编号" }, From = DocumentSources.ApplicationReference },
        ],
    });
}
