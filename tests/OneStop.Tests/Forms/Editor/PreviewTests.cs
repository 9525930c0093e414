using OneStop.Forms.Definitions;
using OneStop.Identity.Staff;
using OneStop.Tests.Office;
using static OneStop.Tests.Forms.TestForms;

namespace OneStop.Tests.Forms.Editor;

/// <summary>Department staff see a version's pages as a citizen would, in each language, without saving anything.</summary>
public abstract class PreviewTests(Provider provider) : IAsyncLifetime
{
    private OneStopApp _app = null!;

    public async ValueTask InitializeAsync()
    {
        if (provider == Provider.Postgres) PostgresServer.SkipIfUnavailable();
        _app = new OneStopApp(provider);
        await PublishAsync(_app, OnePage("td-preview", Field("plate", FieldType.Text), Field("seats", FieldType.Number) with { Max = 60 }) with
        {
            Pages =
            [
                new PageDefinition { Id = "vehicle", Title = W("Vehicle"), Fields = [Field("plate", FieldType.Text), Field("seats", FieldType.Number) with { Max = 60 }] },
                new PageDefinition { Id = "owner", Title = W("Owner"), Fields = [Field("owner", FieldType.Text)] },
            ],
        });
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Preview_TraditionalChinese_ShowsThePageAsACitizenWouldWithLinksToEveryPage()
    {
        var (officer, _) = await _app.SignedInStaffAsync(StaffRole.Officer, "TD");

        var (status, page) = await officer.GetPageAsync("/zh-hk/office/forms/td-preview/versions/1/preview");

        Assert.Equal(200, status);
        Assert.Equal("Vehicle（繁）", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("plate（繁）", page.QuerySelector("label[for='plate']")!.TextContent.Trim());
        Assert.Equal("/zh-hk/office/forms/td-preview/versions/1/preview/owner", page.QuerySelector("nav a[href$='/owner']")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Preview_CheckWithWrongAnswers_ShowsTheCitizensErrorsAndKeepsWhatWasTyped()
    {
        var (officer, _) = await _app.SignedInStaffAsync(StaffRole.Officer, "TD");

        using var response = await officer.SubmitAsync("/office/forms/td-preview/versions/1/preview/vehicle", new Dictionary<string, string> { ["seats"] = "twelve" });
        var page = await response.ReadPageAsync();

        Assert.Equal(["Enter an answer to ‘plate’", "‘seats’ must be a number"], page.ErrorSummary());
        Assert.Equal("twelve", page.QuerySelector("input#seats")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Preview_GoodAnswers_SaysTheyPass()
    {
        var (officer, _) = await _app.SignedInStaffAsync(StaffRole.Officer, "TD");

        using var response = await officer.SubmitAsync("/office/forms/td-preview/versions/1/preview/vehicle", new Dictionary<string, string> { ["plate"] = "AB 1", ["seats"] = "12" });
        var page = await response.ReadPageAsync();

        Assert.Contains("These answers pass this page's checks.", page.QuerySelector(".govuk-notification-banner")!.TextContent);
    }

    [Fact]
    public async Task Preview_AnotherDepartmentsForm_IsNotFound()
    {
        var (officer, _) = await _app.SignedInStaffAsync(StaffRole.Officer, "FEHD");

        var (status, _) = await officer.GetPageAsync("/office/forms/td-preview/versions/1/preview");

        Assert.Equal(404, status);
    }
}

public sealed class PreviewSqliteTests() : PreviewTests(Provider.Sqlite);

public sealed class PreviewPostgresTests() : PreviewTests(Provider.Postgres);
