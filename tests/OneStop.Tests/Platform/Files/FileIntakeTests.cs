using Microsoft.Extensions.Time.Testing;
using OneStop.Platform.Scanning;
using OneStop.Platform.Storage;

namespace OneStop.Tests.Platform.Files;

public sealed class FileIntakeTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("onestop-intake-").FullName;
    private readonly FileSystemFileStore _store;

    public FileIntakeTests() =>
        _store = new(Microsoft.Extensions.Options.Options.Create(new StorageOptions { Root = _root }), new FakeTimeProvider(DateTimeOffset.UtcNow));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private FileIntake Intake(ScanResult? verdict = null) =>
        new(_store, verdict is null ? new NotScanningScanner() : new FixedScanner(verdict));

    private int StoredFiles() => Directory.GetFiles(Path.Combine(_root, "objects"), "*", SearchOption.AllDirectories).Length;

    private static readonly IntakeRules PdfUpTo1Mb = new(MaxFileBytes: 1_000_000, AllowedTypes: ["pdf", "png"]);

    [Fact]
    public async Task AcceptAsync_AllowedTypeWithinLimits_StoresItWithTypeAndScanOutcome()
    {
        var pdf = SampleFiles.Pdf();

        var result = await Intake().AcceptAsync(new MemoryStream(pdf), PdfUpTo1Mb, Ct);

        var accepted = Assert.IsType<IntakeResult.Accepted>(result);
        Assert.Same(FileTypes.Pdf, accepted.Type);
        Assert.Equal(ScanOutcome.NotScanned, accepted.Scan);
        Assert.Equal(pdf.Length, accepted.File.Length);
        Assert.True(await _store.ExistsAsync(accepted.File.Key, Ct));
    }

    [Fact]
    public async Task AcceptAsync_ScannerFindsItClean_AcceptsAsClean()
    {
        var result = await Intake(new ScanResult.Clean()).AcceptAsync(new MemoryStream(SampleFiles.Png()), PdfUpTo1Mb, Ct);

        Assert.Equal(ScanOutcome.Clean, Assert.IsType<IntakeResult.Accepted>(result).Scan);
    }

    [Fact]
    public async Task AcceptAsync_ExecutableDressedAsPdf_IsRefusedAndNotKept()
    {
        var result = await Intake().AcceptAsync(new MemoryStream(SampleFiles.Executable()), PdfUpTo1Mb, Ct);

        Assert.Equal(new IntakeResult.TypeNotAllowed(null), result);
        Assert.Equal(0, StoredFiles());
    }

    [Fact]
    public async Task AcceptAsync_KnownTypeNotAllowedForTheField_SaysWhatItIs()
    {
        var result = await Intake().AcceptAsync(new MemoryStream(SampleFiles.Docx()), PdfUpTo1Mb, Ct);

        Assert.Equal(new IntakeResult.TypeNotAllowed(FileTypes.Docx), result);
        Assert.Equal(0, StoredFiles());
    }

    [Fact]
    public async Task AcceptAsync_LargerThanTheFieldAllows_IsFileTooLarge()
    {
        var rules = PdfUpTo1Mb with { MaxFileBytes = 100 };

        var result = await Intake().AcceptAsync(new MemoryStream(SampleFiles.Pdf()), rules, Ct);

        Assert.Equal(new IntakeResult.FileTooLarge(100), result);
        Assert.Equal(0, StoredFiles());
    }

    [Fact]
    public async Task AcceptAsync_LargerThanWhatIsLeftOfTheSubmission_IsSubmissionTooLarge()
    {
        var rules = PdfUpTo1Mb with { RemainingSubmissionBytes = 100 };

        var result = await Intake().AcceptAsync(new MemoryStream(SampleFiles.Pdf()), rules, Ct);

        Assert.Equal(new IntakeResult.SubmissionTooLarge(100), result);
        Assert.Equal(0, StoredFiles());
    }

    [Fact]
    public async Task AcceptAsync_EmptyFile_IsEmpty()
    {
        var result = await Intake().AcceptAsync(new MemoryStream(), PdfUpTo1Mb, Ct);

        Assert.IsType<IntakeResult.Empty>(result);
        Assert.Equal(0, StoredFiles());
    }

    [Fact]
    public async Task AcceptAsync_Infected_IsRefusedAndDeleted()
    {
        var result = await Intake(new ScanResult.Infected("Eicar-Test-Signature")).AcceptAsync(new MemoryStream(SampleFiles.Pdf()), PdfUpTo1Mb, Ct);

        Assert.Equal(new IntakeResult.Infected("Eicar-Test-Signature"), result);
        Assert.Equal(0, StoredFiles());
    }

    [Fact]
    public async Task AcceptAsync_ScannerGivesNoVerdict_IsRefusedAndDeleted()
    {
        var result = await Intake(new ScanResult.Failed("down")).AcceptAsync(new MemoryStream(SampleFiles.Pdf()), PdfUpTo1Mb, Ct);

        Assert.Equal(new IntakeResult.ScanFailed("down"), result);
        Assert.Equal(0, StoredFiles());
    }

    [Fact]
    public async Task AcceptAsync_WithClamd_ScansTheWholeStoredFile()
    {
        await using var clamd = new FakeClamd();
        var scanner = new ClamAvScanner(Microsoft.Extensions.Options.Options.Create(new ClamAvOptions { Enabled = true, Host = "127.0.0.1", Port = clamd.Port }),
            TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<ClamAvScanner>.Instance);
        // A real PDF header with the EICAR string in its body: the type is allowed, the scan must still catch it.
        byte[] file = [.. SampleFiles.Pdf(), .. FakeClamd.Eicar];

        var result = await new FileIntake(_store, scanner).AcceptAsync(new MemoryStream(file), PdfUpTo1Mb, Ct);

        Assert.Equal(new IntakeResult.Infected("Eicar-Test-Signature"), result);
        Assert.Equal(file, Assert.Single(clamd.Streams));
    }

    private sealed class FixedScanner(ScanResult verdict) : IVirusScanner
    {
        public Task<ScanResult> ScanAsync(Stream content, CancellationToken cancellationToken = default) => Task.FromResult(verdict);
    }
}
