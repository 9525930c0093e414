namespace OneStop.Platform.Storage;

/// <summary>The file types that form fields may accept, by the short names definitions use (those <see cref="FileTypes"/> detects).</summary>
public static class FileTypeNames
{
    public static readonly IReadOnlySet<string> Known = FileTypes.Names.ToHashSet(StringComparer.Ordinal);
}
