using Microsoft.AspNetCore.Mvc;
using OneStop.Platform.Storage;

namespace OneStop.Documents.Wallet;

/// <summary>Sends an issued document's stored PDF, byte for byte (its signature covers every byte), as an attachment named by its number.</summary>
public static class DocumentFiles
{
    public static async Task<IActionResult> SendAsync(HttpResponse response, IFileStore store, IssuedDocument document, CancellationToken cancellationToken)
    {
        var content = await store.OpenReadAsync(document.StorageKey, cancellationToken);
        if (content is null) return new NotFoundResult();
        // A personal document: never kept by a browser's or a proxy's cache.
        response.Headers.CacheControl = "no-store";
        return new FileStreamResult(content, "application/pdf") { FileDownloadName = document.Number + ".pdf" };
    }
}
