using Microsoft.EntityFrameworkCore;
using OneStop.Forms.Definitions;
using OneStop.Identity.Staff;
using OneStop.Office;
using OneStop.Tests.Office;
using static OneStop.Tests.Forms.TestForms;

namespace OneStop.Tests.Forms.Editor;

/// <summary>The service editor says which form starts a service, the OneStop ID level it needs, and whether guests may apply.</summary>
public abstract class ServiceFormSettingsTests(Provider provider) : IAsyncLifetime
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

    [Fact]
    public async Task EditService_StartFormAndLevel_AreSavedAndAudited()
    {
        await PublishAsync(_app, OnePage("td-start-form", Field("plate", FieldType.Text)));
        var (admin, _) = await _app.SignedInStaffAsync(StaffRole.DepartmentAdmin, "TD");
        var slug = await _app.AServiceOfAsync("TD");
        var (_, page) = await admin.GetPageAsync($"/office/services/{slug}");
        Assert.Contains("td-start-form", page.QuerySelectorAll("#StartFormId option").Select(o => o.GetAttribute("value")));

        using var saved = await admin.EditAsync($"/office/services/{slug}", changes: [("StartFormId", "td-start-form"), ("RequiredAssurance", "verified"), ("AllowsGuests", null)]);

        Assert.Equal("/office/services", saved.Location());
        var service = await _app.QueryAsync(db => db.Services.AsNoTracking().SingleAsync(s => s.Slug == slug, TestContext.Current.CancellationToken));
        Assert.Equal(("td-start-form", "verified", false), (service.StartFormId, service.RequiredAssurance, service.AllowsGuests));
        var audit = await _app.QueryAsync(db => db.AuditEntries.SingleAsync(e => e.Event == OfficeEvents.ServiceEdited && e.TargetId == slug, TestContext.Current.CancellationToken));
        Assert.Contains("startForm", audit.Detail!.Split(','));
        Assert.Contains("assurance", audit.Detail!.Split(','));
    }

    [Fact]
    public async Task EditService_AnotherDepartmentsFormAndGuestsWithVerified_AreRefused()
    {
        await PublishAsync(_app, OnePage("td-not-fehds", Field("plate", FieldType.Text)));
        var (admin, _) = await _app.SignedInStaffAsync(StaffRole.DepartmentAdmin, "FEHD");
        var slug = await _app.AServiceOfAsync("FEHD");
        var before = await _app.QueryAsync(db => db.Services.AsNoTracking().SingleAsync(s => s.Slug == slug, TestContext.Current.CancellationToken));

        using var response = await admin.EditAsync($"/office/services/{slug}", changes: [("StartFormId", "td-not-fehds"), ("RequiredAssurance", "advanced"), ("AllowsGuests", "true")]);
        var page = await response.ReadPageAsync();

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(["Choose one of your department's published forms, or none", "People without an account can apply only when the basic level is enough"], page.ErrorSummary());
        var after = await _app.QueryAsync(db => db.Services.AsNoTracking().SingleAsync(s => s.Slug == slug, TestContext.Current.CancellationToken));
        Assert.Equal((before.StartFormId, before.RequiredAssurance, before.AllowsGuests), (after.StartFormId, after.RequiredAssurance, after.AllowsGuests));
    }
}

public sealed class ServiceFormSettingsTests_Sqlite() : ServiceFormSettingsTests(Provider.Sqlite);

public sealed class ServiceFormSettingsTests_Postgres() : ServiceFormSettingsTests(Provider.Postgres);
