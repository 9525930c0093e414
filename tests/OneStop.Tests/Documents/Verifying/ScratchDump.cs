namespace OneStop.Tests.Documents.Verifying;
public sealed class ScratchDump
{
    [Fact]
    public async Task Dump()
    {
        await using var app = new OneStopApp(Provider.Sqlite);
        var (_, _, _, document) = await app.IssuedDocumentAsync();
        await File.WriteAllBytesAsync("/tmp/verify-sample.pdf", await app.PdfAsync(document), TestContext.Current.CancellationToken);
    }
}
