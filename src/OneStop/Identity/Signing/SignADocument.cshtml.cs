using System.Security.Cryptography;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OneStop.Platform.Localisation;
using OneStop.Platform.Web.Forms;

namespace OneStop.Identity.Signing;

/// <summary>
/// Sign any file of your own, as iAM Smart+ lets people do: the file is hashed here and not kept, the
/// person confirms on the signing page (advanced level), and takes away a detached .p7s signature that
/// anyone can check at /verify/signature with the same file. Forms use the same signing for declarations.
/// </summary>
[Authorize]
[RequestSizeLimit(MaximumBytes + 1024 * 1024)]
public sealed class SignADocumentModel(IDocumentSigning signing, Text text) : FormPageModel
{
    public const long MaximumBytes = 20 * 1024 * 1024;

    [BindProperty] public IFormFile? Document { get; set; }

    public SignedDocument? Signed { get; private set; }
    public string? FileName { get; private set; }

    public void OnGet() { }

    /// <summary>Back from the signing page: the signature of the request, if it was signed (only the person's own).</summary>
    public async Task<IActionResult> OnGetSignedAsync(Guid id, string? name, CancellationToken cancellationToken)
    {
        if (User.UserId() is not { } me) return Challenge();
        Signed = await signing.GetSignatureAsync(id, me, cancellationToken);
        FileName = name is null ? null : Path.GetFileName(name);
        return Page();
    }

    /// <summary>The .p7s file of one of the person's own signed requests; anyone else's is 404.</summary>
    public async Task<IActionResult> OnGetSignatureAsync(Guid id, string? name, CancellationToken cancellationToken)
    {
        if (User.UserId() is not { } me || await signing.GetSignatureAsync(id, me, cancellationToken) is not { } signed) return NotFound();
        return File(signed.Signature, "application/pkcs7-signature", Path.GetFileName(name ?? "document") + ".p7s");
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (User.UserId() is not { } me) return Challenge();
        if (Document is null || Document.Length == 0) AddError(nameof(Document), text["signing.self.error.noFile"]);
        else if (Document.Length > MaximumBytes) AddError(nameof(Document), text["signing.self.error.tooBig", MaximumBytes / 1024 / 1024]);
        if (HasErrors) return Page();

        byte[] hash;
        await using (var stream = Document!.OpenReadStream()) hash = await SHA256.HashDataAsync(stream, cancellationToken);
        var fileName = Path.GetFileName(Document.FileName);
        if (fileName.Length > 200) fileName = fileName[..200];
        // The file's name travels in the address (it is the person's own, shown back to them), not in a store.
        var returnUrl = $"/account/sign-a-document/signed?id={DocumentSigning.RequestIdPlaceholder}&name={Uri.EscapeDataString(fileName)}";
        var id = await signing.CreateRequestAsync(me, hash, text["signing.self.description", fileName], returnUrl, cancellationToken);
        return Redirect(Request.PathBase + DocumentSigning.PagePath(id));
    }
}
