namespace OneStop.Platform.Storage;

/// <summary>The file types that form fields may accept, by the short names definitions use.</summary>
public static class FileTypeNames
{
    public static readonly IReadOnlySet<string> Known = new HashSet<string> { "pdf", "png", "jpeg", "gif", "webp", "tiff", "heic", "docx", "xlsx", "pptx", "txt" };
}
