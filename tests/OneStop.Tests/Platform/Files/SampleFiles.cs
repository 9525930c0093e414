using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace OneStop.Tests.Platform.Files;

/// <summary>Small but real files of each kind, built byte by byte so that no binary fixture hides in the repository.</summary>
public static class SampleFiles
{
    public static byte[] Pdf() => Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n" +
        "3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 200 200]>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n");

    /// <summary>A 1×1 grey PNG: signature, IHDR, zlib-compressed IDAT and IEND, each with its CRC.</summary>
    public static byte[] Png()
    {
        var output = new MemoryStream();
        output.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, 1);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), 1);
        header[8] = 8; // bit depth; colour type 0 (grey), deflate, no filter, no interlace follow as zeros
        WriteChunk(output, "IHDR", header);
        var pixels = new MemoryStream();
        using (var zlib = new ZLibStream(pixels, CompressionLevel.SmallestSize, leaveOpen: true)) zlib.Write([0, 0x80]);
        WriteChunk(output, "IDAT", pixels.ToArray());
        WriteChunk(output, "IEND", []);
        return output.ToArray();
    }

    /// <summary>A JPEG's start: SOI, a JFIF APP0 segment, then EOI.</summary>
    public static byte[] Jpeg() =>
    [
        0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
        0xFF, 0xD9,
    ];

    /// <summary>The well-known 1×1 transparent GIF.</summary>
    public static byte[] Gif() => Convert.FromHexString(
        "47494638396101000100800000FFFFFF00000021F90401000000002C00000000010001000002024401003B");

    /// <summary>A 1×1 lossless WebP: a RIFF container holding one VP8L chunk.</summary>
    public static byte[] WebP() => Convert.FromHexString(
        "524946461A000000574542505650384C0D0000002F00000010071011118888FE0700");

    /// <summary>A 1×1 black-and-white little-endian TIFF with one strip.</summary>
    public static byte[] Tiff()
    {
        (ushort Tag, ushort Type, uint Value)[] entries =
        [
            (256, 3, 1), (257, 3, 1), (258, 3, 1), (259, 3, 1), (262, 3, 0),
            (273, 4, 8 + 2 + 9 * 12 + 4), (277, 3, 1), (278, 3, 1), (279, 4, 1),
        ];
        var file = new byte[8 + 2 + entries.Length * 12 + 4 + 1];
        "II*\0"u8.CopyTo(file);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(4), 8);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(8), (ushort)entries.Length);
        for (var i = 0; i < entries.Length; i++)
        {
            var at = file.AsSpan(10 + i * 12);
            BinaryPrimitives.WriteUInt16LittleEndian(at, entries[i].Tag);
            BinaryPrimitives.WriteUInt16LittleEndian(at[2..], entries[i].Type);
            BinaryPrimitives.WriteUInt32LittleEndian(at[4..], 1);
            if (entries[i].Type == 3) BinaryPrimitives.WriteUInt16LittleEndian(at[8..], (ushort)entries[i].Value);
            else BinaryPrimitives.WriteUInt32LittleEndian(at[8..], entries[i].Value);
        }
        return file;
    }

    /// <summary>The start of an ISO base-media file: an ftyp box with the given brands, then an empty meta box.</summary>
    public static byte[] IsoMedia(string majorBrand, params string[] compatibleBrands)
    {
        var output = new MemoryStream();
        var size = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(size, (uint)(16 + 4 * compatibleBrands.Length));
        output.Write(size);
        output.Write("ftyp"u8);
        output.Write(Encoding.ASCII.GetBytes(majorBrand));
        output.Write(new byte[4]);
        foreach (var brand in compatibleBrands) output.Write(Encoding.ASCII.GetBytes(brand));
        output.Write([0, 0, 0, 12, (byte)'m', (byte)'e', (byte)'t', (byte)'a', 0, 0, 0, 0]);
        return output.ToArray();
    }

    public static byte[] Docx(bool withMacros = false) => OfficeOpenXml(
        "word/document.xml",
        withMacros ? "application/vnd.ms-word.document.macroEnabled.main+xml" : "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>Hello</w:t></w:r></w:p></w:body></w:document>",
        withMacros ? "word/vbaProject.bin" : null);

    public static byte[] Xlsx() => OfficeOpenXml(
        "xl/workbook.xml",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheets/></workbook>");

    public static byte[] Pptx() => OfficeOpenXml(
        "ppt/presentation.xml",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
        "<p:presentation xmlns:p=\"http://schemas.openxmlformats.org/presentationml/2006/main\"/>");

    /// <summary>An OpenDocument package: the uncompressed mimetype entry first, as the standard requires.</summary>
    public static byte[] OpenDocument(string mimeType)
    {
        var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "mimetype", mimeType, CompressionLevel.NoCompression);
            Write(zip, "content.xml", "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"/>");
            Write(zip, "META-INF/manifest.xml", "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\"/>");
        }
        return output.ToArray();
    }

    public static byte[] PlainZip()
    {
        var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true)) Write(zip, "readme.txt", "hello");
        return output.ToArray();
    }

    /// <summary>The start of a Windows executable: the MZ header and the PE offset.</summary>
    public static byte[] Executable()
    {
        var file = new byte[128];
        "MZ"u8.CopyTo(file);
        file[0x3C] = 0x40;
        "PE\0\0"u8.CopyTo(file.AsSpan(0x40));
        return file;
    }

    private static byte[] OfficeOpenXml(string mainPart, string mainContentType, string mainXml, string? extraEntry = null)
    {
        var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "[Content_Types].xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
                "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>" +
                "<Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
                $"<Override PartName=\"/{mainPart}\" ContentType=\"{mainContentType}\"/></Types>");
            Write(zip, "_rels/.rels",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                $"<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"{mainPart}\"/></Relationships>");
            Write(zip, mainPart, mainXml);
            if (extraEntry is not null) Write(zip, extraEntry, "not really VBA");
        }
        return output.ToArray();
    }

    private static void Write(ZipArchive zip, string name, string text, CompressionLevel level = CompressionLevel.Optimal)
    {
        using var entry = zip.CreateEntry(name, level).Open();
        entry.Write(Encoding.UTF8.GetBytes(text));
    }

    private static void WriteChunk(Stream output, string type, byte[] data)
    {
        var buffer = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(buffer, (uint)data.Length);
        output.Write(buffer);
        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        output.Write(typeAndData);
        BinaryPrimitives.WriteUInt32BigEndian(buffer, Crc32(typeAndData));
        output.Write(buffer);
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }
}
