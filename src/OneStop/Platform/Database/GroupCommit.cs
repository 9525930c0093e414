using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;

namespace OneStop.Platform.Database;

/// <summary>The shared transaction a unit of work joined did not commit; nothing of it was stored.</summary>
public sealed class GroupCommitFailedException(Exception inner) : Exception("A group commit failed; nothing of this unit of work was stored.", inner);

/// <summary>
/// Commits the new rows of concurrent requests in one transaction (singleton). A database spends most of a short
/// insert on the transaction around it (BEGIN, COMMIT, the wait for the log to reach the disk) and the app on the
/// round trips; here a request's rows wait while the previous group commits, then go with everyone who arrived
/// in the meantime. Each caller returns only after the commit that holds its rows, so an acknowledgement still
/// means stored. When the group fails (e.g. one row breaks a unique index) every caller gets
/// <see cref="GroupCommitFailedException"/> and stores its unit of work again on its own.
/// Only inserts join: a unit of work that changes or deletes rows commits by itself.
/// </summary>
public sealed class GroupCommit(IServiceScopeFactory scopes, Microsoft.Extensions.Options.IOptions<DatabaseOptions> database) : IAsyncDisposable
{
    private const int MaxGroup = 128;

    private sealed record Pending(IReadOnlyList<object> Rows, TaskCompletionSource Done);

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>();
    private readonly Lock _start = new();
    private Task[]? _writers;

    /// <summary>True when every change <paramref name="db"/> tracks is a new row that can move to another context.</summary>
    public static bool CanJoin(DbContext db) => db.ChangeTracker.Entries().All(e => e.State == EntityState.Added && Movable(e.Metadata));

    // A value EF Core keeps beside the object (a shadow property) would not move with it; the model never changes, so each type is looked at once.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, bool> Movables = new();

    private static bool Movable(Microsoft.EntityFrameworkCore.Metadata.IEntityType type) =>
        Movables.GetOrAdd(type.ClrType, _ => !type.GetProperties().Any(p => p.IsShadowProperty() && !p.IsKey()));

    /// <summary>
    /// Commits the rows <paramref name="db"/> tracks (see <see cref="CanJoin"/>) with others', and stops tracking them.
    /// Keys the database generates are set on the row objects when this returns.
    /// </summary>
    public async Task SaveAsync(DbContext db, CancellationToken cancellationToken)
    {
        if (!CanJoin(db)) throw new InvalidOperationException("Only new rows can join a group commit.");
        var rows = db.ChangeTracker.Entries().Select(e => e.Entity).ToList();
        db.ChangeTracker.Clear();
        var pending = new Pending(rows, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        EnsureWriters();
        if (!_queue.Writer.TryWrite(pending)) throw new ObjectDisposedException(nameof(GroupCommit));
        // Once queued the rows are committed or not whatever the caller does; it waits for the outcome either way.
        await pending.Done.Task.WaitAsync(cancellationToken);
    }

    private void EnsureWriters()
    {
        if (_writers is not null) return;
        lock (_start) _writers ??= Enumerable.Range(0, Writers).Select(_ => Task.Run(WriteAsync)).ToArray();
    }

    // PostgreSQL: four writers, so groups are sent while others wait for their commits. SQLite lets one writer in at
    // a time; more would only queue for its lock (and keep a reference-number block waiting behind them).
    private int Writers => database.Value.Provider == DatabaseProvider.Postgres ? 4 : 1;

    private async Task WriteAsync()
    {
        var group = new List<Pending>(MaxGroup);
        while (await _queue.Reader.WaitToReadAsync())
        {
            group.Clear();
            while (group.Count < MaxGroup && _queue.Reader.TryRead(out var pending)) group.Add(pending);
            if (group.Count == 0) continue;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<OneStopDb>();
                foreach (var pending in group) db.AddRange(pending.Rows);
                await db.SaveChangesAsync(CancellationToken.None);
                foreach (var pending in group) pending.Done.TrySetResult();
            }
            catch (Exception e)
            {
                foreach (var pending in group) pending.Done.TrySetException(new GroupCommitFailedException(e));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_writers is not null) await Task.WhenAll(_writers);
    }
}
