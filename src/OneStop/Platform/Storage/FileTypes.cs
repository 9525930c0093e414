namespace OneStop.Platform.Storage;

/// <summary>
/// A kind of file OneStop accepts, known by its content. <see cref="Name"/> is the short name form
/// definitions use to allow it ("pdf", "docx"); <see cref="ContentType"/> and <see cref="Extension"/>
/// are what to serve and save it as, whatever the uploader called it.
/// </summary>
public sealed record FileType(string Name, string ContentType, string Extension);

/// <summary>
/// The file types OneStop knows, and <see cref="DetectAsync"/>, which decides a file's type from its
/// bytes. A file's name and the browser's Content-Type are never consulted: both are the uploader's word.
/// </summary>
public static partial class FileTypes
{
    public static readonly FileType Pdf = new("pdf", "application/pdf", ".pdf");
    public static readonly FileType Png = new("png", "image/png", ".png");
    public static readonly FileType Jpeg = new("jpeg", "image/jpeg", ".jpg");
    public static readonly FileType Gif = new("gif", "image/gif", ".gif");
    public static readonly FileType WebP = new("webp", "image/webp", ".webp");
    public static readonly FileType Tiff = new("tiff", "image/tiff", ".tif");
    public static readonly FileType Heic = new("heic", "image/heic", ".heic");
    public static readonly FileType Heif = new("heif", "image/heif", ".heif");
    public static readonly FileType Docx = new("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx");
    public static readonly FileType Xlsx = new("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx");
    public static readonly FileType Pptx = new("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation", ".pptx");
    public static readonly FileType Odt = new("odt", "application/vnd.oasis.opendocument.text", ".odt");
    public static readonly FileType Ods = new("ods", "application/vnd.oasis.opendocument.spreadsheet", ".ods");
    public static readonly FileType Odp = new("odp", "application/vnd.oasis.opendocument.presentation", ".odp");
    public static readonly FileType Text = new("txt", "text/plain; charset=utf-8", ".txt");

    /// <summary>Every known type, in a stable order (documents, then images, then text).</summary>
    public static IReadOnlyList<FileType> All { get; } =
        [Pdf, Docx, Xlsx, Pptx, Odt, Ods, Odp, Png, Jpeg, Gif, WebP, Tiff, Heic, Heif, Text];

    /// <summary>The short names a form definition may list as allowed.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.Select(t => t.Name)];

    private static readonly Dictionary<string, FileType> ByName = All.ToDictionary(t => t.Name, StringComparer.Ordinal);

    /// <summary>The type with this short name (exactly as in <see cref="Names"/>: lower case), or null.</summary>
    public static FileType? Find(string? name) => name is not null && ByName.TryGetValue(name, out var type) ? type : null;

    /// <summary>True when <paramref name="name"/> is one of <see cref="Names"/>; for checking a form definition.</summary>
    public static bool IsKnown(string? name) => Find(name) is not null;

    /// <summary>
    /// Checks a configured list of allowed type names; returns the names that are not known (empty when all are).
    /// </summary>
    public static IReadOnlyList<string> UnknownNames(IEnumerable<string> names) => [.. names.Where(n => !IsKnown(n)).Distinct()];
}
