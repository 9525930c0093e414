using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OneStop.Documents.Verifying;

/// <summary>
/// /verify/{code}, where a document's QR code leads: public, no sign-in. Shows whether the document is genuine and
/// valid, expired, revoked or superseded, with no more than the document prints. An unknown code answers 404 with
/// a form to type it again.
/// </summary>
public sealed class VerifyDocumentModel(DocumentStatus status) : PageModel
{
    public string Code { get; private set; } = "";
    public VerifiedDocument? Document { get; private set; }

    public async Task<PageResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        Code = code;
        // Where a document is checked is nobody's business but the checker's: keep these pages out of search engines.
        Response.Headers["X-Robots-Tag"] = "noindex";
        Document = await status.ByCodeAsync(VerificationCodes.Normalise(code) ?? code, cancellationToken);
        if (Document is null) Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
