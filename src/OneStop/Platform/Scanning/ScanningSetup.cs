using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OneStop.Platform.Scanning;

public static class ScanningSetup
{
    /// <summary>
    /// <see cref="IVirusScanner"/>: clamd when <c>Scanning:ClamAv:Enabled</c>, otherwise a scanner that
    /// answers NotScanned. With clamd, a "clamav" check tagged "ready" pings it.
    /// </summary>
    public static IServiceCollection AddVirusScanning(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ClamAvOptions>().Bind(configuration.GetSection(ClamAvOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        if (configuration.GetSection(ClamAvOptions.Section).GetValue<bool>(nameof(ClamAvOptions.Enabled)))
        {
            services.AddSingleton<ClamAvScanner>();
            services.AddSingleton<IVirusScanner>(s => s.GetRequiredService<ClamAvScanner>());
            // Degraded, not Unhealthy: clamd being down should stop uploads (they fail closed), not take
            // every node out of the load balancer and with it every service that needs no upload.
            services.AddHealthChecks().AddCheck<ClamAvHealthCheck>("clamav", HealthStatus.Degraded, tags: ["ready"]);
        }
        else
        {
            services.AddSingleton<IVirusScanner, NotScanningScanner>();
        }
        return services;
    }
}

internal sealed class ClamAvHealthCheck(ClamAvScanner scanner) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await scanner.PingAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : new HealthCheckResult(context.Registration.FailureStatus, "clamd does not answer PING; uploads cannot be scanned.");
}
