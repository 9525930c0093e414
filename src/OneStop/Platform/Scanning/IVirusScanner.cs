namespace OneStop.Platform.Scanning;

/// <summary>Checks a file for malware before anyone else (an officer, another system) opens it.</summary>
public interface IVirusScanner
{
    /// <summary>
    /// Scans <paramref name="content"/> from its current position to its end. Never throws for a scanner
    /// problem (unreachable, timed out, refused): that is <see cref="ScanResult.Failed"/>. Throws
    /// <see cref="OperationCanceledException"/> only when <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    Task<ScanResult> ScanAsync(Stream content, CancellationToken cancellationToken = default);
}

public enum ScanOutcome
{
    /// <summary>A scanner read the whole file and found nothing.</summary>
    Clean,
    /// <summary>A scanner found malware; <see cref="ScanResult.Infected.Signature"/> names it.</summary>
    Infected,
    /// <summary>No scanner is configured. Not the same as clean: record it, so the file can be scanned later.</summary>
    NotScanned,
    /// <summary>A scanner is configured but gave no verdict; treat the file as unsafe and ask the person to try again later.</summary>
    Failed,
}

/// <summary>What a scan found. Match on the nested types, or store <see cref="Outcome"/>.</summary>
public abstract record ScanResult(ScanOutcome Outcome)
{
    public sealed record Clean() : ScanResult(ScanOutcome.Clean);

    public sealed record Infected(string Signature) : ScanResult(ScanOutcome.Infected);

    public sealed record NotScanned() : ScanResult(ScanOutcome.NotScanned);

    /// <summary><see cref="Reason"/> is for logs and operators, not for citizens.</summary>
    public sealed record Failed(string Reason) : ScanResult(ScanOutcome.Failed);
}

/// <summary>Used when no scanner is switched on. Says "not scanned", never "clean".</summary>
public sealed class NotScanningScanner : IVirusScanner
{
    public Task<ScanResult> ScanAsync(Stream content, CancellationToken cancellationToken = default) =>
        Task.FromResult<ScanResult>(new ScanResult.NotScanned());
}
