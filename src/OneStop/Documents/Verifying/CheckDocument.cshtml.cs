using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using OneStop.Platform.Localisation;
using OneStop.Platform.Web.Forms;

namespace OneStop.Documents.Verifying;

/// <summary>
/// /verify: type a document's code (a GET form that redirects to /verify/{code}) or upload its PDF to check the
/// signature. The upload's result is shown in answer to the post itself: a check changes nothing and the file is
/// not kept, so there is nothing to redirect to. No antiforgery token, as on the signature check: the post needs
/// no session and changes nothing, so a forged one gains nothing, and it works for someone who blocks cookies.
/// </summary>
[IgnoreAntiforgeryToken(Order = 1001)]
public sealed class CheckDocumentModel(PdfSignatureCheck check, IOptions<DocumentsOptions> options, Text text) : FormPageModel
{
    public const string CodeField = "code";
    public const string FileField = "file";

    public string? Code { get; private set; }
    public UploadCheckResult? Result { get; private set; }
    /// <summary>The upload limit in MB as the page words it: 10, or 0.2 for a small limit.</summary>
    public string MaxMegabytes => (options.Value.MaxUploadBytes / (1024.0 * 1024)).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);

    public IActionResult OnGet()
    {
        // The code form submitted (even empty) versus the page simply opened.
        if (!Request.Query.TryGetValue(CodeField, out var typed)) return Page();
        var code = Code = typed.ToString();
        if (VerificationCodes.Normalise(code) is { } normalised) return Redirect(Url.Content("~" + DocumentPaths.Verify(normalised)));
        AddError(CodeField, text[string.IsNullOrWhiteSpace(code) ? "verify.code.error.empty" : "verify.code.error.format"]);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var file = Request.HasFormContentType ? Request.Form.Files.GetFile(FileField) : null;
        if (file is not { Length: > 0 }) AddError(FileField, text["verify.file.error.empty"]);
        else if (file.Length > options.Value.MaxUploadBytes) AddError(FileField, text["verify.file.error.tooLarge", MaxMegabytes]);
        if (HasErrors) return Page();

        var result = await check.CheckAsync(await UploadedPdf.ReadAsync(file!, cancellationToken), cancellationToken);
        if (result.Signature == SignatureVerdict.NotPdf) AddError(FileField, text["verify.file.error.notPdf"]);
        else Result = result;
        return Page();
    }
}

/// <summary>Verification codes as people type them: spaces and dashes dropped, Crockford's look-alikes read as digits.</summary>
public static class VerificationCodes
{
    /// <summary>The code in its printed form, or null when it cannot be one (empty, too long, or other characters).</summary>
    public static string? Normalise(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed)) return null;
        var code = new System.Text.StringBuilder(typed.Length);
        foreach (var c in typed.ToUpperInvariant())
        {
            if (char.IsWhiteSpace(c) || c == '-') continue;
            code.Append(c switch { 'O' => '0', 'I' or 'L' => '1', _ => c });
        }
        return code.Length is > 0 and <= 40 && code.ToString().All(char.IsAsciiLetterOrDigit) ? code.ToString() : null;
    }
}
