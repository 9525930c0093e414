using System.Net;
using System.Text.Json.Nodes;
using OneStop.Forms.Definitions;
using static OneStop.Tests.Forms.Api.FormsApiSteps;
using static OneStop.Tests.Forms.TestForms;

namespace OneStop.Tests.Forms.Api;

/// <summary>GET /api/v1/forms and the definitions: what is public (published, not retired) and what is cached.</summary>
public abstract class FormsReadApiTests(Provider provider) : IAsyncLifetime
{
    private OneStopApp _app = null!;
    private HttpClient _http = null!;

    public ValueTask InitializeAsync()
    {
        if (provider == Provider.Postgres) PostgresServer.SkipIfUnavailable();
        _app = new OneStopApp(provider);
        _http = _app.CreateClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    /// <summary>Owned by the Land Registry, which has no demo form, so listings by department hold only the test's forms.</summary>
    private static FormDefinition TdForm(string id, string title = "Plates") =>
        OnePage(id, Field("plate", FieldType.Text)) with { Title = W(title), Department = "LR" };

    private static IEnumerable<string> Ids(JsonNode list) => list["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>());

    [Fact]
    public async Task ListForms_DemoForm_ShowsTrilingualTitleVersionAndTheServiceItStarts()
    {
        var list = (await GetAsync(_http, "/api/v1/forms?department=fehd")).Body!;

        var item = list["items"]!.AsArray().Single(i => i!["id"]!.GetValue<string>() == "fehd-food-hygiene-report")!;
        Assert.Equal("FEHD", item["department"]!.GetValue<string>());
        Assert.Equal(1, item["version"]!.GetValue<int>());
        Assert.Equal("舉報食物安全或衞生問題", item["title"]!["zh-HK"]!.GetValue<string>());
        Assert.Equal("Report a food safety or hygiene problem", item["title"]!["en"]!.GetValue<string>());
        Assert.Equal(["report-a-food-safety-or-hygiene-problem"], item["services"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal("http://localhost/api/v1/forms/fehd-food-hygiene-report", item["url"]!.GetValue<string>());
    }

    [Fact]
    public async Task ListForms_DraftOnlyAndRetired_AreNotListed()
    {
        await PublishAsync(_app, TdForm("td-listed"));
        await SaveDraftAsync(_app, TdForm("td-draft-only"));
        await PublishAsync(_app, TdForm("td-retired"));
        await RetireAsync(_app, "td-retired");

        var list = (await GetAsync(_http, "/api/v1/forms?department=LR")).Body!;

        Assert.Equal(["td-listed"], Ids(list));
        Assert.Equal(1, list["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task ListForms_NewDraftOfPublishedForm_ListsThePublishedTitle()
    {
        await PublishAsync(_app, TdForm("td-renamed", "Old title"));
        await SaveDraftAsync(_app, TdForm("td-renamed", "New title"));

        var list = (await GetAsync(_http, "/api/v1/forms?department=LR")).Body!;

        Assert.Equal("Old title", list["items"]![0]!["title"]!["en"]!.GetValue<string>());
        Assert.Equal(1, list["items"]![0]!["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task ListForms_Paging_GivesEveryFormOnceInIdOrder()
    {
        foreach (var n in new[] { 3, 1, 5, 2, 4 }) await PublishAsync(_app, TdForm($"td-form-{n}"));

        var pages = new List<JsonNode>();
        for (var page = 1; page <= 3; page++) pages.Add((await GetAsync(_http, $"/api/v1/forms?department=LR&pageSize=2&page={page}")).Body!);

        Assert.Equal(["td-form-1", "td-form-2", "td-form-3", "td-form-4", "td-form-5"], pages.SelectMany(Ids));
        Assert.All(pages, p => Assert.Equal(5, p["total"]!.GetValue<int>()));
        Assert.Equal(2, pages[0]["pageSize"]!.GetValue<int>());
    }

    [Fact]
    public async Task ListForms_DepartmentFilter_ListsOnlyThatDepartment()
    {
        await PublishAsync(_app, TdForm("td-only"));

        var fehd = (await GetAsync(_http, "/api/v1/forms?department=FEHD")).Body!;
        var all = (await GetAsync(_http, "/api/v1/forms")).Body!;

        Assert.DoesNotContain("td-only", Ids(fehd));
        Assert.Contains("fehd-food-hygiene-report", Ids(fehd));
        Assert.Contains("td-only", Ids(all));
    }

    [Theory]
    [InlineData("department=NOPE", "department")]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("lang=fr", "lang")]
    public async Task ListForms_BadParameter_Answers400NamingIt(string query, string parameter)
    {
        var answer = await GetAsync(_http, "/api/v1/forms?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.NotNull(answer.Body!["errors"]![parameter]);
    }

    [Fact]
    public async Task GetForm_Published_ReturnsTheDefinitionWithAnETagThatRevalidates()
    {
        await PublishAsync(_app, TdForm("td-current"));

        var answer = await GetAsync(_http, "/api/v1/forms/td-current");
        var etag = answer.Response.Headers.ETag!.ToString();
        var again = await GetAsync(_http, "/api/v1/forms/td-current", ifNoneMatch: etag);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(1, answer.Body!["version"]!.GetValue<int>());
        Assert.Equal("plate", answer.Body["definition"]!["pages"]![0]!["fields"]![0]!["id"]!.GetValue<string>());
        Assert.Equal("http://localhost/api/v1/forms/td-current/versions/1/schema", answer.Body["schemaUrl"]!.GetValue<string>());
        Assert.True(answer.Response.Headers.CacheControl!.NoCache);
        Assert.Equal(HttpStatusCode.NotModified, again.Status);
    }

    [Fact]
    public async Task GetFormVersion_SupersededAndCurrent_BothReadableAndImmutable()
    {
        await PublishAsync(_app, TdForm("td-versions", "First"));
        await PublishAsync(_app, TdForm("td-versions", "Second"));

        var first = await GetAsync(_http, "/api/v1/forms/td-versions/versions/1");
        var current = await GetAsync(_http, "/api/v1/forms/td-versions");

        Assert.Equal("First", first.Body!["definition"]!["title"]!["en"]!.GetValue<string>());
        Assert.True(first.Response.Headers.CacheControl!.MaxAge > TimeSpan.Zero);
        Assert.Equal(2, current.Body!["version"]!.GetValue<int>());
        Assert.Equal("Second", current.Body["definition"]!["title"]!["en"]!.GetValue<string>());
    }

    [Fact]
    public async Task GetFormVersion_Draft_Answers404()
    {
        await PublishAsync(_app, TdForm("td-with-draft"));
        await SaveDraftAsync(_app, TdForm("td-with-draft", "Work in progress"));

        var draft = await GetAsync(_http, "/api/v1/forms/td-with-draft/versions/2");
        var draftSchema = await GetAsync(_http, "/api/v1/forms/td-with-draft/versions/2/schema");

        Assert.Equal(HttpStatusCode.NotFound, draft.Status);
        Assert.Equal(HttpStatusCode.NotFound, draftSchema.Status);
        Assert.Equal("application/problem+json", draft.Response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task GetForm_Retired_Answers404ButItsVersionsStayReadable()
    {
        await PublishAsync(_app, TdForm("td-gone"));
        await RetireAsync(_app, "td-gone");

        var current = await GetAsync(_http, "/api/v1/forms/td-gone");
        var version = await GetAsync(_http, "/api/v1/forms/td-gone/versions/1");

        Assert.Equal(HttpStatusCode.NotFound, current.Status);
        Assert.Equal(HttpStatusCode.OK, version.Status);
    }

    [Fact]
    public async Task OpenApi_Document_DescribesTheFormsEndpoints()
    {
        var document = (await GetAsync(_http, "/openapi/v1.json")).Body!;

        var paths = document["paths"]!.AsObject();
        foreach (var path in new[] { "/api/v1/forms", "/api/v1/forms/{id}", "/api/v1/forms/{id}/versions/{version}",
                     "/api/v1/forms/{id}/versions/{version}/schema", "/api/v1/forms/{id}/submissions", "/api/v1/forms/{id}/submissions/{reference}" })
            Assert.True(paths.ContainsKey(path), $"no {path} in the OpenAPI document");
        var submit = paths["/api/v1/forms/{id}/submissions"]!["post"]!;
        Assert.Contains(submit["parameters"]!.AsArray(), p => p!["name"]!.GetValue<string>() == "Idempotency-Key" && p["in"]!.GetValue<string>() == "header");
        Assert.NotNull(submit["responses"]!["201"]);
        Assert.NotNull(submit["responses"]!["422"]);
    }

    [Fact]
    public async Task GetService_WithStartForm_ShowsTheFormAndItsCurrentVersion()
    {
        var service = await GetAsync(_http, "/api/v1/services/report-a-food-safety-or-hygiene-problem");
        var other = (await GetAsync(_http, "/api/v1/services?pageSize=1")).Body!["items"]![0]!["slug"]!.GetValue<string>();
        var withoutForm = await GetAsync(_http, "/api/v1/services/" + other);

        Assert.Equal("fehd-food-hygiene-report", service.Body!["startForm"]!["id"]!.GetValue<string>());
        Assert.Equal(1, service.Body["startForm"]!["version"]!.GetValue<int>());
        Assert.Null(withoutForm.Body!["startForm"]);
    }
}

public sealed class FormsReadApiSqliteTests() : FormsReadApiTests(Provider.Sqlite);

public sealed class FormsReadApiPostgresTests() : FormsReadApiTests(Provider.Postgres);
