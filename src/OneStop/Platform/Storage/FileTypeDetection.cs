using System.IO.Compression;
using System.Text;
using System.Xml;

namespace OneStop.Platform.Storage;

public static partial class FileTypes
{
    private const int HeadLength = 512;
    private const long MaxManifestBytes = 1 << 20;

    /// <summary>
    /// The file's type from its content, or null when it is none of the known types (an executable named
    /// "form.pdf" is null). The stream must be readable and seekable (a stored file, a buffered upload);
    /// it is read from the start and left at the start. Office documents with macros are not recognised.
    /// </summary>
    public static async Task<FileType?> DetectAsync(Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!content.CanRead || !content.CanSeek) throw new ArgumentException("The stream must be readable and seekable.", nameof(content));
        try
        {
            content.Position = 0;
            var buffer = new byte[HeadLength];
            var length = await content.ReadAtLeastAsync(buffer, HeadLength, throwOnEndOfStream: false, cancellationToken);
            var head = buffer.AsMemory(0, length);
            if (FromHead(head.Span) is { } type) return type;
            content.Position = 0;
            if (IsZip(head.Span)) return await FromZipAsync(content, cancellationToken);
            return length > 0 ? await FromTextAsync(content, cancellationToken) : null;
        }
        finally
        {
            content.Position = 0;
        }
    }

    private static FileType? FromHead(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("%PDF-"u8)) return Pdf;
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return Png;
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return Jpeg;
        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8)) return Gif;
        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8)) return WebP;
        // Classic TIFF (42) and BigTIFF (43), little- and big-endian.
        if (head.StartsWith("II*\0"u8) || head.StartsWith("MM\0*"u8) || head.StartsWith("II+\0"u8) || head.StartsWith("MM\0+"u8)) return Tiff;
        return FromIsoBrands(head);
    }

    /// <summary>HEIF files start with an ISO base-media <c>ftyp</c> box naming the brands the file conforms to.</summary>
    private static FileType? FromIsoBrands(ReadOnlySpan<byte> head)
    {
        if (head.Length < 16 || !head[4..8].SequenceEqual("ftyp"u8)) return null;
        var boxLength = (int)Math.Min(System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(head), (uint)head.Length);
        var brands = new List<string> { Encoding.ASCII.GetString(head[8..12]) };
        for (var i = 16; i + 4 <= boxLength; i += 4) brands.Add(Encoding.ASCII.GetString(head[i..(i + 4)]));
        // AVIF shares HEIF's container (major brand mif1 or avif) but is a different codec: not accepted as HEIF.
        if (brands.Contains("avif") || brands.Contains("avis")) return null;
        string[] hevc = ["heic", "heix", "heim", "heis", "hevc", "hevx"];
        if (brands.Any(hevc.Contains)) return Heic;
        if (brands[0] is "mif1" or "msf1" or "heif") return Heif;
        return null;
    }

    private static bool IsZip(ReadOnlySpan<byte> head) => head.StartsWith("PK\x03\x04"u8);

    /// <summary>
    /// Office Open XML and OpenDocument files are ZIP packages. Only the central directory and one small
    /// manifest entry are read, so a ZIP bomb costs nothing.
    /// </summary>
    private static async Task<FileType?> FromZipAsync(Stream content, CancellationToken cancellationToken)
    {
        try
        {
            await using var zip = await ZipArchive.CreateAsync(content, ZipArchiveMode.Read, leaveOpen: true, entryNameEncoding: null, cancellationToken);
            var names = zip.Entries.Select(e => e.FullName).ToList();
            if (zip.GetEntry("[Content_Types].xml") is { } manifest)
                return await FromOfficeOpenXmlAsync(manifest, names, cancellationToken);
            if (zip.GetEntry("mimetype") is { } mimetype)
                return await FromOpenDocumentAsync(mimetype, names, cancellationToken);
            return null;
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or IOException or NotSupportedException)
        {
            return null;
        }
    }

    private static async Task<FileType?> FromOfficeOpenXmlAsync(ZipArchiveEntry manifest, List<string> names, CancellationToken cancellationToken)
    {
        // A macro project makes a .docm/.xlsm/.pptm, whatever the main part says.
        if (names.Any(n => n.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase))) return null;
        var types = await ReadContentTypesAsync(manifest, cancellationToken);
        (FileType Type, string Folder, string MainPart)[] candidates =
        [
            (Docx, "word/", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"),
            (Xlsx, "xl/", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"),
            (Pptx, "ppt/", "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"),
        ];
        foreach (var (type, folder, mainPart) in candidates)
            if (types.Contains(mainPart) && names.Any(n => n.StartsWith(folder, StringComparison.Ordinal))) return type;
        return null;
    }

    private static async Task<HashSet<string>> ReadContentTypesAsync(ZipArchiveEntry manifest, CancellationToken cancellationToken)
    {
        if (manifest.Length > MaxManifestBytes) return [];
        await using var stream = await manifest.OpenAsync(cancellationToken);
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, Async = true, MaxCharactersInDocument = MaxManifestBytes };
        using var reader = XmlReader.Create(stream, settings);
        var types = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (await reader.ReadAsync())
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName is "Override" or "Default" && reader.GetAttribute("ContentType") is { } type)
                types.Add(type.Trim());
        return types;
    }

    private static async Task<FileType?> FromOpenDocumentAsync(ZipArchiveEntry mimetype, List<string> names, CancellationToken cancellationToken)
    {
        // OpenDocument keeps Basic macros under Basic/ and other scripts under Scripts/.
        if (names.Any(n => n.StartsWith("Basic/", StringComparison.Ordinal) || n.StartsWith("Scripts/", StringComparison.Ordinal))) return null;
        if (mimetype.Length > 100) return null;
        await using var stream = await mimetype.OpenAsync(cancellationToken);
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var declared = (await reader.ReadToEndAsync(cancellationToken)).Trim();
        return new[] { Odt, Ods, Odp }.FirstOrDefault(t => t.ContentType == declared);
    }

    /// <summary>
    /// Plain text: the whole file is valid UTF-8 (a BOM is allowed) with no control characters other than
    /// tab, line feed, form feed and carriage return. Binary files fail within the first few bytes.
    /// </summary>
    private static async Task<FileType?> FromTextAsync(Stream content, CancellationToken cancellationToken)
    {
        var decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
        var buffer = new byte[81_920];
        // GetChars, not GetCharCount: only GetChars carries a sequence split across reads into the next one.
        var chars = new char[Encoding.UTF8.GetMaxCharCount(buffer.Length)];
        int read;
        try
        {
            while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                var chunk = buffer.AsSpan(0, read);
                foreach (var b in chunk)
                    if (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0C) || b == 0x7F) return null;
                decoder.GetChars(chunk, chars, flush: false);
            }
            decoder.GetChars([], chars, flush: true);
            return Text;
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
