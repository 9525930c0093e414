using System.Text;
using OneStop.Forms;
using OneStop.Forms.Definitions;
using OneStop.Identity.Staff;
using OneStop.Tests.Office;
using static OneStop.Tests.Forms.TestForms;

namespace OneStop.Tests.Forms.Editor;

/// <summary>A definition's JSON out of and into the back office: strict on the way in, exact on the way out.</summary>
public abstract class UploadDownloadTests(Provider provider) : IAsyncLifetime
{
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

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string formId, string? file = null, string? text = null)
    {
        var token = await client.TokenAsync($"/office/forms/{formId}/upload");
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new StringContent(text ?? ""), "Json" } };
        if (file is not null) form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(file)), "DefinitionFile", formId + ".json");
        return await client.PostAsync($"/office/forms/{formId}/upload", form, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Upload_DefinitionWithProblems_ListsEveryProblemAndKeepsTheText()
    {
        await PublishAsync(_app, OnePage("td-upload-problems", Field("plate", FieldType.Text)));
        var (admin, _) = await _app.SignedInStaffAsync(StaffRole.DepartmentAdmin, "TD");
        var json = """
            {
              "id": "td-upload-problems",
              "department": "FEHD",
              "title": { "en": "Plates", "zh-HK": "車牌", "zh-CN": "" },
              "pages": [ { "id": "main", "title": { "en": "Main", "zh-HK": "主要", "zh-CN": "主要" },
                "fields": [ { "id": "colour", "type": "radios", "label": { "en": "Colour", "zh-HK": "顏色", "zh-CN": "颜色" } } ] } ]
            }
            """;

        using var response = await UploadAsync(admin, "td-upload-problems", text: json);
        var page = await response.ReadPageAsync();

        Assert.Equal(200, (int)response.StatusCode);
        var problems = page.QuerySelectorAll(".onestop-upload-problem").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("department: The department must stay TD", StringComparison.Ordinal));
        Assert.Contains("title.zh-CN: The Simplified Chinese text is missing.", problems);
        Assert.Contains("pages[0].fields[0].options: List the options to choose from.", problems);
        Assert.Equal(json, page.QuerySelector("#Json")!.TextContent.Replace("\r\n", "\n").TrimStart('\n'));
        Assert.Single(await _app.VersionsAsync("td-upload-problems"));
    }

    [Fact]
    public async Task Upload_AnotherFormsId_IsRefused()
    {
        await PublishAsync(_app, OnePage("td-upload-target", Field("plate", FieldType.Text)));
        var (admin, _) = await _app.SignedInStaffAsync(StaffRole.DepartmentAdmin, "TD");

        using var response = await UploadAsync(admin, "td-upload-target", text: DefinitionJson.Write(OnePage("td-other-form", Field("plate", FieldType.Text))));

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(["id: The id must be this form's, td-upload-target"], (await response.ReadPageAsync()).QuerySelectorAll(".onestop-upload-problem").Select(li => li.TextContent.Trim()));
        Assert.Single(await _app.VersionsAsync("td-upload-target"));
    }

    [Fact]
    public async Task DownloadThenUpload_SameDefinition_BecomesADraftWithNoChanges()
    {
        var definition = OnePage("td-round-trip", Field("plate", FieldType.Text), Field("colour", FieldType.Select) with
        {
            Options = [new OptionDefinition { Value = "red", Label = W("Red"), Hint = W("Like a fire engine") }],
            ShowIf = new FieldCondition("plate", Comparison.Answered, System.Text.Json.Nodes.JsonValue.Create(true)),
        });
        await PublishAsync(_app, definition);
        var (admin, _) = await _app.SignedInStaffAsync(StaffRole.DepartmentAdmin, "TD");

        using var download = await admin.GetAsync("/office/forms/td-round-trip/versions/1/json", TestContext.Current.CancellationToken);
        var file = await download.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal("application/json", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("td-round-trip-v1.json", download.Content.Headers.ContentDisposition!.FileName);
        using var upload = await UploadAsync(admin, "td-round-trip", file: file);

        Assert.Equal("/office/forms/td-round-trip", upload.Location());
        var versions = await _app.VersionsAsync("td-round-trip");
        Assert.Equal([(1, VersionState.Published), (2, VersionState.Draft)], versions.Select(v => (v.Version, v.State)));
        Assert.Equal(DefinitionJson.Write(definition), DefinitionJson.Write(await _app.DefinitionAsync("td-round-trip", 2)));
        var (_, changes) = await admin.GetPageAsync("/office/forms/td-round-trip/changes?from=1&to=2");
        Assert.NotNull(changes.QuerySelector("#no-changes"));
    }
}

public sealed class UploadDownloadTests_Sqlite() : UploadDownloadTests(Provider.Sqlite);

public sealed class UploadDownloadTests_Postgres() : UploadDownloadTests(Provider.Postgres);
