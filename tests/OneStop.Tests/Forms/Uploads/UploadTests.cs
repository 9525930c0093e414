using Microsoft.Extensions.DependencyInjection;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using OneStop.Forms;
using OneStop.Forms.Attachments;
using OneStop.Tests.Forms.Filling;
using OneStop.Tests.Identity;
using OneStop.Tests.Office;
using OneStop.Tests.Platform.Files;
using static OneStop.Tests.Forms.Uploads.UploadSteps;

namespace OneStop.Tests.Forms.Uploads;

/// <summary>File fields on question pages: upload, list, remove, download, limits and refusals, without JavaScript.</summary>
public sealed class UploadTests : IAsyncLifetime
{
    private readonly OneStopApp _app = new(Provider.Sqlite);
    private string _slug = "";
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _slug = await TestJourneys.PublishForServiceAsync(_app, PlanForm());

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task<(HttpClient Client, string Page)> StartAsync()
    {
        var client = _app.NewBrowser();
        await client.SignedInAsync(_app);
        return (client, await client.StartAsync(_slug));
    }

    [Fact]
    public async Task Upload_RealPdf_ListedKeepsTypedAnswersAndGoesWithTheApplication()
    {
        var (client, page) = await StartAsync();
        using (var empty = await client.AnswerAsync(page, ("name", "Lucky Noodles")))
            Assert.Equal(["Select an answer to ‘plan’"], (await empty.ReadPageAsync()).ErrorSummary()); // required until a file is added

        using var upload = await client.UploadAsync(page, "plan", "C:\\Users\\chan\\floor plan.pdf", SampleFiles.Pdf(), ("name", "Lucky Noodles"));

        Assert.Equal(page, upload.Location());
        var (_, shown) = await client.GetPageAsync(page);
        Assert.Equal("‘floor plan.pdf’ has been uploaded", shown.QuerySelector("[data-upload-notice] .govuk-notification-banner__heading")!.TextContent.Trim());
        var (id, name) = Assert.Single(shown.ListedFiles("plan"));
        Assert.Equal("floor plan.pdf", name);
        Assert.Equal("Lucky Noodles", shown.QuerySelector("#name")!.GetAttribute("value"));
        using (var next = await client.AnswerAsync(page)) Assert.Equal(FillingSteps.DraftPath(page) + "/check", next.Location());
        using (var submit = await client.AnswerAsync(FillingSteps.DraftPath(page) + "/check")) Assert.EndsWith("/sent", submit.Location());
        var submissionId = await _app.QueryAsync(db => db.Set<Submission>().Where(s => s.FormId == "td-plan").Select(s => s.Id).SingleAsync(Cancel));
        var row = await _app.QueryAsync(db => db.Set<FormAttachment>().SingleAsync(a => a.Id == Guid.Parse(id), Cancel));
        Assert.Equal(submissionId, row.SubmissionId);
        Assert.Equal("pdf", row.TypeName);
    }

    [Fact]
    public async Task Upload_ExecutableNamedPdf_RefusedByItsContent()
    {
        var (client, page) = await StartAsync();

        using var upload = await client.UploadAsync(page, "plan", "plan.pdf", SampleFiles.Executable(), ("name", "Typed"));
        var shown = await upload.ReadPageAsync();

        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        Assert.StartsWith("Error: ", shown.Title);
        Assert.Equal(["The file must be a PDF"], shown.ErrorSummary());
        Assert.Equal("#plan", shown.QuerySelector(".govuk-error-summary__list a")!.GetAttribute("href"));
        Assert.Contains("plan-error", shown.QuerySelector("input#plan[type=file]")!.GetAttribute("aria-describedby")!.Split(' '));
        Assert.Equal("Typed", shown.QuerySelector("#name")!.GetAttribute("value"));
        Assert.Empty(shown.ListedFiles("plan"));
        Assert.Equal(0, await _app.QueryAsync(db => db.Set<FormAttachment>().CountAsync(Cancel)));
    }

    [Fact]
    public async Task Upload_LargerThanTheFieldTakes_Refused()
    {
        var (client, page) = await StartAsync();
        var large = SampleFiles.Pdf().Concat(new byte[Megabyte]).ToArray();

        using var upload = await client.UploadAsync(page, "plan", "plan.pdf", large);

        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        Assert.Equal(["The file must be smaller than 1 MB"], (await upload.ReadPageAsync()).ErrorSummary());
    }

    [Fact]
    public async Task Upload_PostLargerThanThePageTakes_ShowsTheErrorOnTheFieldNotABadRequest()
    {
        var (client, page) = await StartAsync();
        var huge = SampleFiles.Pdf().Concat(new byte[3 * Megabyte]).ToArray();

        using var upload = await client.UploadAsync(page, "plan", "plan.pdf", huge);

        Assert.Equal(page, upload.Location());
        var (status, shown) = await client.GetPageAsync(page);
        Assert.Equal(200, status);
        Assert.StartsWith("Error: ", shown.Title);
        Assert.Equal(["The file must be smaller than 1 MB"], shown.ErrorSummary());
        Assert.NotNull(shown.QuerySelector("#plan-error"));
    }

    [Fact]
    public async Task Upload_MoreFilesThanAllowed_Refused()
    {
        var (client, page) = await StartAsync();
        using (await client.UploadAsync(page, "plan", "one.pdf", SampleFiles.Pdf())) { }
        using (await client.UploadAsync(page, "plan", "two.pdf", SampleFiles.Pdf())) { }
        var (_, full) = await client.GetPageAsync(page);

        using var third = await client.PostFilesAsync(full, page, "upload:plan", ("plan", "three.pdf", SampleFiles.Pdf()));

        Assert.Null(full.QuerySelector("input#plan[type=file]"));
        Assert.NotNull(full.QuerySelector("[data-files-full]"));
        Assert.Equal(["You can upload no more than 2 files here. Remove one to add another"], (await third.ReadPageAsync()).ErrorSummary());
        Assert.Equal(2, await _app.QueryAsync(db => db.Set<FormAttachment>().CountAsync(Cancel)));
    }

    [Fact]
    public async Task Remove_ThenUploadAnother_ListsOnlyTheNewFile()
    {
        var (client, page) = await StartAsync();
        using (await client.UploadAsync(page, "plan", "old.pdf", SampleFiles.Pdf())) { }
        var (_, listed) = await client.GetPageAsync(page);
        var (oldId, _) = Assert.Single(listed.ListedFiles("plan"));

        using (var remove = await client.PostFilesAsync(listed, page, "remove-file:" + oldId))
            Assert.Equal(page, remove.Location());
        var (_, removed) = await client.GetPageAsync(page);
        using (await client.UploadAsync(page, "plan", "new.pdf", SampleFiles.Pdf())) { }
        var (_, replaced) = await client.GetPageAsync(page);

        Assert.Equal("‘old.pdf’ has been removed", removed.QuerySelector("[data-upload-notice] .govuk-notification-banner__heading")!.TextContent.Trim());
        Assert.Empty(removed.ListedFiles("plan"));
        Assert.Equal("new.pdf", Assert.Single(replaced.ListedFiles("plan")).Name);
        Assert.False(await _app.QueryAsync(db => db.Set<FormAttachment>().AnyAsync(a => a.Id == Guid.Parse(oldId), Cancel)));
    }

    [Fact]
    public async Task DeleteDraft_WithAFile_DeletesTheFileAndItsRow()
    {
        var (client, page) = await StartAsync();
        using (await client.UploadAsync(page, "plan", "plan.pdf", SampleFiles.Pdf())) { }
        var (_, listed) = await client.GetPageAsync(page);
        var (id, _) = Assert.Single(listed.ListedFiles("plan"));
        var key = await _app.QueryAsync(db => db.Set<FormAttachment>().Where(a => a.Id == Guid.Parse(id)).Select(a => a.StorageKey).SingleAsync(Cancel));
        var store = _app.Services.GetRequiredService<OneStop.Platform.Storage.IFileStore>();
        Assert.True(await store.ExistsAsync(key, Cancel));

        using (var deleted = await client.SubmitAsync(FillingSteps.DraftPath(page) + "/delete", new Dictionary<string, string>()))
            Assert.Equal("/applications?deleted=true", deleted.Location());

        Assert.False(await _app.QueryAsync(db => db.Set<FormAttachment>().AnyAsync(a => a.Id == Guid.Parse(id), Cancel)));
        Assert.False(await store.ExistsAsync(key, Cancel));
    }

    [Fact]
    public async Task Download_Owner_GetsTheFileAsAnAttachment()
    {
        var (client, page) = await StartAsync();
        using (await client.UploadAsync(page, "plan", "plan.exe.pdf", SampleFiles.Pdf())) { }
        var (_, listed) = await client.GetPageAsync(page);
        var href = listed.QuerySelector("[data-file-field=plan] [data-file] a")!.GetAttribute("href")!;

        using var download = await client.GetAsync(href, Cancel);

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType ?? download.Headers.GetValues("Content-Disposition").Single().Split(';')[0]);
        Assert.Contains("plan.exe.pdf", download.Content.Headers.ContentDisposition!.ToString());
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(SampleFiles.Pdf(), await download.Content.ReadAsByteArrayAsync(Cancel));
    }

    [Fact]
    public async Task Download_AnotherPersonOrSignedOut_NotFound()
    {
        var (client, page) = await StartAsync();
        using (await client.UploadAsync(page, "plan", "plan.pdf", SampleFiles.Pdf())) { }
        var (_, listed) = await client.GetPageAsync(page);
        var href = listed.QuerySelector("[data-file-field=plan] [data-file] a")!.GetAttribute("href")!;
        var other = _app.NewBrowser();
        await other.SignedInAsync(_app);

        using var stranger = await other.GetAsync(href, Cancel);
        using var signedOut = await _app.NewBrowser().GetAsync(href, Cancel);
        using var wrongFile = await client.GetAsync($"{FillingSteps.DraftPath(page)}/files/{Guid.NewGuid()}", Cancel);

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound), (stranger.StatusCode, signedOut.StatusCode, wrongFile.StatusCode));
    }

    [Fact]
    public async Task Upload_ClamAvSwitchedOn_EicarRefusedWithTheVirusMessage()
    {
        await using var clamd = new FakeClamd();
        await using var scanned = _app.WithWebHostBuilder(b => b
            .UseSetting("Scanning:ClamAv:Enabled", "true")
            .UseSetting("Scanning:ClamAv:Host", "127.0.0.1")
            .UseSetting("Scanning:ClamAv:Port", clamd.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var client = scanned.CreateClient(new() { AllowAutoRedirect = false });
        await client.SignedInAsync(_app);
        var page = await client.StartAsync(_slug);

        using var infected = await client.UploadAsync(page, "plan", "plan.pdf", SampleFiles.Pdf().Concat(FakeClamd.Eicar).ToArray());
        using var clean = await client.UploadAsync(page, "plan", "clean.pdf", SampleFiles.Pdf());

        Assert.Equal(["The file contains a virus. Upload a clean copy"], (await infected.ReadPageAsync()).ErrorSummary());
        Assert.Equal(page, clean.Location());
        Assert.Equal("Clean", await _app.QueryAsync(db => db.Set<FormAttachment>().Select(a => a.Scan).SingleAsync(Cancel)));
    }
}
