using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Documents;
using OneStop.Documents.Demo;
using OneStop.Documents.Templates;
using OneStop.Identity.Staff;
using OneStop.Tests.Documents;

namespace OneStop.Tests.Office.DocumentTemplates;

/// <summary>A department administrator writes what a service issues, as JSON, in the back office without JavaScript.</summary>
public abstract class TemplateEditorTests(Provider provider) : IAsyncLifetime
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>A demo TD service whose form asks fullName and classes (the demo template prints both).</summary>
    private const string Service = "renew-full-driving-licence";
    private const string Editor = $"/office/document-templates/{Service}";
    private static readonly string DemoJson = DemoDocuments.Templates.Single(t => t.Service == Service).Json;

    private OneStopApp _app = null!;

    public async ValueTask InitializeAsync()
    {
        if (provider == Provider.Postgres) PostgresServer.SkipIfUnavailable();
        _app = new OneStopApp(provider);
        // The demo template names TD's demo counters, which must exist for it to be saved.
        await DemoDocuments.SeedCountersAsync(_app.Services, Cancel);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }

    private async Task<DocumentDefinition?> StoredAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OneStop.Documents.Templates.DocumentTemplates>().ForServiceAsync(Service, Cancel);
    }

    private Task<HttpResponseMessage> SaveAsync(HttpClient admin, string json) =>
        admin.SubmitAsync(Editor, new Dictionary<string, string> { ["Json"] = json });

    [Fact]
    public async Task Save_ValidTemplate_SavedAuditedAndListed()
    {
        var (admin, _) = await _app.SignedInStaffAsync(StaffRole.DepartmentAdmin, "TD");
        var (_, empty) = await admin.GetPageAsync(Editor);
        Assert.NotNull(empty.QuerySelector("[data-no-template]"));
        Assert.Contains("answer:fullName", empty.QuerySelector("[data-answer-ids]")!.TextContent);

        using var saved = await SaveAsync(admin, DemoJson);

        Assert.Equal(Editor, saved.Location());
        var stored = await StoredAsync();
        Assert.Equal(("TD-DL", "answer:fullName"), (stored!.NumberPrefix, stored.Holder));
        Assert.Single(await _app.QueryAsync(db => db.AuditEntries.Where(e => e.Event == DocumentAuditEvents.TemplateChanged && e.TargetId == Service).ToListAsync(Cancel)));
        var (_, list) = await admin.GetPageAsync("/office/document-templates");
        Assert.NotNull(list.QuerySelector($"[data-service='{Service}'] [data-has-template]"));
        var (_, again) = await admin.GetPageAsync(Editor);
        Assert.Equal(DocumentJson.Write(stored), again.QuerySelector("textarea#Json")!.TextContent.Trim());
    }

    [Fact]
    public async Task Save_InvalidTemplate_ProblemInTheSummaryInputKeptNothingSaved()
    {
        var (admin, _) = await _app.SignedInStaffAsync(StaffRole.DepartmentAdmin, "TD");
        var json = DemoJson.Replace("\"TD-DL\"", "\"td dl\"");

        using var response = await SaveAsync(admin, json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadPageAsync();
        Assert.StartsWith("Error:", page.Title);
        Assert.StartsWith("The template has a problem: numberPrefix:", Assert.Single(page.ErrorSummary()));
        Assert.Contains("\"td dl\"", page.QuerySelector("textarea#Json")!.TextContent);
        Assert.Null(await StoredAsync());
    }

    [Fact]
    public async Task Save_NotJson_ProblemInTheSummary()
    {
        var (admin, _) = await _app.SignedInStaffAsync(StaffRole.DepartmentAdmin, "TD");

        using var response = await SaveAsync(admin, "{ \"title\": ");

        var page = await response.ReadPageAsync();
        Assert.StartsWith("The template has a problem:", Assert.Single(page.ErrorSummary()));
        Assert.Null(await StoredAsync());
    }

    [Fact]
    public async Task Save_AnswersTheFormDoesNotAsk_ReportedByIdAndNothingSaved()
    {
        var (admin, _) = await _app.SignedInStaffAsync(StaffRole.DepartmentAdmin, "TD");
        var json = DemoJson.Replace("answer:classes", "answer:vehicleColour").Replace("answer:fullName", "answer:nickname");

        using var response = await SaveAsync(admin, json);

        var page = await response.ReadPageAsync();
        Assert.Equal(["The service's form does not ask these answers the template names: nickname, vehicleColour"], page.ErrorSummary());
        Assert.Null(await StoredAsync());
    }

    [Fact]
    public async Task Save_CounterThatDoesNotExist_ReportedByCodeAndNothingSaved()
    {
        var (admin, _) = await _app.SignedInStaffAsync(StaffRole.DepartmentAdmin, "TD");
        var json = DemoJson.Replace("\"td-admiralty\"", "\"td-admirality\"");
        Assert.NotEqual(DemoJson, json);

        using var response = await SaveAsync(admin, json);

        var page = await response.ReadPageAsync();
        Assert.Equal(["There is no counter with these codes (see Counters): td-admirality"], page.ErrorSummary());
        Assert.Contains("td-admirality", page.QuerySelector("textarea#Json")!.TextContent);
        Assert.Null(await StoredAsync());
    }

    [Fact]
    public async Task Upload_JsonFile_Saved()
    {
        var (admin, _) = await _app.SignedInStaffAsync(StaffRole.DepartmentAdmin, "TD");
        var token = await admin.TokenAsync(Editor);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(DemoJson)), "TemplateFile", "licence.json" },
        };

        using var response = await admin.PostAsync(Editor + "?handler=Upload", form, Cancel);

        Assert.Equal(Editor, response.Location());
        Assert.Equal("TD-DL", (await StoredAsync())!.NumberPrefix);
    }

    [Fact]
    public async Task Download_SavedTemplate_TheStoredJson()
    {
        var (admin, _) = await _app.SignedInStaffAsync(StaffRole.DepartmentAdmin, "TD");
        using (await SaveAsync(admin, DemoJson)) { }

        using var response = await admin.GetAsync(Editor + "/json", Cancel);

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(DocumentJson.Write((await StoredAsync())!), await response.Content.ReadAsStringAsync(Cancel));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh-HK")]
    public async Task Preview_UnsavedTemplate_ASignedSamplePdfInline(string language)
    {
        var (admin, _) = await _app.SignedInStaffAsync(StaffRole.DepartmentAdmin, "TD");

        using var response = await admin.PostFormAsync(Editor + "?handler=Preview", await admin.TokenAsync(Editor), ("Json", DemoJson), ("PreviewLanguage", language));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("inline", response.Content.Headers.ContentDisposition?.DispositionType);
        var pdf = await response.Content.ReadAsByteArrayAsync(Cancel);
        Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);
        Assert.Contains("template preview", await DocumentSteps.PdfsigAsync(pdf));
        Assert.Null(await StoredAsync());
    }

    [Fact]
    public async Task OtherDepartment_EditorAndDownload_NotFound()
    {
        await _app.SetTemplateAsync(DemoJson, Service, "TD");
        var (admin, _) = await _app.SignedInStaffAsync(StaffRole.DepartmentAdmin, "FEHD");

        using var editor = await admin.GetAsync(Editor, Cancel);
        using var download = await admin.GetAsync(Editor + "/json", Cancel);
        using var save = await admin.PostFormAsync(Editor, await admin.TokenAsync(), ("Json", DemoJson.Replace("TD-DL", "TD-XX")));

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound), (editor.StatusCode, download.StatusCode, save.StatusCode));
        Assert.Equal("TD-DL", (await StoredAsync())!.NumberPrefix);
        var (_, list) = await admin.GetPageAsync("/office/document-templates");
        Assert.Null(list.QuerySelector($"[data-service='{Service}']"));
    }

    [Fact]
    public async Task Officer_Editor_Refused()
    {
        var (officer, _) = await _app.SignedInStaffAsync(StaffRole.Officer, "TD");

        using var response = await officer.GetAsync(Editor, Cancel);

        Assert.Equal("forbidden", response.Outcome());
    }

    [Fact]
    public async Task PlatformAdmin_AnyDepartmentsTemplate_Saves()
    {
        var (admin, _) = await _app.SignedInStaffAsync(StaffRole.PlatformAdmin, null);

        using var saved = await SaveAsync(admin, DemoJson);

        Assert.Equal(Editor, saved.Location());
        Assert.NotNull(await StoredAsync());
    }
}

public sealed class TemplateEditorSqliteTests() : TemplateEditorTests(Provider.Sqlite);

public sealed class TemplateEditorPostgresTests() : TemplateEditorTests(Provider.Postgres);
