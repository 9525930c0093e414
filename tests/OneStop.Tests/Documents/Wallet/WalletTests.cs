using System.Net;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using OneStop.Documents;
using OneStop.Identity.Staff;
using OneStop.Tests.Office;
using OneStop.Tests.Office.Cases;

namespace OneStop.Tests.Documents.Wallet;

/// <summary>My documents: the holder's own documents, newest first, each number once; the PDF exactly as signed; nobody else's.</summary>
public abstract class WalletTests(Provider provider) : IAsyncLifetime
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private OneStopApp _app = null!;

    public ValueTask InitializeAsync()
    {
        if (provider == Provider.Postgres) PostgresServer.SkipIfUnavailable();
        _app = new OneStopApp(provider);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }

    [Fact]
    public async Task Wallet_TwoDocumentsAndAnotherPersons_ListsOwnNewestFirst()
    {
        var (client, email, _, first) = await _app.IssuedDocumentAsync();
        var second = await _app.AnotherDocumentAsync(await _app.UserIdAsync(email));
        var (_, _, _, someoneElses) = await _app.IssuedDocumentAsync();

        var (status, page) = await client.GetPageAsync(DocumentPaths.Wallet);

        Assert.Equal(200, status);
        var rows = page.QuerySelectorAll("[data-documents] tbody tr");
        Assert.Equal([second.Id.ToString(), first.Id.ToString()], rows.Select(r => r.GetAttribute("data-document")));
        Assert.Equal(second.Number, rows[0].QuerySelector("[data-number]")!.TextContent.Trim());
        Assert.Equal("Vehicle test licence", rows[0].QuerySelector("th a")!.TextContent.Trim());
        Assert.Equal("valid", rows[0].QuerySelector("[data-state]")!.GetAttribute("data-state"));
        Assert.DoesNotContain(someoneElses.Number, page.Body!.TextContent);
    }

    [Fact]
    public async Task Wallet_InChinese_TitleAndStateInThePagesLanguage()
    {
        var (client, _, _, document) = await _app.IssuedDocumentAsync("zh-HK");

        var (_, page) = await client.GetPageAsync("/zh-hk" + DocumentPaths.Wallet);

        var row = page.QuerySelector($"[data-document='{document.Id}']")!;
        Assert.Equal("車輛測試牌照", row.QuerySelector("th a")!.TextContent.Trim());
        Assert.Equal("有效", row.QuerySelector("[data-state]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Wallet_NoDocuments_SaysSo()
    {
        var client = _app.NewBrowser();
        await Identity.Accounts.SignedInAsync(client, _app);

        var (status, page) = await client.GetPageAsync(DocumentPaths.Wallet);

        Assert.Equal(200, status);
        Assert.NotNull(page.QuerySelector("[data-no-documents]"));
        Assert.Null(page.QuerySelector("[data-documents]"));
    }

    [Fact]
    public async Task Wallet_SignedOut_SentToSignIn()
    {
        using var response = await _app.NewBrowser().GetAsync(DocumentPaths.Wallet, Cancel);

        Assert.StartsWith("/account/sign-in", new Uri(new Uri("http://localhost"), response.Location()).AbsolutePath);
    }

    [Fact]
    public async Task Wallet_Reissued_ListsTheNumberOnceAsItsCurrentVersion()
    {
        var (client, _, _, original) = await _app.IssuedDocumentAsync();
        var reissued = await _app.ReissueAsync(original);

        var (_, page) = await client.GetPageAsync(DocumentPaths.Wallet);

        var row = Assert.Single(page.QuerySelectorAll("[data-documents] tbody tr"));
        Assert.Equal(reissued.Id.ToString(), row.GetAttribute("data-document"));
        Assert.Equal((original.Number, 2), (reissued.Number, reissued.Version));
        var (_, old) = await client.GetPageAsync(DocumentPaths.Document(original.Id));
        Assert.Equal("superseded", old.QuerySelector("[data-facts] [data-state]")!.GetAttribute("data-state"));
        Assert.Contains(DocumentPaths.Document(reissued.Id), old.QuerySelector("[data-superseded] a")!.GetAttribute("href"));
        Assert.Null(old.QuerySelector("[data-create-share]"));
    }

    [Fact]
    public async Task Details_Holder_ShowsFactsDownloadAndHowToReceiveIt()
    {
        var (client, _, c, document) = await _app.IssuedDocumentAsync();

        var (status, page) = await client.GetPageAsync(DocumentPaths.Document(document.Id));

        Assert.Equal(200, status);
        Assert.Equal("Vehicle test licence", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(document.Number, page.QuerySelector("[data-facts] [data-number]")!.TextContent.Trim());
        Assert.Equal(DocumentPaths.Download(document.Id), page.QuerySelector("[data-download]")!.GetAttribute("href"));
        Assert.Equal(DocumentPaths.Collect(document.Id), page.QuerySelector("[data-collect]")!.GetAttribute("href"));
        Assert.Contains(c.Reference, page.QuerySelector("[data-facts]")!.TextContent);
    }

    [Fact]
    public async Task Details_WalletOnlyService_NoLinkToReceiveAPrintedCopy()
    {
        await _app.SetTemplateAsync(DocumentSteps.LicenceJson.Replace("""["wallet", "post", "counter"]""", """["wallet"]""").Replace("""["td-test-counter"]""", "[]"));
        var (client, _, _, document) = await _app.IssuedDocumentAsync();

        var (_, page) = await client.GetPageAsync(DocumentPaths.Document(document.Id));

        Assert.Null(page.QuerySelector("[data-collect]"));
    }

    [Fact]
    public async Task Download_Holder_TheStoredSignedBytesAsAnAttachmentNeverCached()
    {
        var (client, _, _, document) = await _app.IssuedDocumentAsync();

        using var response = await client.GetAsync(DocumentPaths.Download(document.Id), Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(document.Number + ".pdf", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Equal(document.Sha256, Convert.ToHexStringLower(SHA256.HashData(await response.BytesAsync())));
    }

    [Fact]
    public async Task AnotherPerson_DetailsDownloadAndShare_NotFound()
    {
        var (_, _, _, document) = await _app.IssuedDocumentAsync();
        var (other, _, _, _) = await _app.IssuedDocumentAsync();
        var (officer, _, _) = await _app.OfficerAsync(StaffRole.Supervisor, "TD");

        foreach (var client in new[] { other, officer })
        {
            using var details = await client.GetAsync(DocumentPaths.Document(document.Id), Cancel);
            using var download = await client.GetAsync(DocumentPaths.Download(document.Id), Cancel);
            using var share = await client.PostFormAsync(DocumentPaths.Document(document.Id) + "?handler=Share", await client.TokenAsync("/account"), ("Expiry", "7"));
            Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound), (details.StatusCode, download.StatusCode, share.StatusCode));
        }
        Assert.Empty(await _app.QueryAsync(db => db.Set<DocumentShare>().Where(s => s.DocumentId == document.Id).ToListAsync(Cancel)));
    }
}

public sealed class WalletSqliteTests() : WalletTests(Provider.Sqlite);

public sealed class WalletPostgresTests() : WalletTests(Provider.Postgres);
