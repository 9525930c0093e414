using System.Net;
using Microsoft.EntityFrameworkCore;
using OneStop.Cases;
using OneStop.Cases.Engine;
using OneStop.Forms;
using OneStop.Identity.Staff;
using OneStop.Tests.Cases;
using OneStop.Tests.Cases.Engine;
using OneStop.Tests.Forms.Background;
using OneStop.Tests.Forms.Filling;
using OneStop.Tests.Identity;
using OneStop.Tests.Platform.Files;
using static OneStop.Tests.Forms.Uploads.UploadSteps;

namespace OneStop.Tests.Office.Cases;

/// <summary>Files on a case: the applicant's attachments and officers' documents, downloaded with an audit entry each.</summary>
public abstract class CaseFilesTests(Provider provider) : IAsyncLifetime
{
    private OneStopApp _app = null!;
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        if (provider == Provider.Postgres) PostgresServer.SkipIfUnavailable();
        _app = new OneStopApp(provider) { ClockStart = new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero) };
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    /// <summary>A citizen applies with a floor plan attached, and the case opens.</summary>
    private async Task<string> CaseWithAttachmentAsync()
    {
        var slug = await TestJourneys.PublishForServiceAsync(_app, PlanForm());
        var citizen = _app.NewBrowser();
        await citizen.SignedInAsync(_app);
        var page = await citizen.StartAsync(slug);
        using (await citizen.UploadAsync(page, "plan", "floor plan.pdf", SampleFiles.Pdf(), ("name", "Lucky Noodles"))) { }
        using (await citizen.AnswerAsync(page)) { }
        using (var sent = await citizen.AnswerAsync(FillingSteps.DraftPath(page) + "/check")) Assert.EndsWith("/sent", sent.Location());
        await _app.RunOutboxAsync();
        return await _app.QueryAsync(db => db.Set<Submission>().Where(s => s.FormId == "td-plan").Select(s => s.Reference).SingleAsync(Cancel));
    }

    [Fact]
    public async Task Download_ApplicantsAttachment_GivesTheFileAndIsAudited()
    {
        var reference = await CaseWithAttachmentAsync();
        var (officer, me, _) = await _app.OfficerAsync();
        var page = await officer.PageAsync($"/office/cases/{reference}");
        var link = page.QuerySelector("[data-files] a")!;

        using var download = await officer.GetAsync(link.GetAttribute("href")!, Cancel);

        Assert.Equal("floor plan.pdf", link.TextContent.Trim());
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("floor plan.pdf", download.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.Equal(SampleFiles.Pdf(), await download.Content.ReadAsByteArrayAsync(Cancel));
        var audited = Assert.Single(await _app.AuditOfAsync(CaseAuditEvents.FileDownloaded, reference));
        Assert.Equal(me, audited.ActorId);
    }

    [Fact]
    public async Task Download_OfficerOfAnotherDepartment_NotFoundAndNotAudited()
    {
        var reference = await CaseWithAttachmentAsync();
        var (officer, _, _) = await _app.OfficerAsync();
        var href = (await officer.PageAsync($"/office/cases/{reference}")).QuerySelector("[data-files] a")!.GetAttribute("href")!;
        var (fehd, _, _) = await _app.OfficerAsync(StaffRole.Officer, "FEHD");

        using var download = await fehd.GetAsync(href, Cancel);

        Assert.Equal(HttpStatusCode.NotFound, download.StatusCode);
        Assert.Empty(await _app.AuditOfAsync(CaseAuditEvents.FileDownloaded, reference));
    }

    [Fact]
    public async Task Approve_WithADocument_KeepsItOnTheCaseLinkedFromTheTimeline()
    {
        await _app.PublishWorkflowAsync("td-licence", "TD", WorkflowCheckTests.Licence());
        var c = await _app.NewCaseAsync(null, "td-licence");
        var (officer, _, _) = await _app.OfficerAsync();
        using (await officer.PostCaseAsync(c.Reference, "Take&actionId=documents-ok")) { }
        var (supervisor, _, _) = await _app.OfficerAsync(StaffRole.Supervisor);
        var page = await supervisor.PageAsync($"/office/cases/{c.Reference}");
        var form = page.QuerySelector("form[data-move=approve]")!;
        Assert.Equal("multipart/form-data", form.GetAttribute("enctype"));

        using (var missing = await supervisor.PostAsync(WebUtility.HtmlDecode(form.GetAttribute("action")!), Multipart(form, null), Cancel))
            Assert.Equal(["Choose a document to attach"], (await missing.ReadPageAsync()).ErrorSummary());
        using var approved = await supervisor.PostAsync(WebUtility.HtmlDecode(form.GetAttribute("action")!), Multipart(form, ("inspection.pdf", SampleFiles.Pdf())), Cancel);
        var after = await supervisor.PageAsync(approved.Location());

        Assert.Equal(OneStop.Cases.Workflows.Outcome.Approved, (await _app.CaseAsync(c.Reference)).Outcome);
        var link = after.QuerySelector("[data-timeline] > li[data-event=Moved] a")!;
        Assert.Equal("inspection.pdf", link.TextContent.Trim());
        using var download = await supervisor.GetAsync(link.GetAttribute("href")!, Cancel);
        Assert.Equal(SampleFiles.Pdf(), await download.Content.ReadAsByteArrayAsync(Cancel));
        Assert.Single(await _app.AuditOfAsync(CaseAuditEvents.FileDownloaded, c.Reference));
        Assert.Equal(1, await _app.QueryAsync(db => db.Set<CaseDocument>().CountAsync(d => d.CaseId == c.Id, Cancel)));
    }

    [Fact]
    public async Task Approve_DocumentButTheCaseHadChanged_LeavesNoDocumentBehind()
    {
        await _app.PublishWorkflowAsync("td-licence", "TD", WorkflowCheckTests.Licence());
        var c = await _app.NewCaseAsync(null, "td-licence");
        var (officer, _, _) = await _app.OfficerAsync();
        using (await officer.PostCaseAsync(c.Reference, "Take&actionId=documents-ok")) { }
        var (supervisor, _, _) = await _app.OfficerAsync(StaffRole.Supervisor);
        var form = (await supervisor.PageAsync($"/office/cases/{c.Reference}")).QuerySelector("form[data-move=approve]")!;
        using (await officer.PostCaseAsync(c.Reference, "Note", ("Note", "Notes do not change the revision"))) { }
        using (await officer.PostCaseAsync(c.Reference, "Assign", ("Assignee", "me"))) { }

        using var late = await supervisor.PostAsync(WebUtility.HtmlDecode(form.GetAttribute("action")!), Multipart(form, ("inspection.pdf", SampleFiles.Pdf())), Cancel);

        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Contains("This case changed since you opened it", (await late.ReadPageAsync()).ErrorSummary().Single());
        Assert.Equal(0, await _app.QueryAsync(db => db.Set<CaseDocument>().CountAsync(Cancel)));
        Assert.Equal("inspect", (await _app.CaseAsync(c.Reference)).State);
    }

    /// <summary>The form's hidden fields, and the file when given, as a browser posts a multipart form.</summary>
    private static MultipartFormDataContent Multipart(AngleSharp.Dom.IElement form, (string Name, byte[] Bytes)? file)
    {
        var content = new MultipartFormDataContent();
        foreach (var hidden in form.QuerySelectorAll("input[type=hidden]"))
            content.Add(new StringContent(hidden.GetAttribute("value") ?? ""), hidden.GetAttribute("name")!);
        if (file is { } f) content.Add(new ByteArrayContent(f.Bytes), "Document", f.Name);
        return content;
    }
}

public sealed class CaseFilesTests_Sqlite() : CaseFilesTests(Provider.Sqlite);

public sealed class CaseFilesTests_Postgres() : CaseFilesTests(Provider.Postgres);
