using Microsoft.AspNetCore;
using System.Collections.Immutable;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;
using OneStop.Platform.Web;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace OneStop.Identity.Oidc;

/// <summary>OneStop as an OpenID Connect provider for other systems, built on OpenIddict. See docs/identity/oidc.md.</summary>
public static class OidcSetup
{
    public const string AuthorizePath = "connect/authorize";
    public const string TokenPath = "connect/token";
    public const string UserInfoPath = "connect/userinfo";
    public const string EndSessionPath = "connect/endsession";

    /// <summary>Machine clients ask for this scope to call OneStop's own APIs (see the whoami example).</summary>
    public const string ApiScope = "onestop.api";

    public static IServiceCollection AddOidc(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<OidcOptions>().Bind(configuration.GetSection(OidcOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        var options = configuration.GetSection(OidcOptions.Section).Get<OidcOptions>() ?? new();
        var site = configuration.GetSection(SiteOptions.Section).Get<SiteOptions>() ?? new();

        services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<OneStopDb>())
            .AddServer(o =>
            {
                o.SetAuthorizationEndpointUris(AuthorizePath).SetTokenEndpointUris(TokenPath)
                 .SetUserInfoEndpointUris(UserInfoPath).SetEndSessionEndpointUris(EndSessionPath);
                o.AllowAuthorizationCodeFlow().AllowClientCredentialsFlow().AllowRefreshTokenFlow();
                o.RequireProofKeyForCodeExchange();
                o.RegisterScopes([Scopes.OpenId, Scopes.OfflineAccess, ApiScope, .. Profile.ProfileFields.ByScope.Keys]);
                o.RegisterClaims([Claims.AuthenticationContextReference, Claims.AuthenticationMethodReference, Claims.AuthenticationTime,
                    Claims.Name, Claims.Locale, Claims.Email, Claims.EmailVerified, Claims.PhoneNumber, Claims.PhoneNumberVerified,
                    Claims.Address, Claims.Birthdate, "hkid"]);
                // JWT access tokens, signed and not encrypted, so that integrators' APIs can validate them with the JWKS.
                o.DisableAccessTokenEncryption();
                o.SetAccessTokenLifetime(options.AccessTokenLifetime).SetIdentityTokenLifetime(options.IdentityTokenLifetime)
                 .SetAuthorizationCodeLifetime(options.AuthorizationCodeLifetime).SetRefreshTokenLifetime(options.RefreshTokenLifetime)
                 .SetRefreshTokenReuseLeeway(options.RefreshTokenReuseLeeway);
                if (OidcIssuer.Configured(site) is { } issuer) o.SetIssuer(issuer.AbsoluteUri);
                o.Configure(s =>
                {
                    // S256 only: "plain" sends the verifier's equal down the front channel.
                    s.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain);
                    // Only query: form_post needs an inline script and a cross-origin form post, which our CSP forbids.
                    s.ResponseModes.Clear();
                    s.ResponseModes.Add(ResponseModes.Query);
                    s.PromptValues.Remove(PromptValues.SelectAccount);
                    s.SubjectTypes.Clear();
                    s.SubjectTypes.Add(SubjectTypes.Pairwise);
                    s.ClientAuthenticationMethods.Add(ClientAuthenticationMethods.ClientSecretBasic);
                });
                // The language prefix is in PathBase; endpoints and the issuer are the same in every language.
                o.AddEventHandler<OpenIddictServerEvents.ProcessRequestContext>(b => b
                    .UseInlineHandler(context =>
                    {
                        if (context.Transaction.GetHttpRequest() is not { } request) return default;
                        var root = OidcIssuer.RequestRoot(request);
                        context.BaseUri = root;
                        context.RequestUri = new Uri(root, request.Path.ToUriComponent().TrimStart('/') + request.QueryString.ToUriComponent());
                        return default;
                    })
                    .SetOrder(OpenIddictServerAspNetCoreHandlers.ResolveRequestUri.Descriptor.Order + 1)
                    .SetType(OpenIddictServerHandlerType.Custom));
                o.AddEventHandler<OpenIddictServerEvents.HandleConfigurationRequestContext>(b => b
                    .UseInlineHandler(context =>
                    {
                        context.Metadata["acr_values_supported"] = ImmutableArray.Create<string?>(
                            AssuranceLevel.Basic.AcrValue(), AssuranceLevel.Verified.AcrValue(), AssuranceLevel.Advanced.AcrValue());
                        context.Metadata["backchannel_logout_supported"] = true;
                        context.Metadata["backchannel_logout_session_supported"] = false;
                        return default;
                    })
                    .SetType(OpenIddictServerHandlerType.Custom));
                var aspNet = o.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough().EnableTokenEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough().EnableEndSessionEndpointPassthrough()
                    .EnableStatusCodePagesIntegration();
                if (!environment.IsProduction()) aspNet.DisableTransportSecurityRequirement();
            })
            .AddValidation(o =>
            {
                o.UseLocalServer();
                o.UseAspNetCore();
                // A token revoked (reuse detected, sign-out) stops working at once, not when it expires.
                o.EnableTokenEntryValidation();
                o.EnableAuthorizationEntryValidation();
            });

        services.AddSingleton<OidcCredentials>();
        services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>>(sp => sp.GetRequiredService<OidcCredentials>());
        services.AddSingleton<IPostConfigureOptions<OpenIddictServerOptions>>(sp => sp.GetRequiredService<OidcCredentials>());
        services.AddScoped<OidcKeyStore>();
        services.AddSingleton<PairwiseSubjects>();
        services.AddScoped<OidcClients>();
        services.AddScoped<OidcClaims>();
        services.AddScoped<OidcIssuer>();
        services.AddScoped<BackChannelLogout>();
        services.AddHttpClient(BackChannelLogout.HttpClientName, c => c.Timeout = options.BackChannelLogoutTimeout)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });

        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o =>
        {
            var signingIn = o.Events.OnSigningIn;
            o.Events.OnSigningIn = async context =>
            {
                OidcSession.OnSigningIn(context);
                await signingIn(context);
            };
            var signingOut = o.Events.OnSigningOut;
            o.Events.OnSigningOut = async context =>
            {
                await NotifyClientsAsync(context.HttpContext);
                await signingOut(context);
            };
        });
        return services;
    }

    public static IEndpointRouteBuilder MapOidc(this IEndpointRouteBuilder endpoints)
    {
        OidcEndpoints.Map(endpoints);
        return endpoints;
    }

    private static async Task NotifyClientsAsync(HttpContext context)
    {
        if (context.User.UserId() is not { } userId) return;
        try
        {
            await context.RequestServices.GetRequiredService<BackChannelLogout>().SignedOutAsync(userId, context.RequestAborted);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Signing out of OneStop must work even when telling the clients does not.
            context.RequestServices.GetRequiredService<ILogger<BackChannelLogout>>().LogError(e, "Back-channel logout failed");
        }
    }
}

/// <summary>
/// Loads the persisted keys into OpenIddict, making them on first start. OpenIddict signs and encrypts
/// with the first credential of each list and sorts the lists after configuration (raw RSA keys all
/// compare equal there), so the post-configure step puts the current key first again.
/// </summary>
internal sealed class OidcCredentials(IServiceScopeFactory scopes) : IConfigureOptions<OpenIddictServerOptions>, IPostConfigureOptions<OpenIddictServerOptions>
{
    private readonly List<string> _order = [];

    public void Configure(OpenIddictServerOptions options)
    {
        using var scope = scopes.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<OidcKeyStore>();
        store.EnsureKeys();
        var credentials = store.Load();
        _order.Clear();
        _order.AddRange(credentials.Signing.Concat(credentials.Encryption).Select(k => k.KeyId));
        foreach (var key in credentials.Signing) options.SigningCredentials.Add(new SigningCredentials(key, SecurityAlgorithms.RsaSha256));
        foreach (var key in credentials.Encryption)
            options.EncryptionCredentials.Add(new EncryptingCredentials(key, SecurityAlgorithms.RsaOAEP, SecurityAlgorithms.Aes256CbcHmacSha512));
    }

    public void PostConfigure(string? name, OpenIddictServerOptions options)
    {
        options.SigningCredentials.Sort((a, b) => Rank(a.Key).CompareTo(Rank(b.Key)));
        options.EncryptionCredentials.Sort((a, b) => Rank(a.Key).CompareTo(Rank(b.Key)));
    }

    private int Rank(SecurityKey key) => _order.IndexOf(key.KeyId) is var i and >= 0 ? i : int.MaxValue;
}
