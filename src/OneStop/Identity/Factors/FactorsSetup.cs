using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OneStop.Platform.Web;

namespace OneStop.Identity.Factors;

/// <summary>
/// Second factors for OneStop ID: authenticator-app codes (TOTP) with recovery codes, passkeys, the
/// second step of sign-in, step-up to a higher assurance level, and notices of new devices.
/// </summary>
public static class FactorsSetup
{
    public static IServiceCollection AddFactors(this IServiceCollection services)
    {
        // Identity's own authenticator provider reads DateTimeOffset.UtcNow and accepts a code again and
        // again for 90 seconds; ours reads the injected clock and takes each code once.
        services.AddTransient<ClockedAuthenticatorTokenProvider>();
        services.Configure<IdentityOptions>(o =>
        {
            o.Tokens.ProviderMap[TokenOptions.DefaultAuthenticatorProvider] = new TokenProviderDescriptor(typeof(ClockedAuthenticatorTokenProvider));
            o.Tokens.AuthenticatorTokenProvider = TokenOptions.DefaultAuthenticatorProvider;
        });

        services.TryAddScoped<IPasskeyHandler<OneStopUser>, PasskeyHandler<OneStopUser>>();
        services.AddOptions<IdentityPasskeyOptions>().Configure<IOptions<SiteOptions>>((o, site) =>
        {
            var publicOrigin = site.Value.PublicOrigin is { Length: > 0 } configured ? new Uri(configured) : null;
            // Behind a proxy the Host header is the proxy's business; the public origin is ours.
            o.ServerDomain = publicOrigin?.Host;
            o.UserVerificationRequirement = "required";
            o.ResidentKeyRequirement = "required";
            o.ValidateOrigin = context =>
            {
                var request = context.HttpContext.Request;
                var expected = publicOrigin?.GetLeftPart(UriPartial.Authority) ?? $"{request.Scheme}://{request.Host}";
                return ValueTask.FromResult(!context.CrossOrigin && string.Equals(context.Origin, expected, StringComparison.OrdinalIgnoreCase));
            };
        });
        services.AddScoped<PasskeyCeremony>();
        services.AddScoped<SessionMethods>();
        services.AddScoped<FactorRemoval>();
        services.AddScoped<KnownDevices>();

        // Identity rebuilds the session from the database every Identity:SessionCheckInterval and drops
        // the amr claims on the way; without them an Advanced session would fall to Verified a minute later.
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            var previous = o.OnRefreshingPrincipal;
            o.OnRefreshingPrincipal = async context =>
            {
                if (previous is not null) await previous(context);
                SessionMethods.Carry(context.CurrentPrincipal, context.NewPrincipal);
            };
        });

        services.ConfigureApplicationCookie(o =>
        {
            var previous = o.Events.OnSignedIn;
            o.Events.OnSignedIn = async context =>
            {
                await previous(context);
                await context.HttpContext.RequestServices.GetRequiredService<KnownDevices>().SignedInAsync(context.HttpContext, context.Principal, context.HttpContext.RequestAborted);
            };
        });

        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, StepUpResultHandler>();
        return services;
    }
}
