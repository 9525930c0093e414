using System.ComponentModel.DataAnnotations;
using OneStop.Platform.Options;

namespace OneStop.Identity;

/// <summary>Section <c>Identity</c>: how long sessions last and how hard guessing is made. See docs/configuration.md.</summary>
public sealed class IdentityModuleOptions
{
    public const string Section = "Identity";

    /// <summary>NIST SP 800-63B-4 asks for 15 where a password is the only factor, which it is for most citizens.</summary>
    [Range(8, 64)] public int PasswordMinimumLength { get; set; } = 15;

    /// <summary>A citizen's session ends after this long without a request.</summary>
    [TimeRange("00:01:00", "1.00:00:00")] public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromMinutes(60);

    /// <summary>Failed passwords in a row before the account is locked for <see cref="LockoutDuration"/>.</summary>
    [Range(3, 20)] public int MaxFailedAttempts { get; set; } = 5;

    [TimeRange("00:01:00", "1.00:00:00")] public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Sign-in, registration and reset posts allowed per client address per minute, on each node.</summary>
    [Range(1, 100_000)] public int AttemptsPerMinute { get; set; } = 10;

    /// <summary>How soon "sign out everywhere" and a password change end sessions on other devices.</summary>
    [TimeRange("00:00:00", "01:00:00")] public TimeSpan SessionCheckInterval { get; set; } = TimeSpan.FromMinutes(1);
}
