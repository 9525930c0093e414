using OneStop.Platform.Storage;

namespace OneStop.Tests.Platform.Files;

public sealed class FileTypeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> Samples => new()
    {
        { "pdf", Convert.ToBase64String(SampleFiles.Pdf()) },
        { "png", Convert.ToBase64String(SampleFiles.Png()) },
        { "jpeg", Convert.ToBase64String(SampleFiles.Jpeg()) },
        { "gif", Convert.ToBase64String(SampleFiles.Gif()) },
        { "webp", Convert.ToBase64String(SampleFiles.WebP()) },
        { "tiff", Convert.ToBase64String(SampleFiles.Tiff()) },
        { "heic", Convert.ToBase64String(SampleFiles.IsoMedia("heic", "mif1", "heic")) },
        { "heic", Convert.ToBase64String(SampleFiles.IsoMedia("mif1", "mif1", "heic")) },
        { "heif", Convert.ToBase64String(SampleFiles.IsoMedia("mif1", "mif1")) },
        { "docx", Convert.ToBase64String(SampleFiles.Docx()) },
        { "xlsx", Convert.ToBase64String(SampleFiles.Xlsx()) },
        { "pptx", Convert.ToBase64String(SampleFiles.Pptx()) },
        { "odt", Convert.ToBase64String(SampleFiles.OpenDocument("application/vnd.oasis.opendocument.text")) },
        { "ods", Convert.ToBase64String(SampleFiles.OpenDocument("application/vnd.oasis.opendocument.spreadsheet")) },
        { "odp", Convert.ToBase64String(SampleFiles.OpenDocument("application/vnd.oasis.opendocument.presentation")) },
        { "txt", Convert.ToBase64String("Name,Amount\r\n陳大文,100\n\tnote\n"u8.ToArray()) },
        { "txt", Convert.ToBase64String([0xEF, 0xBB, 0xBF, .. "with a byte-order mark"u8]) },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task DetectAsync_RealFile_FindsItsType(string expected, string base64)
    {
        using var content = new MemoryStream(Convert.FromBase64String(base64));

        var type = await FileTypes.DetectAsync(content, Ct);

        Assert.Equal(expected, type?.Name);
        Assert.Same(FileTypes.Find(expected), type);
        Assert.Equal(0, content.Position);
    }

    public static TheoryData<string, string> NotAccepted => new()
    {
        { "a Windows executable", Convert.ToBase64String(SampleFiles.Executable()) },
        { "a plain ZIP", Convert.ToBase64String(SampleFiles.PlainZip()) },
        { "a macro-enabled Word file", Convert.ToBase64String(SampleFiles.Docx(withMacros: true)) },
        { "an AVIF image", Convert.ToBase64String(SampleFiles.IsoMedia("avif", "mif1", "avif")) },
        { "an MP4 video", Convert.ToBase64String(SampleFiles.IsoMedia("isom", "isom", "mp41")) },
        { "text with a NUL", Convert.ToBase64String("abc\0def"u8.ToArray()) },
        { "Latin-1 text (not UTF-8)", Convert.ToBase64String([0x63, 0x61, 0x66, 0xE9]) },
        { "a truncated ZIP", Convert.ToBase64String(SampleFiles.Docx()[..200]) },
        { "nothing at all", "" },
    };

    [Theory]
    [MemberData(nameof(NotAccepted))]
    public async Task DetectAsync_UnknownContent_ReturnsNull(string what, string base64)
    {
        using var content = new MemoryStream(Convert.FromBase64String(base64));

        var type = await FileTypes.DetectAsync(content, Ct);

        Assert.True(type is null, $"{what} was taken for {type?.Name}");
    }

    [Theory]
    [InlineData(new byte[] { 0xE9, 0x99, 0xB3 }, "txt")]
    [InlineData(new byte[] { 0xE9, 0x99 }, null)]
    public async Task DetectAsync_CharacterSplitAcrossReads_IsJudgedWhole(byte[] tail, string? expected)
    {
        // The text check reads 81,920 bytes at a time; 陳 (E9 99 B3) straddles the first boundary.
        byte[] bytes = [.. Enumerable.Repeat((byte)'a', 81_919), .. tail];

        var type = await FileTypes.DetectAsync(new MemoryStream(bytes), Ct);

        Assert.Equal(expected, type?.Name);
    }

    [Fact]
    public async Task DetectAsync_ExecutableNamedPdf_IsNotAPdf()
    {
        var folder = Directory.CreateTempSubdirectory("onestop-types-").FullName;
        try
        {
            var path = Path.Combine(folder, "application-form.pdf");
            await File.WriteAllBytesAsync(path, SampleFiles.Executable(), Ct);
            await using var file = File.OpenRead(path);

            Assert.Null(await FileTypes.DetectAsync(file, Ct));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task DetectAsync_StreamThatCannotSeek_IsRefused()
    {
        using var content = new NonSeekableStream(SampleFiles.Pdf());

        await Assert.ThrowsAsync<ArgumentException>(() => FileTypes.DetectAsync(content, Ct));
    }

    [Fact]
    public void Names_ListEveryTypeOnce_AndOnlyThoseAreKnown()
    {
        Assert.Equal(FileTypes.All.Count, FileTypes.Names.Distinct().Count());
        Assert.Contains("pdf", FileTypes.Names);
        Assert.Contains("docx", FileTypes.Names);
        Assert.True(FileTypes.IsKnown("jpeg"));
        Assert.False(FileTypes.IsKnown("PDF"));
        Assert.False(FileTypes.IsKnown("exe"));
        Assert.False(FileTypes.IsKnown(null));
        Assert.Equal(["exe", "zip"], FileTypes.UnknownNames(["pdf", "exe", "png", "zip", "exe"]));
        Assert.Equal(".jpg", FileTypes.Find("jpeg")!.Extension);
        Assert.Equal("application/pdf", FileTypes.Find("pdf")!.ContentType);
    }

    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
