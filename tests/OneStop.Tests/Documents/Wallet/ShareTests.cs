using System.Net;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using OneStop.Documents;
using OneStop.Documents.Wallet;
using OneStop.Tests.Office;

namespace OneStop.Tests.Documents.Wallet;

/// <summary>Share links: the holder chooses how long; whoever has the link sees the verification result and the PDF until it ends or is stopped.</summary>
public abstract class ShareTests(Provider provider) : IAsyncLifetime
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
    public async Task Share_SevenDays_LinkShowsStatusAndPdfUntilItExpires()
    {
        var (holder, _, _, document) = await _app.IssuedDocumentAsync();

        var link = await holder.ShareAsync(document.Id, "7");

        var stranger = _app.NewBrowser();
        var (status, page) = await stranger.GetPageAsync(link);
        Assert.Equal(200, status);
        Assert.Equal("valid", page.QuerySelector("[data-verdict]")!.GetAttribute("data-verdict"));
        Assert.Equal(document.Number, page.QuerySelector("[data-number]")!.TextContent.Trim());
        Assert.Equal(document.MaskedHolderName, page.QuerySelector("[data-holder]")!.TextContent.Trim());
        Assert.DoesNotContain("AB 1234", page.Body!.TextContent);
        using (var download = await stranger.GetAsync(link + "/download", Cancel))
        {
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.True(download.Headers.CacheControl?.NoStore);
            Assert.Equal(document.Sha256, Convert.ToHexStringLower(SHA256.HashData(await download.BytesAsync())));
        }
        var share = await _app.QueryAsync(db => db.Set<DocumentShare>().SingleAsync(s => s.DocumentId == document.Id, Cancel));
        Assert.Equal(DocumentShares.HashOf(link.Split('/')[^1]), share.TokenHash);
        Assert.Equal(TimeSpan.FromDays(7), share.ExpiresAt - share.CreatedAt);
        Assert.Single(await _app.AuditAsync(DocumentAuditEvents.Shared, document));

        _app.Clock.Advance(TimeSpan.FromDays(7).Add(TimeSpan.FromMinutes(1)));

        var (after, gone) = await stranger.GetPageAsync(link);
        Assert.Equal(404, after);
        Assert.NotNull(gone.QuerySelector("[data-link-gone]"));
        using var late = await stranger.GetAsync(link + "/download", Cancel);
        Assert.Equal(HttpStatusCode.NotFound, late.StatusCode);
    }

    [Fact]
    public async Task Share_LinkShownOnce_NotOnTheNextVisitAndListedWithItsExpiry()
    {
        var (holder, _, _, document) = await _app.IssuedDocumentAsync();
        await holder.ShareAsync(document.Id, "1");

        var (_, again) = await holder.GetPageAsync(DocumentPaths.Document(document.Id));

        Assert.Null(again.QuerySelector("[data-share-link]"));
        Assert.Single(again.QuerySelectorAll("[data-shares] tbody tr"));
    }

    [Fact]
    public async Task StopSharing_Holder_LinkAnswersNotFoundAndIsAudited()
    {
        var (holder, _, _, document) = await _app.IssuedDocumentAsync();
        var link = await holder.ShareAsync(document.Id, "30");
        var (_, page) = await holder.GetPageAsync(DocumentPaths.Document(document.Id));

        using var stopped = await holder.SubmitAsync(page, DocumentPaths.Document(document.Id), new Dictionary<string, string>(), "Stop");

        Assert.Equal(DocumentPaths.Document(document.Id), stopped.Location());
        var (status, _) = await _app.NewBrowser().GetPageAsync(link);
        Assert.Equal(404, status);
        var (_, after) = await holder.GetPageAsync(DocumentPaths.Document(document.Id));
        Assert.Null(after.QuerySelector("[data-shares]"));
        Assert.Single(await _app.AuditAsync(DocumentAuditEvents.ShareRevoked, document));
        Assert.NotNull((await _app.QueryAsync(db => db.Set<DocumentShare>().SingleAsync(s => s.DocumentId == document.Id, Cancel))).RevokedAt);
    }

    [Fact]
    public async Task StopSharing_AnotherPersonsShare_NotFoundAndStillWorks()
    {
        var (holder, _, _, document) = await _app.IssuedDocumentAsync();
        var link = await holder.ShareAsync(document.Id);
        var share = await _app.QueryAsync(db => db.Set<DocumentShare>().SingleAsync(s => s.DocumentId == document.Id, Cancel));
        var (other, _, _, own) = await _app.IssuedDocumentAsync();

        using var response = await other.PostFormAsync($"{DocumentPaths.Document(own.Id)}?handler=Stop&shareId={share.Id}", await other.TokenAsync("/account"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var (status, _) = await _app.NewBrowser().GetPageAsync(link);
        Assert.Equal(200, status);
    }

    [Fact]
    public async Task Share_OwnDate_LinkWorksToTheEndOfThatDayInHongKong()
    {
        var (holder, _, _, document) = await _app.IssuedDocumentAsync();
        var day = OneStop.Platform.Localisation.HongKongTime.Today(_app.Clock).AddDays(10);

        using var created = await holder.PostShareAsync(document.Id, ("Expiry", "date"),
            ("UntilDay", day.Day.ToString()), ("UntilMonth", day.Month.ToString()), ("UntilYear", day.Year.ToString()));

        Assert.Equal(DocumentPaths.Document(document.Id), created.Location());
        var share = await _app.QueryAsync(db => db.Set<DocumentShare>().SingleAsync(s => s.DocumentId == document.Id, Cancel));
        Assert.Equal(day.AddDays(1).ToDateTime(TimeOnly.MinValue).AddHours(-8), share.ExpiresAt);
    }

    [Theory]
    [InlineData("", "", "", "", "Select how long the link should work")]
    [InlineData("date", "", "", "", "Enter the last day the link works")]
    [InlineData("date", "31", "2", "2030", "The last day must be a real date")]
    [InlineData("date", "1", "1", "2020", "The last day must be today or in the future")]
    [InlineData("365", "", "", "", "Select how long the link should work")]
    public async Task Share_BadChoice_ErrorSummaryKeepsWhatWasTypedAndNothingShared(string expiry, string day, string month, string year, string error)
    {
        var (holder, _, _, document) = await _app.IssuedDocumentAsync();

        using var response = await holder.PostShareAsync(document.Id, ("Expiry", expiry), ("UntilDay", day), ("UntilMonth", month), ("UntilYear", year));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.StartsWith("Error:", page.Title);
        Assert.Equal([error], page.ErrorSummary());
        Assert.Equal(day, page.QuerySelector("#UntilDay")!.GetAttribute("value") ?? "");
        Assert.Equal(year, page.QuerySelector("#UntilYear")!.GetAttribute("value") ?? "");
        Assert.Empty(await _app.QueryAsync(db => db.Set<DocumentShare>().Where(s => s.DocumentId == document.Id).ToListAsync(Cancel)));
    }

    [Fact]
    public async Task Share_DateBeyondTheLongestLife_RefusedNamingTheLastDay()
    {
        var (holder, _, _, document) = await _app.IssuedDocumentAsync();
        var tooLate = OneStop.Platform.Localisation.HongKongTime.Today(_app.Clock).AddDays(120);

        using var response = await holder.PostShareAsync(document.Id, ("Expiry", "date"),
            ("UntilDay", tooLate.Day.ToString()), ("UntilMonth", tooLate.Month.ToString()), ("UntilYear", tooLate.Year.ToString()));

        var page = await response.ReadPageAsync();
        var last = ShareExpiry.LastDay(_app.Clock.GetUtcNow(), TimeSpan.FromDays(90));
        Assert.Equal([$"The last day must be no later than {OneStop.Forms.Answers.Dates.Long(last, OneStop.Platform.Localisation.Language.En)}"], page.ErrorSummary());
        Assert.True(page.QuerySelector("#Expiry-date")!.HasAttribute("checked"));
    }

    [Fact]
    public async Task SharedLink_Unknown_NotFound()
    {
        var client = _app.NewBrowser();

        var (unknown, page) = await client.GetPageAsync("/shared/" + DocumentShares.NewToken());
        var (malformed, _) = await client.GetPageAsync("/shared/not-a-token");

        Assert.Equal((404, 404), (unknown, malformed));
        Assert.NotNull(page.QuerySelector("[data-link-gone]"));
    }

    [Fact]
    public async Task SharedLink_DocumentRevoked_ShowsRevokedWithoutTheReason()
    {
        var (holder, _, _, document) = await _app.IssuedDocumentAsync();
        var link = await holder.ShareAsync(document.Id);
        await _app.QueryAsync(db => db.Set<IssuedDocument>().Where(d => d.Id == document.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.State, DocumentState.Revoked).SetProperty(d => d.RevokedAt, DateTime.UtcNow), Cancel));

        var (status, page) = await _app.NewBrowser().GetPageAsync(link);

        Assert.Equal(200, status);
        Assert.Equal("revoked", page.QuerySelector("[data-verdict]")!.GetAttribute("data-verdict"));
    }
}

public sealed class ShareSqliteTests() : ShareTests(Provider.Sqlite);

public sealed class SharePostgresTests() : ShareTests(Provider.Postgres);
