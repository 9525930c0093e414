using System.Security.Claims;

namespace OneStop.Identity;

/// <summary>
/// How sure OneStop is that a session belongs to the person it names. Every token states it (OIDC
/// <c>acr</c>) and every service checks it. Ordered: a higher level satisfies a lower requirement.
/// </summary>
public enum AssuranceLevel
{
    None = 0,
    /// <summary>Email confirmed.</summary>
    Basic = 1,
    /// <summary>Identity proved against the population registry or at a counter.</summary>
    Verified = 2,
    /// <summary>Verified, and this session used a passkey or an authenticator code.</summary>
    Advanced = 3,
}

public static class Assurance
{
    /// <summary>Claim on the session cookie: the identity was proved (any value means yes).</summary>
    public const string VerifiedClaim = "onestop:verified";

    /// <summary>
    /// Authentication method references (RFC 8176) that make a session Advanced: an authenticator-app code
    /// (otp) or a passkey (hwk, or swk for one that syncs). Not "mfa": Identity writes it after any second
    /// factor, recovery codes and emailed codes included (see Factors/SessionMethods).
    /// </summary>
    public static readonly string[] StrongMethods = ["otp", "hwk", "swk"];

    public static AssuranceLevel Of(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true) return AssuranceLevel.None;
        if (!user.HasClaim(c => c.Type == VerifiedClaim)) return AssuranceLevel.Basic;
        var strong = user.FindAll("amr").Any(c => StrongMethods.Contains(c.Value));
        return strong ? AssuranceLevel.Advanced : AssuranceLevel.Verified;
    }

    /// <summary>The value used in <c>acr</c> claims and <c>acr_values</c>: basic, verified, advanced.</summary>
    public static string AcrValue(this AssuranceLevel level) => level.ToString().ToLowerInvariant();

    public static AssuranceLevel? FromAcr(string? value) => value switch
    {
        "basic" => AssuranceLevel.Basic,
        "verified" => AssuranceLevel.Verified,
        "advanced" => AssuranceLevel.Advanced,
        _ => null,
    };

    public static Guid? UserId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
}
