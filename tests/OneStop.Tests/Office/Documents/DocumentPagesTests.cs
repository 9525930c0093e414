using System.Net;
using Microsoft.EntityFrameworkCore;
using OneStop.Documents;
using OneStop.Identity.Staff;
using OneStop.Office.Documents;
using OneStop.Tests.Documents;
using OneStop.Tests.Office.Cases;

namespace OneStop.Tests.Office.Documents;

/// <summary>The documents back office: the list and its search, the document page as each role sees it, the PDF, and other departments kept out.</summary>
public sealed class DocumentPagesTests : IAsyncLifetime
{
    private readonly OneStopApp _app = new(Provider.Sqlite);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;
    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task DocumentPage_Officer_ShowsTheHolderAndKeyAndOffersReissueButNotRevokeOrRenew()
    {
        var document = await _app.NamedHolderDocumentAsync("CHAN Tai Man");
        var (officer, _, _) = await _app.OfficerAsync(StaffRole.Officer);
        var thumbprint = await _app.QueryAsync(db => db.Set<DocumentSigningKey>().Where(k => k.Id == document.SigningKeyId).Select(k => k.Thumbprint).SingleAsync(TestContext.Current.CancellationToken));

        var page = await officer.PageAsync(document.OfficePath());

        Assert.Equal(document.Number, page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("valid", page.QuerySelector("[data-summary] [data-state]")!.GetAttribute("data-state"));
        Assert.Equal(thumbprint, page.QuerySelector("[data-thumbprint]")!.TextContent.Trim());
        Assert.Equal("CHAN Tai Man", page.QuerySelector("[data-holder]")!.TextContent.Trim());
        Assert.Equal(document.ApplicationReference, page.QuerySelector("[data-application] a")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("[data-reissue-form]"));
        Assert.Null(page.QuerySelector("[data-revoke-form]"));
        Assert.Null(page.QuerySelector("[data-renew-form]"));
        Assert.Equal("Not chosen yet", page.QuerySelector("[data-delivery]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Revoke_OfficerPostsAnyway_Forbidden()
    {
        var (_, _, _, document) = await _app.IssuedDocumentAsync();
        var (officer, _, _) = await _app.OfficerAsync(StaffRole.Officer);
        var token = await officer.TokenAsync(document.OfficePath());

        using var response = await officer.PostFormAsync($"{document.OfficePath()}?handler=Revoke", token, ("Revision", document.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Reason", "No."));

        Assert.Equal("forbidden", response.Outcome());
        Assert.Equal(DocumentState.Valid, (await _app.DocumentAsync(document.Id)).State);
    }

    [Fact]
    public async Task DocumentPagePdfAndPosts_OfficerOfAnotherDepartment_NotFound()
    {
        var (_, _, _, document) = await _app.IssuedDocumentAsync();
        var (fehd, _, _) = await _app.OfficerAsync(StaffRole.DepartmentAdmin, "FEHD");
        var token = await fehd.TokenAsync();
        var revision = ("Revision", document.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture));

        using var page = await fehd.GetAsync(document.OfficePath(), TestContext.Current.CancellationToken);
        using var pdf = await fehd.GetAsync(document.OfficePath() + "/pdf", TestContext.Current.CancellationToken);
        using var revoke = await fehd.PostFormAsync($"{document.OfficePath()}?handler=Revoke", token, revision, ("Reason", "Not mine."));
        using var reissue = await fehd.PostFormAsync($"{document.OfficePath()}?handler=Reissue", token, revision);
        using var renew = await fehd.PostFormAsync($"{document.OfficePath()}?handler=Renew", token, revision);
        var list = await fehd.PageAsync("/office/documents?q=" + document.Number);

        Assert.Equal(["404", "404", "404", "404", "404"], new[] { page, pdf, revoke, reissue, renew }.Select(r => r.Outcome()));
        Assert.Single(await _app.VersionsAsync(document.Number), d => d.State == DocumentState.Valid);
        Assert.NotNull(list.QuerySelector("[data-empty]"));
    }

    [Fact]
    public async Task Pdf_Officer_DownloadsTheSignedPdfAndTheDownloadIsAudited()
    {
        var (_, _, _, document) = await _app.IssuedDocumentAsync();
        var (officer, officerId, _) = await _app.OfficerAsync(StaffRole.Officer);

        using var response = await officer.GetAsync(document.OfficePath() + "/pdf", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(await _app.PdfAsync(document), await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal(officerId, Assert.Single(await _app.DocumentAuditAsync(OfficeDocumentEvents.PdfDownloaded, document)).ActorId);
    }

    [Fact]
    public async Task List_SearchByNumberApplicationOrState_FindsTheDepartmentsDocuments()
    {
        var (_, _, c, document) = await _app.IssuedDocumentAsync();
        var (_, _, _, other) = await _app.IssuedDocumentAsync();
        var (supervisor, _, _) = await _app.OfficerAsync(StaffRole.Supervisor);
        using (await supervisor.PostDocumentAsync(other, "Revoke", ("Reason", "Issued in error."))) { }

        var all = await supervisor.PageAsync("/office/documents");
        var byNumber = await supervisor.PageAsync("/office/documents?q=" + document.Number.ToLowerInvariant());
        var byApplication = await supervisor.PageAsync("/office/documents?q=" + c.Reference);
        var revoked = await supervisor.PageAsync("/office/documents?state=revoked");
        var valid = await supervisor.PageAsync("/office/documents?state=valid");

        string[] Rows(AngleSharp.Dom.IDocument page) => page.QuerySelectorAll("[data-documents] tbody tr").Select(tr => tr.GetAttribute("data-document")!).ToArray();
        // Newest first.
        Assert.Equal([other.Id.ToString(), document.Id.ToString()], Rows(all));
        Assert.Equal([document.Id.ToString()], Rows(byNumber));
        Assert.Equal([document.Id.ToString()], Rows(byApplication));
        Assert.Equal([other.Id.ToString()], Rows(revoked));
        Assert.Equal([document.Id.ToString()], Rows(valid));
    }

    [Fact]
    public async Task List_MoreThanAPage_OlderAndNewerLinksWalkEveryDocumentOnce()
    {
        var now = _app.Clock.GetUtcNow().UtcDateTime;
        // Rows only (the list never opens the PDF); two share an issue time, so the cursor's tie-break is used.
        var ids = Enumerable.Range(0, OfficeDocumentSearch.PageSize + 3).Select(i => (Id: Guid.NewGuid(), At: now.AddMinutes(-(i / 2 * 2)))).ToList();
        await _app.QueryAsync(db =>
        {
            foreach (var (id, at) in ids)
                db.Add(new IssuedDocument
                {
                    Id = id, Number = $"TD-PG-2026-{id.ToString("N")[..6].ToUpperInvariant()}", VerificationCode = id.ToString("N")[..16].ToUpperInvariant(),
                    DepartmentCode = "TD", ServiceSlug = DocumentSteps.Service, Title = new OneStop.Platform.Localisation.LocalisedText("Paged", "分頁", "分页"),
                    HolderName = "-", MaskedHolderName = "-", StorageKey = "none", Sha256 = id.ToString("N"), IssueKey = "test:" + id, IssuedAt = at,
                    ValidFrom = DateOnly.FromDateTime(at),
                });
            return db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });
        var (officer, _, _) = await _app.OfficerAsync(StaffRole.Officer);
        string[] Rows(AngleSharp.Dom.IDocument page) => page.QuerySelectorAll("[data-documents] tbody tr").Select(tr => tr.GetAttribute("data-document")!).ToArray();

        var first = await officer.PageAsync("/office/documents?state=valid");
        var second = await officer.PageAsync(first.QuerySelector("a[rel=next]")!.GetAttribute("href")!);
        var back = await officer.PageAsync(second.QuerySelector("a[rel=prev]")!.GetAttribute("href")!);

        Assert.Equal(OfficeDocumentSearch.PageSize, Rows(first).Length);
        Assert.Equal(3, Rows(second).Length);
        Assert.Null(second.QuerySelector("a[rel=next]"));
        Assert.Equal(ids.Select(i => i.Id.ToString()).Order(), Rows(first).Concat(Rows(second)).Order());
        Assert.Equal(Rows(first), Rows(back));
        Assert.Contains("state=valid", first.QuerySelector("a[rel=next]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task CasePage_ApprovedCaseWithADocument_LinksToItsDocuments()
    {
        var (_, _, c, document) = await _app.IssuedDocumentAsync();
        var (officer, _, _) = await _app.OfficerAsync(StaffRole.Officer);

        var casePage = await officer.PageAsync($"/office/cases/{c.Reference}");
        var link = casePage.QuerySelector("a[data-case-documents]")!.GetAttribute("href")!;
        var list = await officer.PageAsync(link);

        Assert.Equal(document.Id.ToString(), list.QuerySelector("[data-documents] tbody tr")!.GetAttribute("data-document"));
    }

    [Fact]
    public async Task OfficeHome_Officer_LinksToTheDocuments()
    {
        var (officer, _, _) = await _app.OfficerAsync(StaffRole.Officer);

        var home = await officer.PageAsync("/office");

        Assert.NotNull(home.QuerySelector("a[href='/office/documents']"));
    }
}
