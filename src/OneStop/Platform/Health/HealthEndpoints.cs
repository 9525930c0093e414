using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OneStop.Platform.Database;

namespace OneStop.Platform.Health;

/// <summary>
/// /health/live answers while the process runs (for restarts); /health/ready only when the database
/// answers and has every migration applied (for load balancers).
/// </summary>
public static class HealthEndpoints
{
    public static IServiceCollection AddPlatformHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<MigrationsAppliedCheck>("database", tags: ["ready"]);
        return services;
    }

    public static IEndpointRouteBuilder MapPlatformHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false })
            .ExcludeFromDescription();
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") })
            .ExcludeFromDescription();
        // A constant answer with no work behind it: the baseline the benchmark compares pages with.
        endpoints.MapGet("/api/v1/ping", () => TypedResults.Text("pong"))
            .WithTags("Platform").WithSummary("Answers pong; for load balancers and as a benchmark baseline.");
        return endpoints;
    }
}

internal sealed class MigrationsAppliedCheck(OneStopDb db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (!await db.Database.CanConnectAsync(cancellationToken))
                return HealthCheckResult.Unhealthy("The database does not answer.");
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            return pending.Count == 0
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"{pending.Count} migration(s) not applied; run the migrate command.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database check failed.", e);
        }
    }
}
