using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using OneStop.Platform.Localisation;
using OneStop.Platform.Web.Forms;

namespace OneStop.Identity.Signing;

/// <summary>
/// Public: anyone holding a document and its .p7s can check who signed it and whether it changed since.
/// The result is shown in answer to the post itself (a check, not a change, and the files are not kept to
/// redirect to); nothing uploaded is stored. No antiforgery token: the post changes nothing and needs no
/// session, so a forged one gains nothing, and it keeps working for someone who blocks cookies.
/// </summary>
[IgnoreAntiforgeryToken(Order = 1001)]
public sealed class VerifyModel(SignatureVerifier verifier, IOptions<SigningOptions> options, Text text) : FormPageModel
{
    [BindProperty] public IFormFile? Document { get; set; }
    [BindProperty] public IFormFile? SignatureFile { get; set; }
    [BindProperty] public string? SignatureText { get; set; }

    public VerificationResult? Result { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxDocumentBytes;
        if (Document is not { Length: > 0 }) AddError(nameof(Document), text["signing.verify.error.document"]);
        else if (Document.Length > limit) AddError(nameof(Document), text["signing.verify.error.tooLarge", limit / (1024 * 1024)]);
        var hasFile = SignatureFile is { Length: > 0 };
        if (!hasFile && string.IsNullOrWhiteSpace(SignatureText)) AddError(nameof(SignatureFile), text["signing.verify.error.signature"]);
        else if (hasFile && SignatureFile!.Length > 1024 * 1024) AddError(nameof(SignatureFile), text["signing.verify.error.unreadable"]);
        if (HasErrors) return Page();

        var document = await ReadAsync(Document!, cancellationToken);
        var signature = hasFile ? await ReadAsync(SignatureFile!, cancellationToken) : System.Text.Encoding.ASCII.GetBytes(SignatureText!);
        try
        {
            Result = await verifier.VerifyAsync(document, signature, cancellationToken);
        }
        catch (UnreadableSignatureException)
        {
            AddError(hasFile ? nameof(SignatureFile) : nameof(SignatureText), text["signing.verify.error.unreadable"]);
        }
        return Page();
    }

    private static async Task<byte[]> ReadAsync(IFormFile file, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}
