using Microsoft.EntityFrameworkCore;
using OneStop.Identity.Staff;
using OneStop.Office;

namespace OneStop.Tests.Office;

/// <summary>A department administrator's catalogue file changes their own department only.</summary>
public sealed class CatalogueUploadTests : IAsyncLifetime
{
    private readonly OneStopApp _app = new(Provider.Sqlite);

    private Task<string> ACategoryAsync() => _app.QueryAsync(db => db.Categories.OrderBy(c => c.Slug).Select(c => c.Slug).FirstAsync(TestContext.Current.CancellationToken));

    private static string ServiceJson(string slug, string department, string category, string name) => $$"""
        {
          "slug": "{{slug}}", "department": "{{department}}", "status": "live", "categories": ["{{category}}"], "channels": ["counter"],
          "name": { "en": "{{name}}", "zh-HK": "名稱", "zh-CN": "名称" },
          "summary": { "en": "Summary", "zh-HK": "摘要", "zh-CN": "摘要" }
        }
        """;

    [Fact]
    public async Task Upload_OwnDepartmentsServices_ImportsThemAndAudits()
    {
        var (admin, email) = await _app.SignedInStaffAsync(StaffRole.DepartmentAdmin, "TD");
        var json = $$"""{ "services": [ {{ServiceJson("licence-a-tram-for-testing", "TD", await ACategoryAsync(), "Licence a tram for testing")}} ] }""";

        using var response = await admin.UploadAsync("td.json", json);

        Assert.Equal("/office/services", response.Location());
        var found = await admin.GetJsonAsync("/api/v1/services?q=tram%20for%20testing");
        Assert.Equal(["licence-a-tram-for-testing"], found.Slugs());
        var (_, list) = await admin.GetPageAsync("/office/services");
        Assert.NotNull(list.QuerySelector("[data-service='licence-a-tram-for-testing']"));
        var audit = await _app.QueryAsync(db => db.AuditEntries.SingleAsync(e => e.Event == OfficeEvents.CatalogueUploaded, TestContext.Current.CancellationToken));
        Assert.Equal(("TD", "services=1", await _app.UserIdAsync(email)), (audit.DepartmentCode, audit.Detail, audit.ActorId!.Value));
    }

    [Fact]
    public async Task Upload_RowsOfOtherDepartmentsOrSharedCategories_RefusesTheWholeFile()
    {
        var (admin, _) = await _app.SignedInStaffAsync(StaffRole.DepartmentAdmin, "TD");
        var category = await ACategoryAsync();
        var fehdService = await _app.AServiceOfAsync("FEHD");
        var json = $$"""
            {
              "departments": [ { "code": "FEHD", "name": { "en": "Renamed", "zh-HK": "改名", "zh-CN": "改名" } } ],
              "categories": [ { "slug": "{{category}}", "facet": "topic", "name": { "en": "Renamed", "zh-HK": "改名", "zh-CN": "改名" } } ],
              "services": [
                {{ServiceJson("a-good-td-service-in-a-bad-file", "TD", category, "Good")}},
                {{ServiceJson("a-new-fehd-service", "FEHD", category, "Not yours")}},
                {{ServiceJson(fehdService, "TD", category, "Taken over")}}
              ]
            }
            """;

        using var response = await admin.UploadAsync("mixed.json", json);
        var page = await response.ReadPageAsync();

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(["The file has 4 problems, listed below. Nothing was imported"], page.ErrorSummary());
        var problems = page.QuerySelectorAll("[data-problems] li").Select(li => li.TextContent).ToList();
        Assert.Equal(4, problems.Count);
        Assert.Contains(problems, p => p.Contains("department 'FEHD' is not yours: you can only import TD's entries."));
        Assert.Contains(problems, p => p.Contains("categories are shared by every department"));
        Assert.Contains(problems, p => p.Contains("department 'FEHD' is not yours: you can only import TD's services."));
        Assert.Contains(problems, p => p.Contains($"slug '{fehdService}' is another department's service."));
        Assert.False(await _app.QueryAsync(db => db.Services.AnyAsync(s => s.Slug == "a-good-td-service-in-a-bad-file", TestContext.Current.CancellationToken)));
        Assert.Equal("FEHD", await _app.QueryAsync(db => db.Services.Where(s => s.Slug == fehdService).Select(s => s.Department.Code).SingleAsync(TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task Upload_CsvOfAnotherDepartment_IsRefusedWithTheLine()
    {
        var (admin, _) = await _app.SignedInStaffAsync(StaffRole.DepartmentAdmin, "FEHD");
        var csv = string.Join("\n",
            string.Join(",", OneStop.Catalogue.Import.CatalogueCsv.Header),
            $"csv-service-of-td,TD,live,{await ACategoryAsync()},counter,Name,名稱,名称,Summary,摘要,摘要,,,,,,,,,,,,");

        using var response = await admin.UploadAsync("services.csv", csv);
        var page = await response.ReadPageAsync();

        Assert.Equal(["The file has 1 problem, shown below. Nothing was imported"], page.ErrorSummary());
        Assert.Equal("line 2 (row 1): department 'TD' is not yours: you can only import FEHD's services.", page.QuerySelector("[data-problems] li")!.TextContent);
    }

    [Fact]
    public async Task Upload_NoFileOrAnotherKindOfFile_AsksForACatalogueFile()
    {
        var (admin, _) = await _app.SignedInStaffAsync(StaffRole.DepartmentAdmin, "TD");

        using var text = await admin.UploadAsync("notes.txt", "hello");
        var page = await text.ReadPageAsync();

        Assert.Equal(["The file must be a .json or .csv file"], page.ErrorSummary());
        Assert.Equal("#CatalogueFile", page.QuerySelector(".govuk-error-summary__list a")!.GetAttribute("href"));
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;
    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
