using Microsoft.EntityFrameworkCore;
using OneStop.Platform.Outbox;

namespace OneStop.Tests.Platform.Jobs;

/// <summary>The outbox on several nodes: every message handled once, claims of dead nodes taken over, work run in parallel.</summary>
public abstract class OutboxRunnerTests(Provider provider) : IAsyncLifetime
{
    private JobsTestApp _app = null!;
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        if (provider == Provider.Postgres) PostgresServer.SkipIfUnavailable();
        _app = new JobsTestApp(provider);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    /// <summary>Passes until one finds less than a full batch, as a node's loop does.</summary>
    private static async Task DrainAsync(JobsTestApp node)
    {
        while (await node.RunOutboxAsync()) { }
    }

    [Fact]
    public async Task RunOnceAsync_TwoAppsOnOneDatabase_HandleABurstEachExactlyOnce()
    {
        var ids = await _app.AddMessagesAsync(500);
        await using var second = _app.SecondNode();
        _ = second.Services;
        // The first handlers wait until both nodes run a full set at once (four each on PostgreSQL, one each
        // on SQLite): the nodes must have claimed different messages at the same time.
        _app.Script.OpenGateAt = provider == Provider.Postgres ? 8 : 2;

        await Task.WhenAll(Task.Run(() => DrainAsync(_app), Cancel), Task.Run(() => DrainAsync(second), Cancel));

        Assert.All(ids, id => Assert.Equal(1, _app.Script.CallsTo(id)));
        Assert.Equal(500, _app.Script.Calls.Count);
        var (done, open) = await _app.DbAsync(async db => (
            await db.Set<OutboxMessage>().CountAsync(m => m.ProcessedAt != null && m.Attempts == 1 && m.LockedUntil == null, Cancel),
            await db.Set<OutboxMessage>().CountAsync(m => m.ProcessedAt == null, Cancel)));
        Assert.Equal(500, done);
        Assert.Equal(0, open);
        Assert.Equal(["first", "second"], _app.Script.HandledBy.Values.Distinct().Order());
    }

    [Fact]
    public async Task RunOnceAsync_ClaimOfANodeThatDied_IsTakenOverWhenItRunsOut()
    {
        var id = (await _app.AddMessagesAsync())[0];
        // A node claimed it (counting the attempt) and died before writing an outcome.
        var claimedUntil = _app.Clock.GetUtcNow().UtcDateTime.AddMinutes(5);
        await _app.DbAsync(db => db.Set<OutboxMessage>().Where(m => m.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, claimedUntil).SetProperty(m => m.Attempts, 1), Cancel));

        await _app.RunOutboxAsync();
        var whileClaimed = _app.Script.CallsTo(id);
        _app.Clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        await _app.RunOutboxAsync();

        Assert.Equal(0, whileClaimed);
        var message = await _app.MessageAsync(id);
        Assert.Equal(1, _app.Script.CallsTo(id));
        Assert.NotNull(message.ProcessedAt);
        Assert.Equal(2, message.Attempts);
    }

    [Fact]
    public async Task RunOnceAsync_HandlerKeepsFailing_RetriesWithBackoffThenParks()
    {
        _app.Script.FailFirst = int.MaxValue;
        var id = (await _app.AddMessagesAsync())[0];

        await _app.RunOutboxAsync();
        var afterFirst = await _app.MessageAsync(id);
        _app.Clock.Advance(TimeSpan.FromSeconds(29));
        await _app.RunOutboxAsync();
        var callsInsideTheDelay = _app.Script.CallsTo(id);
        _app.Clock.Advance(TimeSpan.FromSeconds(1));
        await _app.RunOutboxAsync();
        _app.Clock.Advance(TimeSpan.FromMinutes(1));
        await _app.RunOutboxAsync();
        _app.Clock.Advance(TimeSpan.FromDays(1));
        await _app.RunOutboxAsync();

        Assert.Equal(1, callsInsideTheDelay);
        Assert.InRange(afterFirst.AvailableAt - afterFirst.CreatedAt, TimeSpan.FromSeconds(30) - TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(30));
        var parked = await _app.MessageAsync(id);
        Assert.Equal(3, _app.Script.CallsTo(id));
        Assert.Equal(3, parked.Attempts);
        Assert.NotNull(parked.ParkedAt);
        Assert.Null(parked.ProcessedAt);
        Assert.Null(parked.LockedUntil);
    }

    [Fact]
    public async Task RunOnceAsync_FullBatch_SaysThereMayBeMore()
    {
        await _app.AddMessagesAsync(51);

        var first = await _app.RunOutboxAsync();
        var second = await _app.RunOutboxAsync();

        Assert.True(first);
        Assert.False(second);
        Assert.Equal(51, _app.Script.Calls.Count);
    }
}

public sealed class OutboxRunnerSqliteTests() : OutboxRunnerTests(Provider.Sqlite)
{
    [Fact]
    public async Task RunOnceAsync_OnSqlite_RunsOneMessageAtATime()
    {
        await using var app = new JobsTestApp(Provider.Sqlite);
        await app.AddMessagesAsync(8);

        await app.RunOutboxAsync();

        Assert.Equal(8, app.Script.Calls.Count);
        Assert.Equal(1, app.Script.MostAtOnce);
    }
}

public sealed class OutboxRunnerPostgresTests() : OutboxRunnerTests(Provider.Postgres)
{
    [Fact]
    public async Task RunOnceAsync_OnPostgres_RunsClaimedMessagesInParallelUpToTheLimit()
    {
        await using var app = new JobsTestApp(Provider.Postgres);
        var ids = await app.AddMessagesAsync(12);
        // Handlers wait until four are inside at once: one at a time would never get there.
        app.Script.OpenGateAt = 4;

        await app.RunOutboxAsync();

        Assert.Equal(4, app.Script.MostAtOnce);
        Assert.All(ids, id => Assert.Equal(1, app.Script.CallsTo(id)));
    }
}
