using Microsoft.AspNetCore;
using System.Collections.Immutable;
using System.Data.Common;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
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

    /// <summary>Machine clients (kiosks, partner systems) ask for this scope to submit applications: Forms/Api, docs/forms/api.md.</summary>
    public const string FormsSubmitScope = "onestop.forms.submit";

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
                o.RegisterScopes([Scopes.OpenId, Scopes.OfflineAccess, ApiScope, FormsSubmitScope, .. Profile.ProfileFields.ByScope.Keys]);
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
                // A token revoked (reuse detected, sign-out) stops working at once, not when it expires: its sign-in's
                // authorization is read on every request, the token's own entry through TokenEntryCheck (remembered briefly).
                o.AddEventHandler(TokenEntryCheck.Descriptor);
                o.EnableAuthorizationEntryValidation();
            });

        services.AddSingleton<ValidTokenEntries>();
        services.AddSingleton<BearerTokens>();
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, TokenEntryChanges>();
        services.AddSingleton<OidcCredentials>();
        services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>>(sp => sp.GetRequiredService<OidcCredentials>());
        services.AddSingleton<IPostConfigureOptions<OpenIddictServerOptions>>(sp => sp.GetRequiredService<OidcCredentials>());
        services.AddSingleton<IOptionsChangeTokenSource<OpenIddictServerOptions>>(sp => sp.GetRequiredService<OidcCredentials>());
        services.AddSingleton<IOptionsChangeTokenSource<OpenIddict.Validation.OpenIddictValidationOptions>, ValidationFollowsServer>();
        services.AddScoped<OidcKeyStore>();
        services.AddSingleton<PairwiseSubjects>();
        services.AddScoped<OidcClients>();
        services.AddScoped<RegisterClient>();
        // Replace, not TryAdd: whichever of this and AddTwoDeviceSignIn runs first, the phone is told the client's name.
        services.Replace(ServiceDescriptor.Scoped<TwoDevice.ISignInServiceNames, ClientServiceNames>());
        services.AddScoped<OidcClaims>();
        services.AddScoped<OidcIssuer>();
        services.AddScoped<BackChannelLogout>();
        services.AddScoped<ReturnToClientFormAction>();
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o => o.Filters.AddService<ReturnToClientFormAction>());
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
/// Loads the persisted keys into OpenIddict (making them on first start) and reloads them every
/// <see cref="OidcOptions.KeyRefreshInterval"/>, so a rotation reaches every node without a restart.
/// OpenIddict signs and encrypts with the first credential of each list and sorts the lists after
/// configuration (raw RSA keys all compare equal there), so the post-configure step puts the current
/// key first again. When the database cannot be read (not migrated yet, or down), the last keys read
/// are kept; before any, a throwaway key stands in (no client can exist without the database) and a
/// retry comes soon.
/// </summary>
internal sealed class OidcCredentials(IServiceScopeFactory scopes, TimeProvider clock, IOptions<OidcOptions> oidc, ILogger<OidcCredentials> logger)
    : IConfigureOptions<OpenIddictServerOptions>, IPostConfigureOptions<OpenIddictServerOptions>, IOptionsChangeTokenSource<OpenIddictServerOptions>
{
    private readonly Lock _lock = new();
    private OidcKeyStore.Credentials? _credentials;
    private CancellationTokenSource? _reload;

    public string? Name => Options.DefaultName;

    public void Configure(OpenIddictServerOptions options)
    {
        var credentials = Load();
        foreach (var key in credentials.Signing) options.SigningCredentials.Add(new SigningCredentials(key, SecurityAlgorithms.RsaSha256));
        foreach (var key in credentials.Encryption)
            options.EncryptionCredentials.Add(new EncryptingCredentials(key, SecurityAlgorithms.RsaOAEP, SecurityAlgorithms.Aes256CbcHmacSha512));
    }

    public void PostConfigure(string? name, OpenIddictServerOptions options)
    {
        var order = Current().Signing.Concat(Current().Encryption).Select(k => k.KeyId).ToList();
        int Rank(SecurityKey key) => order.IndexOf(key.KeyId) is var i and >= 0 ? i : int.MaxValue;
        options.SigningCredentials.Sort((a, b) => Rank(a.Key).CompareTo(Rank(b.Key)));
        options.EncryptionCredentials.Sort((a, b) => Rank(a.Key).CompareTo(Rank(b.Key)));
    }

    public IChangeToken GetChangeToken()
    {
        lock (_lock)
        {
            _reload?.Dispose();
            _reload = new CancellationTokenSource(_credentials is null ? TimeSpan.FromSeconds(5) : oidc.Value.KeyRefreshInterval, clock);
            return new CancellationChangeToken(_reload.Token);
        }
    }

    private OidcKeyStore.Credentials Current() => _credentials ?? Placeholder.Value;

    private OidcKeyStore.Credentials Load()
    {
        try
        {
            using var scope = scopes.CreateScope();
            var store = scope.ServiceProvider.GetRequiredService<OidcKeyStore>();
            store.EnsureKeys();
            return _credentials = store.Load();
        }
        catch (Exception e) when (e is DbException or InvalidOperationException)
        {
            logger.LogWarning("The OIDC keys could not be read from the database ({Reason}); {Fallback}", e.GetType().Name,
                _credentials is null ? "using a throwaway key until they can" : "keeping the keys read before");
            return Current();
        }
    }

    private static readonly Lazy<OidcKeyStore.Credentials> Placeholder = new(() =>
    {
        var key = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "unavailable" };
        return new OidcKeyStore.Credentials([key], [key]);
    });
}

/// <summary>
/// The validation side (the whoami API) copies the server's keys when its options are built; rebuild them
/// whenever the server's keys are reloaded, so both sides trust the same keys.
/// </summary>
internal sealed class ValidationFollowsServer : IOptionsChangeTokenSource<OpenIddict.Validation.OpenIddictValidationOptions>
{
    private CancellationTokenSource _changed = new();

    public ValidationFollowsServer(IOptionsMonitor<OpenIddictServerOptions> server) =>
        server.OnChange(_ =>
        {
            var previous = Interlocked.Exchange(ref _changed, new CancellationTokenSource());
            previous.Cancel();
            previous.Dispose();
        });

    public string? Name => Options.DefaultName;

    public IChangeToken GetChangeToken() => new CancellationChangeToken(_changed.Token);
}
