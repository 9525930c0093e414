using System.ComponentModel.DataAnnotations;
using OneStop.Platform.Options;

namespace OneStop.Platform.Scanning;

/// <summary>Section <c>Scanning:ClamAv</c>: a clamd daemon reached over TCP. Off unless a deployment switches it on.</summary>
public sealed class ClamAvOptions : IValidatableObject
{
    public const string Section = "Scanning:ClamAv";

    public bool Enabled { get; set; }

    public string Host { get; set; } = "localhost";

    [Range(1, 65535)] public int Port { get; set; } = 3310;

    /// <summary>How long to wait for clamd to accept the connection.</summary>
    [TimeRange("00:00:01", "00:01:00")] public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a whole scan may take once connected: sending the file and waiting for the verdict.</summary>
    [TimeRange("00:00:01", "00:10:00")] public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Bytes sent per INSTREAM chunk. clamd's StreamMaxLength limits the whole file, not the chunk.</summary>
    [Range(1024, 4 * 1024 * 1024)] public int ChunkSize { get; set; } = 64 * 1024;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Enabled && string.IsNullOrWhiteSpace(Host))
            yield return new ValidationResult("Scanning:ClamAv:Host is required when Scanning:ClamAv:Enabled is true.", [nameof(Host)]);
    }
}
