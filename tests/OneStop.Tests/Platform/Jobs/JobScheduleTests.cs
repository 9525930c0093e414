using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Platform.Jobs;

namespace OneStop.Tests.Platform.Jobs;

/// <summary>Recurring jobs on several nodes: one pass per interval, on one node, taken over when its node dies.</summary>
public abstract class JobScheduleTests(Provider provider) : IAsyncLifetime
{
    private JobsTestApp _app = null!;
    private JobsTestApp _second = null!;
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        if (provider == Provider.Postgres) PostgresServer.SkipIfUnavailable();
        _app = new JobsTestApp(provider);
        _second = _app.SecondNode();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _second.DisposeAsync();
        await _app.DisposeAsync();
    }

    private static JobScheduler Node(JobsTestApp app) => app.Services.GetRequiredService<JobScheduler>();

    private Task<JobSchedule> RowAsync(string name) =>
        _app.DbAsync(db => db.Set<JobSchedule>().AsNoTracking().SingleAsync(j => j.Name == name, Cancel));

    [Fact]
    public async Task RunIfDueAsync_TwoNodes_RunOnePassPerInterval()
    {
        var job = new CountingJob("test.once") { Hold = new() };

        // The first node's pass is still running when the second node asks.
        var firstPass = Node(_app).RunIfDueAsync(job, Cancel);
        await job.Entered.Task.WaitAsync(Cancel);
        var secondWhileRunning = await Node(_second).RunIfDueAsync(job, Cancel);
        job.Hold.SetResult();
        var first = await firstPass;
        var secondAfter = await Node(_second).RunIfDueAsync(job, Cancel);
        _app.Clock.Advance(job.Interval - TimeSpan.FromSeconds(1));
        var secondJustBefore = await Node(_second).RunIfDueAsync(job, Cancel);
        _app.Clock.Advance(TimeSpan.FromSeconds(1));
        var secondWhenDue = await Node(_second).RunIfDueAsync(job, Cancel);
        var firstAgain = await Node(_app).RunIfDueAsync(job, Cancel);

        Assert.True(first.Ran);
        Assert.False(secondWhileRunning.Ran);
        Assert.False(secondAfter.Ran);
        Assert.False(secondJustBefore.Ran);
        Assert.True(secondWhenDue.Ran);
        Assert.False(firstAgain.Ran);
        Assert.Equal(2, job.Passes);
        var row = await RowAsync(job.Name);
        Assert.Equal(Node(_second).Node, row.LastRunBy);
        Assert.True(row.LastSucceeded);
        Assert.Null(row.LockedUntil);
    }

    [Fact]
    public async Task RunIfDueAsync_TwoNodesAtOnce_OnlyOneRunsThePass()
    {
        var job = new CountingJob("test.race");

        var passes = await Task.WhenAll(
            Task.Run(() => Node(_app).RunIfDueAsync(job, Cancel), Cancel),
            Task.Run(() => Node(_second).RunIfDueAsync(job, Cancel), Cancel));

        Assert.Equal(1, job.Passes);
        Assert.Single(passes, p => p.Ran);
    }

    [Fact]
    public async Task RunIfDueAsync_NodeDiedMidPass_AnotherTakesOverWhenTheLeaseRunsOut()
    {
        var job = new CountingJob("test.takeover");
        await Node(_app).RunIfDueAsync(job, Cancel);
        _app.Clock.Advance(job.Interval);
        // A node claimed the next pass and died: its lease (Jobs:PassLease, ten minutes) stays in the row.
        var leaseEnds = _app.Clock.GetUtcNow().UtcDateTime.AddMinutes(10);
        await _app.DbAsync(db => db.Set<JobSchedule>().Where(j => j.Name == job.Name)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.LockedUntil, leaseEnds).SetProperty(j => j.LockedBy, "dead-node"), Cancel));

        var whileLeased = await Node(_second).RunIfDueAsync(job, Cancel);
        _app.Clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        var afterLease = await Node(_second).RunIfDueAsync(job, Cancel);

        Assert.False(whileLeased.Ran);
        Assert.True(afterLease.Ran);
        Assert.Equal(2, job.Passes);
        Assert.Equal(Node(_second).Node, (await RowAsync(job.Name)).LastRunBy);
    }

    [Fact]
    public async Task RunIfDueAsync_PassThrows_RecordsTheFailureAndRunsAgainAfterAnInterval()
    {
        var job = new CountingJob("test.throws") { Throw = true };

        var failed = await Node(_app).RunIfDueAsync(job, Cancel);
        var row = await RowAsync(job.Name);
        var tooSoon = await Node(_app).RunIfDueAsync(job, Cancel);
        _app.Clock.Advance(job.Interval);
        job.Throw = false;
        var again = await Node(_app).RunIfDueAsync(job, Cancel);

        Assert.True(failed.Ran);
        Assert.False(row.LastSucceeded);
        Assert.Null(row.LockedUntil);
        Assert.False(tooSoon.Ran);
        Assert.True(again.Ran);
        Assert.True((await RowAsync(job.Name)).LastSucceeded);
    }

    [Fact]
    public async Task RunIfDueAsync_BatchFull_IsDueAgainAtOnce()
    {
        var job = new CountingJob("test.more") { More = true };

        var full = await Node(_app).RunIfDueAsync(job, Cancel);
        job.More = false;
        var next = await Node(_second).RunIfDueAsync(job, Cancel);
        var then = await Node(_app).RunIfDueAsync(job, Cancel);

        Assert.True(full.More);
        Assert.True(next.Ran);
        Assert.False(then.Ran);
        Assert.Equal(2, job.Passes);
    }

    [Fact]
    public async Task RunIfDueAsync_ScheduleOutlivesTheNodes_ARestartedNodeWaitsForTheInterval()
    {
        var job = new CountingJob("test.restart");
        await Node(_app).RunIfDueAsync(job, Cancel);
        // Both nodes restart: new processes, the schedule still in the database.
        await using var restarted = _app.SecondNode();

        var atStart = await Node(restarted).RunIfDueAsync(job, Cancel);
        _app.Clock.Advance(job.Interval);
        var whenDue = await Node(restarted).RunIfDueAsync(job, Cancel);

        Assert.False(atStart.Ran);
        Assert.True(whenDue.Ran);
    }
}

public sealed class JobScheduleSqliteTests() : JobScheduleTests(Provider.Sqlite);

public sealed class JobSchedulePostgresTests() : JobScheduleTests(Provider.Postgres);
