using System.ComponentModel.DataAnnotations;
using OneStop.Platform.Options;

namespace OneStop.Documents;

/// <summary>Section <c>Documents</c>: signing keys and lifetimes. See docs/documents/ and docs/configuration.md.</summary>
public sealed class DocumentsOptions
{
    public const string Section = "Documents";

    /// <summary>
    /// Departments' signing keys from PFX files. A department not listed signs with a key OneStop generates under its
    /// own CA and keeps in the database (protected with Data Protection). Changing a department's file rotates its
    /// key: documents already issued keep verifying, as every certificate ever used stays on record.
    /// </summary>
    public List<ConfiguredSigningKey> SigningKeys { get; set; } = [];

    /// <summary>How long a generated department certificate is valid before a new one is made.</summary>
    [TimeRange("30.00:00:00", "3650.00:00:00")] public TimeSpan GeneratedKeyLifetime { get; set; } = TimeSpan.FromDays(3 * 365);

    /// <summary>How long a node keeps a department's key in memory before reading it again (so a rotation on one node reaches the others).</summary>
    [TimeRange("00:00:01", "1.00:00:00")] public TimeSpan KeyCacheLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The longest a holder may keep a share link open.</summary>
    [TimeRange("01:00:00", "365.00:00:00")] public TimeSpan MaxShareLifetime { get; set; } = TimeSpan.FromDays(90);

    /// <summary>Largest PDF the public upload check accepts.</summary>
    [Range(1024, 50 * 1024 * 1024)] public int MaxUploadBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>How many days ahead a holder may book a counter appointment.</summary>
    [Range(1, 180)] public int BookingHorizonDays { get; set; } = 30;
}

public sealed class ConfiguredSigningKey
{
    /// <summary>The department's code, e.g. TD.</summary>
    [Required] public string Department { get; set; } = "";
    /// <summary>A PFX with the signing certificate, its ECDSA or RSA private key and, optionally, its chain.</summary>
    [Required] public string Path { get; set; } = "";
    public string? Password { get; set; }
}
