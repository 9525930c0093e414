using Microsoft.EntityFrameworkCore;
using OneStop.Identity.Staff;
using OneStop.Office;

namespace OneStop.Tests.Office;

/// <summary>Department administrators edit their own department's services, and only those.</summary>
public abstract class ServiceEditTests(Provider provider) : IAsyncLifetime
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

    private static Dictionary<string, string> FieldsOf(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll("form[method=post] input[type=text], form[method=post] textarea")
            .ToDictionary(e => e.GetAttribute("name")!, e => e.LocalName == "textarea" ? e.TextContent : e.GetAttribute("value") ?? "");

    [Fact]
    public async Task EditService_OwnDepartment_ShowsOnTheServicePageAndInSearch()
    {
        var (admin, _) = await _app.SignedInStaffAsync(StaffRole.DepartmentAdmin, "TD");
        var slug = await _app.AServiceOfAsync("TD");
        var (status, form) = await admin.GetPageAsync($"/office/services/{slug}");
        Assert.Equal(200, status);
        var fields = FieldsOf(form);
        fields["NameEn"] = "Register your zeppelin";
        fields["SummaryZhHk"] = "登記你的飛艇。";
        fields["Status"] = "planned";
        fields["Channels"] = "counter";

        using var saved = await admin.SubmitAsync(form, $"/office/services/{slug}", fields);

        Assert.Equal("/office/services", saved.Location());
        var (_, list) = await admin.GetPageAsync("/office/services");
        Assert.NotNull(list.QuerySelector(".govuk-notification-banner--success"));
        var (_, page) = await admin.GetPageAsync($"/services/{slug}");
        Assert.Equal("Register your zeppelin", page.QuerySelector("h1")!.TextContent.Trim());
        var (_, chinese) = await admin.GetPageAsync($"/zh-hk/services/{slug}");
        Assert.Equal("登記你的飛艇。", chinese.QuerySelector(".govuk-body-l")!.TextContent.Trim());
        var found = await admin.GetJsonAsync("/api/v1/services?q=zeppelin");
        Assert.Equal([slug], found.Slugs());
        var audit = await _app.QueryAsync(db => db.AuditEntries.SingleAsync(e => e.Event == OfficeEvents.ServiceEdited && e.TargetId == slug, TestContext.Current.CancellationToken));
        Assert.Equal(("TD", "name,summary,status,channels"), (audit.DepartmentCode, audit.Detail));
    }

    [Fact]
    public async Task EditService_MissingChineseNameAndNoChannel_ShowsErrorsAndKeepsWhatWasTyped()
    {
        var (admin, _) = await _app.SignedInStaffAsync(StaffRole.DepartmentAdmin, "FEHD");
        var slug = await _app.AServiceOfAsync("FEHD");
        var (_, form) = await admin.GetPageAsync($"/office/services/{slug}");
        var fields = FieldsOf(form);
        fields["NameEn"] = "A name kept after the error";
        fields["NameZhCn"] = " ";
        fields["FeesEn"] = "HK$10";
        fields["FeesZhHk"] = "";
        fields["FeesZhCn"] = "";
        fields["Status"] = "live";

        using var response = await admin.SubmitAsync(form, $"/office/services/{slug}", fields);
        var page = await response.ReadPageAsync();

        Assert.Equal(200, (int)response.StatusCode);
        Assert.StartsWith("Error: ", page.Title);
        // The summary holds every problem; its order is ModelState's, which the form page does not control.
        Assert.Equivalent(new[]
            {"Enter the name in Simplified Chinese", "Enter the fees in Traditional Chinese too, or leave all three empty",
             "Enter the fees in Simplified Chinese too, or leave all three empty", "Choose at least one way to use the service"},
            page.ErrorSummary(), strict: true);
        Assert.Equal("A name kept after the error", page.QuerySelector("#NameEn")!.GetAttribute("value"));
        Assert.Equal(0, await _app.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Event == OfficeEvents.ServiceEdited, TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task EditService_AnotherDepartmentsService_IsNotFoundAndUnchanged()
    {
        var (admin, _) = await _app.SignedInStaffAsync(StaffRole.DepartmentAdmin, "FEHD");
        var slug = await _app.AServiceOfAsync("TD");
        var before = await _app.QueryAsync(db => db.Services.Where(s => s.Slug == slug).Select(s => s.Name.En).SingleAsync(TestContext.Current.CancellationToken));
        var token = await admin.TokenAsync();

        var (status, _) = await admin.GetTextAsync($"/office/services/{slug}");
        using var post = await admin.PostFormAsync($"/office/services/{slug}", token,
            ("NameEn", "Taken over"), ("NameZhHk", "接管"), ("NameZhCn", "接管"), ("SummaryEn", "s"), ("SummaryZhHk", "s"), ("SummaryZhCn", "s"),
            ("Status", "retired"), ("Channels", "counter"));
        var (_, list) = await admin.GetPageAsync("/office/services");

        Assert.Equal(404, status);
        Assert.Equal(404, (int)post.StatusCode);
        Assert.Equal(before, await _app.QueryAsync(db => db.Services.Where(s => s.Slug == slug).Select(s => s.Name.En).SingleAsync(TestContext.Current.CancellationToken)));
        Assert.Null(list.QuerySelector($"[data-service='{slug}']"));
        Assert.NotNull(list.QuerySelector($"[data-service='{await _app.AServiceOfAsync("FEHD")}']"));
    }
}

public sealed class ServiceEditTests_Sqlite() : ServiceEditTests(Provider.Sqlite);

public sealed class ServiceEditTests_Postgres() : ServiceEditTests(Provider.Postgres);
