using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OneStop.Platform.Database;
using OneStop.Platform.Options;

namespace OneStop.Catalogue;

/// <summary>Section <c>Catalogue</c>.</summary>
public sealed class CatalogueOptions
{
    public const string Section = "Catalogue";

    /// <summary>How stale another node's change may be before this node notices it.</summary>
    [TimeRange("00:00:00", "01:00:00")]
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(2);
}

/// <summary>
/// Holds the current <see cref="CatalogueSnapshot"/>. At most once per refresh interval one request
/// reads the revision number; when it has moved, that request rebuilds the snapshot while the others
/// go on with the old one. Nodes stay stateless: a new node simply builds its own.
/// </summary>
public sealed class CatalogueCache(IServiceScopeFactory scopes, TimeProvider time, IOptions<CatalogueOptions> options,
    ILogger<CatalogueCache> logger)
{
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private volatile CatalogueSnapshot? _snapshot;
    private long _checkedAt = long.MinValue;

    public async ValueTask<CatalogueSnapshot> GetAsync(CancellationToken cancellationToken = default)
    {
        var snapshot = _snapshot;
        if (snapshot is not null && !IsDue()) return snapshot;

        if (snapshot is not null)
        {
            // Someone else is already checking: serve what we have.
            if (!await _refreshing.WaitAsync(0, cancellationToken)) return snapshot;
        }
        else
        {
            await _refreshing.WaitAsync(cancellationToken);
        }

        try
        {
            if (_snapshot is not null && !IsDue()) return _snapshot;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<OneStopDb>();
            var revision = await db.CatalogueRevisions.AsNoTracking().Where(r => r.Id == 1).Select(r => r.Value).SingleAsync(cancellationToken);
            if (_snapshot is null || _snapshot.Revision != revision)
                _snapshot = await CatalogueSnapshot.LoadAsync(db, cancellationToken);
            Interlocked.Exchange(ref _checkedAt, time.GetTimestamp());
            return _snapshot;
        }
        catch (Exception e) when (_snapshot is not null && e is not OperationCanceledException)
        {
            // The database is away: keep serving the catalogue we have (it is only seconds stale) and try
            // again after the next interval, rather than failing every search on every node at once.
            logger.LogWarning(e, "Could not refresh the catalogue snapshot; serving revision {Revision}", _snapshot.Revision);
            Interlocked.Exchange(ref _checkedAt, time.GetTimestamp());
            return _snapshot;
        }
        finally
        {
            _refreshing.Release();
        }
    }

    /// <summary>Forget the snapshot, e.g. right after this node changed the catalogue.</summary>
    public void Invalidate() => Interlocked.Exchange(ref _checkedAt, long.MinValue);

    private bool IsDue()
    {
        var checkedAt = Interlocked.Read(ref _checkedAt);
        return checkedAt == long.MinValue || time.GetElapsedTime(checkedAt) >= options.Value.RefreshInterval;
    }
}

/// <summary>Builds the first snapshot while the app starts, so the first visitor does not wait for it.</summary>
internal sealed class CatalogueWarmUp(CatalogueCache cache, ILogger<CatalogueWarmUp> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await cache.GetAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Not fatal: the first request will try again and /health/ready reports the database.
            logger.LogWarning(e, "Could not build the catalogue snapshot at start");
        }
    }
}

/// <summary>
/// Ready only once this node has its catalogue snapshot, so a load balancer does not send searches to
/// a node that would make them wait for the index to be built.
/// </summary>
internal sealed class CatalogueReadyCheck(CatalogueCache cache) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(
        HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var snapshot = await cache.GetAsync(cancellationToken);
            return HealthCheckResult.Healthy($"{snapshot.Services.Length} services indexed");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The catalogue index could not be built.", e);
        }
    }
}
