using System.ComponentModel.DataAnnotations;
using OneStop.Platform.Options;

namespace OneStop.Identity.Profile;

/// <summary>Section <c>Profile</c>: the e-ME profile, identity verification and consent requests. See docs/configuration.md.</summary>
public sealed class ProfileOptions
{
    public const string Section = "Profile";

    /// <summary>Failed identity checks an account may make in 24 hours; past it, the page refuses until the oldest failure is a day old.</summary>
    [Range(1, 100)] public int VerificationFailuresPerDay { get; set; } = 5;

    /// <summary>How long a department's consent request waits for the person's answer.</summary>
    [TimeRange("00:01:00", "1.00:00:00")] public TimeSpan ConsentRequestLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Optional base64 key (32 bytes or more) for the identity-card blind index. Unset, a random key is made on first
    /// use and kept in the database, encrypted with Data Protection. Set it only before the first profile is verified.
    /// </summary>
    [MinLength(44)] public string? IdentityCardIndexKey { get; set; }
}

/// <summary>Section <c>PopulationRegistry</c>: which registry proves identities.</summary>
public sealed class PopulationRegistryOptions
{
    public const string Section = "PopulationRegistry";

    public RegistryProvider Provider { get; set; } = RegistryProvider.Sandbox;

    /// <summary>Base address of the registry's matching API; required for <see cref="RegistryProvider.Http"/>.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>Sent as a bearer token, when set.</summary>
    public string? ApiKey { get; set; }

    [TimeRange("00:00:01", "00:01:00")] public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}

public enum RegistryProvider
{
    /// <summary>Fictional residents shipped with OneStop (Identity/Profile/Registry/sandbox-residents.json).</summary>
    Sandbox,

    /// <summary>A registry that answers the HTTP contract in docs/identity/profile.md.</summary>
    Http,
}
