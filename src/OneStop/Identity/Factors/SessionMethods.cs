using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace OneStop.Identity.Factors;

/// <summary>
/// The session's authentication methods, as RFC 8176 <c>amr</c> claims on the session cookie. They say
/// what was used in this session; <see cref="Assurance.Of"/> reads them. Identity itself writes
/// <c>pwd</c> for a password (and, wrongly for us, for a passkey sign-in) and <c>mfa</c> after any second
/// factor, recovery codes included; so OneStop signs in with its own, precise list.
/// </summary>
public sealed class SessionMethods(SignInManager<OneStopUser> signIn, IHttpContextAccessor http)
{
    public const string ClaimType = "amr";
    public const string Password = "pwd";
    public const string OneTimePassword = "otp";
    public const string HardwareKey = "hwk";
    public const string SoftwareKey = "swk";
    public const string MultiFactor = "mfa";

    /// <summary>A passkey that can be synced between devices lives in software; one that cannot, in hardware.</summary>
    public static string ForPasskey(UserPasskeyInfo passkey) => passkey.IsBackupEligible ? SoftwareKey : HardwareKey;

    public Task SignInAsync(OneStopUser user, params string[] methods) =>
        signIn.SignInWithClaimsAsync(user, isPersistent: false, Claims(methods));

    /// <summary>
    /// Adds methods just used (step-up, or a factor just set up) to the current session, keeping those
    /// already there, and re-issues the cookie from the database (so a changed security stamp is taken too).
    /// </summary>
    public async Task AddAsync(OneStopUser user, params string[] methods)
    {
        var current = await http.HttpContext!.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var existing = current.Principal?.FindAll(ClaimType).Select(c => c.Value) ?? [];
        await signIn.SignInWithClaimsAsync(user, current.Properties, Claims([.. methods, .. existing]));
    }

    public static IEnumerable<Claim> Claims(IEnumerable<string> methods)
    {
        var distinct = methods.Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count(m => m != MultiFactor) > 1 && !distinct.Contains(MultiFactor)) distinct.Add(MultiFactor);
        // Strong methods first: Identity's RefreshSignInAsync (after a password change) keeps only the first amr claim.
        return distinct.OrderBy(m => Assurance.StrongMethods.Contains(m) ? 0 : m == MultiFactor ? 2 : 1).Select(m => new Claim(ClaimType, m)).ToList();
    }

    /// <summary>Copies the methods of a session onto the principal that replaces it when Identity rebuilds it.</summary>
    public static void Carry(ClaimsPrincipal? from, ClaimsPrincipal? to)
    {
        if (from is null || to?.Identities.FirstOrDefault() is not { } identity) return;
        foreach (var claim in from.FindAll(ClaimType))
        {
            if (!to.HasClaim(ClaimType, claim.Value)) identity.AddClaim(new Claim(ClaimType, claim.Value));
        }
    }
}
