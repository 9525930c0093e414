using System.ComponentModel.DataAnnotations;
using OneStop.Platform.Options;

namespace OneStop.Identity.Signing;

/// <summary>Section <c>Signing</c>: where the certificate authority comes from and how long things last. See docs/identity/signing.md.</summary>
public sealed class SigningOptions
{
    public const string Section = "Signing";

    /// <summary>
    /// A PFX holding the issuing CA's certificate and private key (and, optionally, the chain up to its root).
    /// Required in Production; without it the app generates its own CA and keeps it in the database.
    /// </summary>
    public string? CaCertificatePath { get; set; }
    public string? CaCertificatePassword { get; set; }

    /// <summary>How long a person's signing certificate is valid (never past the CA's own expiry).</summary>
    [TimeRange("1.00:00:00", "3650.00:00:00")] public TimeSpan CertificateLifetime { get; set; } = TimeSpan.FromDays(730);

    /// <summary>How long a signing request can wait for the person to confirm it.</summary>
    [TimeRange("00:01:00", "7.00:00:00")] public TimeSpan RequestLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Largest document the public verification page and API accept.</summary>
    [Range(1, 100 * 1024 * 1024)] public int MaxDocumentBytes { get; set; } = 20 * 1024 * 1024;
}
