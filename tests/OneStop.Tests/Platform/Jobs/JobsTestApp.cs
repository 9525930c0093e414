using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Platform.Database;
using OneStop.Platform.Jobs;
using OneStop.Platform.Outbox;

namespace OneStop.Tests.Platform.Jobs;

/// <summary>
/// What the recording handler did, shared by every node of a test: calls per message and which node made
/// them, how many of the first calls fail, and an optional gate that holds handlers until enough run at once.
/// </summary>
public sealed class JobsScript
{
    public ConcurrentDictionary<long, int> Calls { get; } = new();
    public ConcurrentDictionary<long, string> HandledBy { get; } = new();
    public int FailFirst { get; set; }

    /// <summary>When set, each handler waits until this many are inside at once (or the gate has opened).</summary>
    public int? OpenGateAt { get; set; }
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _inside;
    public int MostAtOnce { get; private set; }

    public int CallsTo(long id) => Calls.GetValueOrDefault(id);

    internal async Task EnterAsync(CancellationToken cancellationToken)
    {
        var inside = Interlocked.Increment(ref _inside);
        lock (_gate) MostAtOnce = Math.Max(MostAtOnce, inside);
        try
        {
            if (OpenGateAt is { } n)
            {
                if (inside >= n) _gate.TrySetResult();
                // Real time, only as a guard: without parallelism the gate never opens and the test fails here.
                await _gate.Task.WaitAsync(TimeSpan.FromSeconds(20), cancellationToken);
            }
            else
            {
                // Hands the thread over, so that the other node gets its turn mid-message.
                await Task.Yield();
            }
        }
        finally
        {
            Interlocked.Decrement(ref _inside);
        }
    }
}

/// <summary>Names the node (app instance) a handler runs on.</summary>
public sealed record NodeName(string Value);

public sealed class RecordingHandler(JobsScript script, NodeName node) : IOutboxHandler
{
    public const string TestTopic = "test.jobs";
    public string Topic => TestTopic;

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var call = script.Calls.AddOrUpdate(message.Id, 1, (_, n) => n + 1);
        script.HandledBy[message.Id] = node.Value;
        await script.EnterAsync(cancellationToken);
        if (call <= script.FailFirst) throw new InvalidOperationException("mailbox person@example.com is full");
    }
}

/// <summary>The portal with <see cref="RecordingHandler"/>, three attempts before parking, and a second node on demand.</summary>
public sealed class JobsTestApp : OneStopApp
{
    private readonly string _node;

    public JobsTestApp(Provider provider) : base(provider, seed: false)
    {
        _node = "first";
        Script = new JobsScript();
    }

    private JobsTestApp(JobsTestApp first) : base(first)
    {
        _node = "second";
        Script = first.Script;
    }

    public JobsScript Script { get; }

    /// <summary>Another app instance on this one's database and clock, sharing <see cref="Script"/>.</summary>
    public JobsTestApp SecondNode()
    {
        // This node starts first: it migrates the database the second one expects.
        _ = Services;
        return new(this);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Outbox:MaxAttempts", "3");
        builder.UseSetting("Outbox:FirstRetryDelay", "00:00:30");
        builder.UseSetting("Outbox:LockDuration", "00:05:00");
        builder.UseSetting("Jobs:PassLease", "00:10:00");
        builder.ConfigureServices(services =>
        {
            services.AddSingleton(Script);
            services.AddSingleton(new NodeName(_node));
            services.AddOutboxHandler<RecordingHandler>();
        });
    }

    public Task<bool> RunOutboxAsync() => Services.GetRequiredService<OutboxDispatcher>().RunOnceAsync(TestContext.Current.CancellationToken);

    /// <summary>Adds <paramref name="count"/> messages for <see cref="RecordingHandler"/> in one transaction; their ids.</summary>
    public async Task<IReadOnlyList<long>> AddMessagesAsync(int count = 1)
    {
        await using var scope = Services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<OneStop.Platform.Outbox.Outbox>();
        var messages = Enumerable.Range(0, count).Select(i => outbox.Add(RecordingHandler.TestTopic, new { Thing = i })).ToList();
        await scope.ServiceProvider.GetRequiredService<OneStopDb>().SaveChangesAsync(TestContext.Current.CancellationToken);
        return messages.Select(m => m.Id).ToList();
    }

    public async Task<OutboxMessage> MessageAsync(long id)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OneStopDb>().Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Id == id, TestContext.Current.CancellationToken);
    }

    public async Task<T> DbAsync<T>(Func<OneStopDb, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<OneStopDb>());
    }

    /// <summary>Fails a message until it is parked (three attempts, a day apart on the fake clock).</summary>
    public async Task<long> ParkedMessageAsync()
    {
        var id = (await AddMessagesAsync())[0];
        Script.FailFirst = int.MaxValue;
        for (var i = 0; i < 3; i++)
        {
            await RunOutboxAsync();
            Clock.Advance(TimeSpan.FromDays(1));
        }
        Script.FailFirst = 0;
        return id;
    }
}

/// <summary>A recurring job that counts its passes; it can hold a pass open until told, or throw.</summary>
public sealed class CountingJob(string name) : IRecurringJob
{
    private int _passes;
    public string Name => name;
    public bool Enabled => true;
    public TimeSpan Interval => TimeSpan.FromMinutes(10);
    public int Passes => _passes;
    public bool Throw { get; set; }
    public bool More { get; set; }

    /// <summary>When set, a pass signals <see cref="Entered"/> and waits for this before it returns.</summary>
    public TaskCompletionSource? Hold { get; set; }
    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task<bool> RunOnceAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _passes);
        Entered.TrySetResult();
        if (Hold is { } hold) await hold.Task.WaitAsync(cancellationToken);
        if (Throw) throw new InvalidOperationException("pass failed");
        return More;
    }
}
