using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Platform.Database;
using OneStop.Platform.Outbox;

namespace OneStop.Tests.Platform.Outbox;

/// <summary>What the test handler was asked to do and did: calls per message, and how many of the first calls fail.</summary>
public sealed class HandlerScript
{
    public ConcurrentDictionary<long, int> Calls { get; } = new();
    public int FailFirst { get; set; }

    public int CallsTo(long id) => Calls.GetValueOrDefault(id);
}

public sealed class ScriptedHandler(HandlerScript script) : IOutboxHandler
{
    public const string TestTopic = "test.ping";
    public string Topic => TestTopic;

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var call = script.Calls.AddOrUpdate(message.Id, 1, (_, n) => n + 1);
        // Hands the thread over, so that a second dispatcher running at the same time gets its turn mid-message.
        await Task.Yield();
        if (call <= script.FailFirst) throw new InvalidOperationException("mailbox person@example.com is full");
    }
}

/// <summary>The portal with a handler for <see cref="ScriptedHandler.TestTopic"/> and a small <c>Outbox:MaxAttempts</c>.</summary>
public sealed class OutboxTestApp(Provider provider) : OneStopApp(provider, seed: false)
{
    public HandlerScript Script { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Outbox:MaxAttempts", "3");
        builder.UseSetting("Outbox:FirstRetryDelay", "00:00:30");
        builder.ConfigureServices(services =>
        {
            services.AddSingleton(Script);
            services.AddOutboxHandler<ScriptedHandler>();
        });
    }
}

/// <summary>The outbox dispatcher: each message handled once, failures retried later and later, then parked.</summary>
public abstract class OutboxDispatcherTests(Provider provider) : IAsyncLifetime
{
    private OutboxTestApp _app = null!;
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        if (provider == Provider.Postgres) PostgresServer.SkipIfUnavailable();
        _app = new OutboxTestApp(provider);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task<long> AddAsync(string topic = ScriptedHandler.TestTopic)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var message = scope.ServiceProvider.GetRequiredService<OneStop.Platform.Outbox.Outbox>().Add(topic, new { Thing = 1 });
        await scope.ServiceProvider.GetRequiredService<OneStopDb>().SaveChangesAsync(Cancel);
        return message.Id;
    }

    private async Task<OutboxMessage> MessageAsync(long id)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OneStopDb>().Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Id == id, Cancel);
    }

    private Task RunAsync() => _app.Services.GetRequiredService<OutboxDispatcher>().RunOnceAsync(Cancel);

    [Fact]
    public async Task RunOnceAsync_DueMessage_IsHandledOnceAndMarkedProcessed()
    {
        var id = await AddAsync();

        await RunAsync();
        await RunAsync();

        var message = await MessageAsync(id);
        Assert.Equal(1, _app.Script.CallsTo(id));
        Assert.NotNull(message.ProcessedAt);
        Assert.Equal(1, message.Attempts);
        Assert.Null(message.LockedUntil);
    }

    [Fact]
    public async Task RunOnceAsync_TopicWithoutHandler_LeavesTheMessageAlone()
    {
        var id = await AddAsync("nobody.listens");

        await RunAsync();

        var message = await MessageAsync(id);
        Assert.Null(message.ProcessedAt);
        Assert.Equal(0, message.Attempts);
    }

    [Fact]
    public async Task RunOnceAsync_HandlerFails_RetriesAfterADoublingDelay()
    {
        _app.Script.FailFirst = 2;
        var id = await AddAsync();

        await RunAsync();
        var afterFirst = await MessageAsync(id);
        await RunAsync();
        _app.Clock.Advance(TimeSpan.FromSeconds(30));
        await RunAsync();
        var afterSecond = await MessageAsync(id);
        _app.Clock.Advance(TimeSpan.FromSeconds(59));
        await RunAsync();
        var callsBeforeSecondDelay = _app.Script.CallsTo(id);
        _app.Clock.Advance(TimeSpan.FromSeconds(1));
        await RunAsync();

        Assert.Equal(1, afterFirst.Attempts);
        Assert.InRange(afterFirst.AvailableAt - afterFirst.CreatedAt, TimeSpan.FromSeconds(30) - TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(30));
        Assert.Contains("InvalidOperationException", afterFirst.LastError);
        Assert.Contains(nameof(ScriptedHandler), afterFirst.LastError);
        Assert.DoesNotContain("person@example.com", afterFirst.LastError);
        Assert.Equal(2, afterSecond.Attempts);
        Assert.InRange(afterSecond.AvailableAt - afterSecond.CreatedAt, TimeSpan.FromSeconds(90) - TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(90));
        Assert.Equal(2, callsBeforeSecondDelay);
        var done = await MessageAsync(id);
        Assert.Equal(3, _app.Script.CallsTo(id));
        Assert.NotNull(done.ProcessedAt);
        Assert.Null(done.LastError);
    }

    [Fact]
    public async Task RunOnceAsync_FailsMaxAttemptsTimes_ParksTheMessage()
    {
        _app.Script.FailFirst = int.MaxValue;
        var id = await AddAsync();

        for (var i = 0; i < 5; i++)
        {
            await RunAsync();
            _app.Clock.Advance(TimeSpan.FromDays(1));
        }

        var message = await MessageAsync(id);
        Assert.Equal(3, _app.Script.CallsTo(id));
        Assert.Equal(3, message.Attempts);
        Assert.NotNull(message.ParkedAt);
        Assert.Null(message.ProcessedAt);
        Assert.NotNull(message.LastError);
    }

    [Fact]
    public async Task RunOnceAsync_TwoNodesAtOnce_HandleEachMessageOnce()
    {
        var ids = new List<long>();
        for (var i = 0; i < 12; i++) ids.Add(await AddAsync());
        // A second node: its own dispatcher over the same database.
        var first = _app.Services.GetRequiredService<OutboxDispatcher>();
        var second = ActivatorUtilities.CreateInstance<OutboxDispatcher>(_app.Services);

        await Task.WhenAll(Task.Run(() => first.RunOnceAsync(Cancel), Cancel), Task.Run(() => second.RunOnceAsync(Cancel), Cancel));

        Assert.All(ids, id => Assert.Equal(1, _app.Script.CallsTo(id)));
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDb>();
        Assert.Equal(0, await db.Set<OutboxMessage>().CountAsync(m => ids.Contains(m.Id) && (m.ProcessedAt == null || m.Attempts != 1), Cancel));
    }

    [Fact]
    public void Backoff_ManyFailures_StopsAtTheMaximum()
    {
        var options = new OutboxOptions { FirstRetryDelay = TimeSpan.FromSeconds(30), MaxRetryDelay = TimeSpan.FromHours(6) };

        Assert.Equal(TimeSpan.FromSeconds(30), OutboxDispatcher.Backoff(1, options));
        Assert.Equal(TimeSpan.FromMinutes(2), OutboxDispatcher.Backoff(3, options));
        Assert.Equal(TimeSpan.FromHours(6), OutboxDispatcher.Backoff(60, options));
    }
}

public sealed class OutboxDispatcherSqliteTests() : OutboxDispatcherTests(Provider.Sqlite);

public sealed class OutboxDispatcherPostgresTests() : OutboxDispatcherTests(Provider.Postgres);
