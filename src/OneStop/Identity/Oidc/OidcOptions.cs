using System.ComponentModel.DataAnnotations;
using OneStop.Platform.Options;

namespace OneStop.Identity.Oidc;

/// <summary>Section <c>Oidc</c>: token lifetimes and how OneStop talks to other systems. See docs/identity/oidc.md.</summary>
public sealed class OidcOptions
{
    public const string Section = "Oidc";

    /// <summary>JWT access tokens cannot be recalled once issued, so they are short.</summary>
    [TimeRange("00:01:00", "1.00:00:00")] public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long a node trusts an access token's entry it has found valid before reading it again. A token revoked on
    /// this node stops at once; on another node within this time. Zero reads the entry on every request.
    /// </summary>
    [TimeRange("00:00:00", "00:01:00")] public TimeSpan TokenEntryCheckInterval { get; set; } = TimeSpan.FromSeconds(2);

    [TimeRange("00:01:00", "1.00:00:00")] public TimeSpan IdentityTokenLifetime { get; set; } = TimeSpan.FromMinutes(10);

    [TimeRange("00:00:30", "00:10:00")] public TimeSpan AuthorizationCodeLifetime { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Each use rotates the refresh token; this is how long one lasts unused.</summary>
    [TimeRange("00:05:00", "90.00:00:00")] public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>
    /// A refresh token used again within this time after its first use is treated as a retry (a lost
    /// response), not as theft. After it, reuse revokes every token of that sign-in.
    /// </summary>
    [TimeRange("00:00:00", "00:01:00")] public TimeSpan RefreshTokenReuseLeeway { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a consent given on the consent screen lasts; the person can revoke it sooner.</summary>
    [TimeRange("1.00:00:00", "3650.00:00:00")] public TimeSpan ConsentDuration { get; set; } = TimeSpan.FromDays(365);

    /// <summary>How long sign-out waits for each client's back-channel logout endpoint.</summary>
    [TimeRange("00:00:01", "00:00:30")] public TimeSpan BackChannelLogoutTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often each node re-reads the keys, so that a rotation reaches it without a restart.</summary>
    [TimeRange("00:00:10", "01:00:00")] public TimeSpan KeyRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The longest any token signed or encrypted with a key lives: a retired key stays published this long.</summary>
    public TimeSpan RetiredKeyRetention => new[] { AccessTokenLifetime, IdentityTokenLifetime, AuthorizationCodeLifetime, RefreshTokenLifetime }.Max();
}
