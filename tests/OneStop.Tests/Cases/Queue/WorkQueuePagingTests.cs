using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Cases;
using OneStop.Cases.Engine;
using OneStop.Cases.Queue;
using OneStop.Identity.Staff;

namespace OneStop.Tests.Cases.Queue;

/// <summary>
/// Keyset paging over cases that fall due at the same instant (the usual case: targets end at midnight):
/// forward and back visit every case once, in order, whatever the page size. The officer pages test the
/// same through HTTP; this one walks every boundary.
/// </summary>
public abstract class WorkQueuePagingTests(Provider provider) : IAsyncLifetime
{
    private OneStopApp _app = null!;
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        if (provider == Provider.Postgres) PostgresServer.SkipIfUnavailable();
        _app = new OneStopApp(provider) { ClockStart = new DateTimeOffset(2026, 11, 27, 2, 0, 0, TimeSpan.Zero) };
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static ClaimsPrincipal Officer(string department) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()),
        new Claim(StaffClaims.Role, StaffRole.Officer.Name()),
        new Claim(StaffClaims.Department, department),
    ], "test"));

    private async Task<QueuePage> PageAsync(ClaimsPrincipal officer, string? after, string? before, int size, QueueView view = QueueView.Open)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WorkQueue>().PageAsync(officer, new QueueFilter(view), after, before, size, Cancel);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(8)]
    public async Task PageAsync_ForwardThenBack_VisitsEveryCaseOnceInOrder(int size)
    {
        var cases = new List<Case>();
        // Four the same day (one instant), then three a day later each.
        for (var i = 0; i < 7; i++)
        {
            if (i >= 4) _app.Clock.Advance(TimeSpan.FromDays(1));
            cases.Add(await _app.NewCaseAsync(null));
        }
        var expected = cases.OrderBy(c => c.DueAt).ThenBy(c => c.Reference, StringComparer.Ordinal).Select(c => c.Reference).ToList();
        var officer = Officer("TD");

        var forward = new List<QueuePage> { await PageAsync(officer, null, null, size) };
        while (forward[^1].Next is { } next) forward.Add(await PageAsync(officer, next, null, size));
        var back = new List<QueuePage> { forward[^1] };
        while (back[^1].Previous is { } previous) back.Add(await PageAsync(officer, null, previous, size));

        Assert.Equal(expected, forward.SelectMany(p => p.Rows).Select(r => r.Reference));
        Assert.Equal(expected, back.AsEnumerable().Reverse().SelectMany(p => p.Rows).Select(r => r.Reference));
        Assert.Equal((int)Math.Ceiling(7.0 / size), forward.Count);
        Assert.Null(forward[0].Previous);
    }

    [Theory]
    [InlineData(QueueView.Closed, 1)]
    [InlineData(QueueView.Closed, 3)]
    [InlineData(QueueView.Waiting, 1)]
    [InlineData(QueueView.Waiting, 3)]
    public async Task PageAsync_ClosedOrWaitingView_ForwardThenBack_VisitsEveryCaseOnceInOrder(QueueView view, int size)
    {
        var officer = Officer("TD");
        var opened = new List<Case>();
        for (var i = 0; i < 7; i++) opened.Add(await _app.NewCaseAsync(null));
        // Four closed (or returned to the applicant) at one instant, then three a day apart.
        for (var i = 0; i < 7; i++)
        {
            if (i >= 4) _app.Clock.Advance(TimeSpan.FromDays(1));
            await using var scope = _app.Services.CreateAsyncScope();
            var actions = scope.ServiceProvider.GetRequiredService<CaseActions>();
            var result = view == QueueView.Closed
                ? await actions.TakeAsync(officer, opened[i].Id, new ActionInput("approve", opened[i].Revision), Cancel)
                : await actions.RequestInformationAsync(officer, opened[i].Id, opened[i].Revision, "Please send a clearer photo.", Cancel);
            Assert.IsType<CaseResult.Done>(result);
        }
        var ids = opened.Select(c => c.Id).ToList();
        var cases = await _app.QueryCasesAsync(db => db.Set<Case>().Where(c => ids.Contains(c.Id)).ToListAsync(Cancel));
        // Closed cases newest first; waiting ones longest waiting first.
        var expected = (view == QueueView.Closed
                ? cases.OrderByDescending(c => c.ClosedAt).ThenByDescending(c => c.Reference, StringComparer.Ordinal)
                : cases.OrderBy(c => c.StateEnteredAt).ThenBy(c => c.Reference, StringComparer.Ordinal))
            .Select(c => c.Reference).ToList();

        var forward = new List<QueuePage> { await PageAsync(officer, null, null, size, view) };
        while (forward[^1].Next is { } next) forward.Add(await PageAsync(officer, next, null, size, view));
        var back = new List<QueuePage> { forward[^1] };
        while (back[^1].Previous is { } previous) back.Add(await PageAsync(officer, null, previous, size, view));

        Assert.Equal(expected, forward.SelectMany(p => p.Rows).Select(r => r.Reference));
        Assert.Equal(expected, back.AsEnumerable().Reverse().SelectMany(p => p.Rows).Select(r => r.Reference));
        Assert.Equal((int)Math.Ceiling(7.0 / size), forward.Count);
    }

    [Fact]
    public async Task CountsAsync_CacheOn_ReusesDepartmentFiguresUntilTheyAgeButCountsMineAfresh()
    {
        await using var app = new OneStopApp(provider) { Settings = { ["Cases:CountsCacheDuration"] = "00:00:30" } };
        await app.NewCaseAsync(null);
        var officer = Officer("TD");
        async Task<QueueCounts> CountsAsync()
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<WorkQueue>().CountsAsync(officer, Cancel);
        }

        var first = await CountsAsync();
        await app.NewCaseAsync(null);
        var cached = await CountsAsync();
        app.Clock.Advance(TimeSpan.FromSeconds(31));
        var fresh = await CountsAsync();

        Assert.Equal((1, 1), (first.Open, first.Unassigned));
        Assert.Equal((1, 1), (cached.Open, cached.Unassigned));
        Assert.Equal((2, 2), (fresh.Open, fresh.Unassigned));
        Assert.Equal(0, fresh.Mine);
    }

    [Fact]
    public async Task PageAsync_AnotherDepartmentsOfficer_SeesNone()
    {
        await _app.NewCaseAsync(null);

        var page = await PageAsync(Officer("FEHD"), null, null, 10);

        Assert.Empty(page.Rows);
    }
}

public sealed class WorkQueuePagingSqliteTests() : WorkQueuePagingTests(Provider.Sqlite);

public sealed class WorkQueuePagingPostgresTests() : WorkQueuePagingTests(Provider.Postgres);
