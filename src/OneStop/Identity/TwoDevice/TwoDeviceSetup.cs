using Microsoft.Extensions.DependencyInjection.Extensions;

namespace OneStop.Identity.TwoDevice;

/// <summary>Sign in on a computer with a phone that is already signed in (QR code, short code, approve on the phone).</summary>
public static class TwoDeviceSetup
{
    /// <summary>The computer's proof that it started a request: a random value whose SHA-256 the request row keeps.</summary>
    public const string BrowserCookie = "onestop-phone-sign-in";

    public static IServiceCollection AddTwoDeviceSignIn(this IServiceCollection services)
    {
        services.AddScoped<PhoneSignIns>();
        // The OIDC provider replaces this with one that names the client of an authorization request.
        services.TryAddScoped<ISignInServiceNames, PortalServiceNames>();
        return services;
    }
}

/// <summary>
/// Names the service a sign-in is for, from the local URL the person goes to afterwards (for example an
/// OIDC authorization request naming its client). Null means the portal itself.
/// </summary>
public interface ISignInServiceNames
{
    ValueTask<string?> NameForAsync(string returnUrl, CancellationToken cancellationToken);
}

internal sealed class PortalServiceNames : ISignInServiceNames
{
    public ValueTask<string?> NameForAsync(string returnUrl, CancellationToken cancellationToken) => ValueTask.FromResult<string?>(null);
}

/// <summary>What a computer session signed in by a phone carries.</summary>
public static class ComputerSession
{
    /// <summary>RFC 8176 "multiple-channel authentication": the person proved themselves on a second device.</summary>
    public const string Method = "mca";
}
