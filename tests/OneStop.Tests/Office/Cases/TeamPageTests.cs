using OneStop.Identity.Staff;
using OneStop.Tests.Cases;

namespace OneStop.Tests.Office.Cases;

/// <summary>The supervisors' page: each officer's load, and the share of cases decided within the pledge.</summary>
public abstract class TeamPageTests(Provider provider) : IAsyncLifetime
{
    private OneStopApp _app = null!;

    public ValueTask InitializeAsync()
    {
        if (provider == Provider.Postgres) PostgresServer.SkipIfUnavailable();
        _app = new OneStopApp(provider) { ClockStart = new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero) };
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Team_Supervisor_SeesLoadAndPledgePerformance()
    {
        var (officer, _, email) = await _app.OfficerAsync();
        // Decided in time: approved the day it arrived.
        var quick = await _app.NewCaseAsync(null);
        using (await officer.PostCaseAsync(quick.Reference, "Take&actionId=approve")) { }
        // Decided late: approved four weeks after it arrived (the pledge is 10 working days).
        var slow = await _app.NewCaseAsync(null);
        var mine = await _app.NewCaseAsync(null);
        using (await officer.PostCaseAsync(mine.Reference, "Assign", ("Assignee", "me"))) { }
        await _app.NewCaseAsync(null);
        _app.Clock.Advance(TimeSpan.FromDays(29));
        // Staff sessions end when idle: the officer signs in again four weeks on.
        (officer, _, _) = await _app.SignInAgainAsync(email);
        using (await officer.PostCaseAsync(slow.Reference, "Take&actionId=approve")) { }
        var fresh = await _app.NewCaseAsync(null);
        using (await officer.PostCaseAsync(fresh.Reference, "Assign", ("Assignee", "me"))) { }
        var (supervisor, _, _) = await _app.OfficerAsync(StaffRole.Supervisor);

        var page = await supervisor.PageAsync("/office/cases/team");

        var row = page.QuerySelector($"[data-load] tr[data-person='{email}']")!;
        Assert.Equal(("2", "1"), (row.QuerySelector("[data-open]")!.TextContent.Trim(), row.QuerySelector("[data-overdue]")!.TextContent.Trim()));
        var unassigned = page.QuerySelector("[data-load] tr[data-person='']")!;
        Assert.Equal(("1", "1"), (unassigned.QuerySelector("[data-open]")!.TextContent.Trim(), unassigned.QuerySelector("[data-overdue]")!.TextContent.Trim()));
        Assert.Equal("2", page.QuerySelector("[data-total=breached] dd")!.TextContent.Trim());
        var service = page.QuerySelector("[data-performance] tr[data-service=td-case-service]")!;
        var last30 = service.QuerySelector("[data-period='30']")!;
        Assert.Equal("1/2", last30.GetAttribute("data-share"));
        Assert.Contains("50%", last30.TextContent);
        Assert.NotNull(last30.QuerySelector("[data-below]"));
        Assert.Equal("1/2", service.QuerySelector("[data-period='90']")!.GetAttribute("data-share"));
    }

    [Fact]
    public async Task Team_Officer_IsRefused()
    {
        var (officer, _, _) = await _app.OfficerAsync();

        using var response = await officer.GetAsync("/office/cases/team", TestContext.Current.CancellationToken);

        Assert.Equal("forbidden", response.Outcome());
    }
}

public sealed class TeamPageTests_Sqlite() : TeamPageTests(Provider.Sqlite);

public sealed class TeamPageTests_Postgres() : TeamPageTests(Provider.Postgres);
