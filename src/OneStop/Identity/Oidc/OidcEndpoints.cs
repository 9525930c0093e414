using Microsoft.AspNetCore;
using System.ComponentModel;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Tokens;
using OneStop.Platform.Audit;
using OneStop.Platform.Localisation;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using OpenIddict.Validation.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace OneStop.Identity.Oidc;

public sealed record WhoAmIResponse(string ClientId, string Subject, IReadOnlyList<string> Scopes);

/// <summary>
/// The token, userinfo and end-session endpoints (OpenIddict validates each request, these decide the
/// answer), and an example API that machine clients can test their access token against. The
/// authorization endpoint is a page: Authorize.cshtml.
/// </summary>
internal static class OidcEndpoints
{
    private const string Scheme = OpenIddictServerAspNetCoreDefaults.AuthenticationScheme;

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/" + OidcSetup.TokenPath, ExchangeAsync).ExcludeFromDescription();
        endpoints.MapMethods("/" + OidcSetup.UserInfoPath, ["GET", "POST"], UserInfoAsync).ExcludeFromDescription();
        endpoints.MapMethods("/" + OidcSetup.EndSessionPath, ["GET", "POST"], EndSessionAsync).ExcludeFromDescription().DisableAntiforgery();

        endpoints.MapGet("/api/v1/identity/whoami", WhoAmIAsync)
            .WithTags("Identity").WithName("WhoAmI")
            .WithSummary("Test an access token: the client and scopes it was issued to. Needs a bearer token with the onestop.api scope (client credentials).")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
    }

    private static async Task<IResult> ExchangeAsync(HttpContext context, UserManager<OneStopUser> users, OidcClaims claims,
        IOpenIddictAuthorizationManager authorizations, CancellationToken cancellationToken)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (request.IsClientCredentialsGrantType())
        {
            // The client is already authenticated by OpenIddict; it acts for itself, so sub is its client_id.
            var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
            identity.SetClaim(Claims.Subject, request.ClientId);
            identity.SetScopes(request.GetScopes());
            identity.SetDestinations(c => c.Type == Claims.Subject ? [Destinations.AccessToken] : []);
            return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: Scheme);
        }
        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var result = await context.AuthenticateAsync(Scheme);
            var userId = await UserOfAsync(result.Principal, authorizations, cancellationToken);
            if (result.Principal is null || userId is null || await users.FindByIdAsync(userId.Value.ToString()) is null)
                return Refuse(Errors.InvalidGrant, "The sign-in this grant belongs to has ended.");

            var identity = new ClaimsIdentity(result.Principal.Claims, TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
            // Read afresh on every exchange: a consent revoked since the last one takes effect here.
            OidcClaims.AddTo(identity, await claims.ReleasedAsync(userId.Value, request.ClientId!, identity.GetScopes(), cancellationToken));
            identity.SetDestinations(OidcClaims.Destinations);
            return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: Scheme);
        }
        return Refuse(Errors.UnsupportedGrantType, "This grant type is not supported.");
    }

    private static async Task<IResult> UserInfoAsync(HttpContext context, OidcClaims claims, IOpenIddictAuthorizationManager authorizations,
        UserManager<OneStopUser> users, CancellationToken cancellationToken)
    {
        var result = await context.AuthenticateAsync(Scheme);
        var userId = await UserOfAsync(result.Principal, authorizations, cancellationToken);
        if (result.Principal is null || userId is null || await users.FindByIdAsync(userId.Value.ToString()) is null)
        {
            return Results.Challenge(ErrorProperties(Errors.InvalidToken, "The access token does not belong to a current sign-in."), [Scheme]);
        }
        var answer = new Dictionary<string, object> { [Claims.Subject] = result.Principal.GetClaim(Claims.Subject)! };
        var released = await claims.ReleasedAsync(userId.Value, result.Principal.GetClaim(Claims.ClientId) ?? "", result.Principal.GetScopes(), cancellationToken);
        foreach (var (type, value) in released) answer[type] = value;
        return Results.Ok(answer);
    }

    /// <summary>RP-initiated logout: OpenIddict has checked post_logout_redirect_uri against the client's registration.</summary>
    private static async Task<IResult> EndSessionAsync(HttpContext context, SignInManager<OneStopUser> signIn, AuditLog audit, CancellationToken cancellationToken)
    {
        if (context.User.UserId() is { } id)
        {
            await audit.RecordNowAsync(AuditEvents.SignedOut, id, id, "oidc", cancellationToken);
            // Signing out of the session cookie sends back-channel logout to the person's other clients.
            await signIn.SignOutAsync();
        }
        return Results.SignOut(new AuthenticationProperties { RedirectUri = context.Request.PathBase + "/account/signed-out" }, [Scheme]);
    }

    private static async Task<Results<Ok<WhoAmIResponse>, ProblemHttpResult, ValidationProblem>> WhoAmIAsync(HttpContext context, BearerTokens bearer,
        [Description(ApiLanguage.Description)] string? lang = null)
    {
        if (ApiLanguage.Problem(lang) is { } langErrors) return TypedResults.ValidationProblem(langErrors);
        if (await bearer.AuthenticateAsync(context) is not { } principal)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized",
                detail: "Send a valid OneStop access token: Authorization: Bearer <token>.");
        }
        var scopes = principal.GetScopes();
        if (!scopes.Contains(OidcSetup.ApiScope))
        {
            context.Response.Headers.WWWAuthenticate = $"Bearer error=\"insufficient_scope\", scope=\"{OidcSetup.ApiScope}\"";
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
                detail: $"The access token lacks the {OidcSetup.ApiScope} scope.");
        }
        return TypedResults.Ok(new WhoAmIResponse(principal.GetClaim(Claims.ClientId) ?? "", principal.GetClaim(Claims.Subject) ?? "",
            scopes.Order(StringComparer.Ordinal).ToList()));
    }

    /// <summary>The account behind a token: the subject of its authorization (the token's own sub is pairwise).</summary>
    public static async Task<Guid?> UserOfAsync(ClaimsPrincipal? principal, IOpenIddictAuthorizationManager authorizations, CancellationToken cancellationToken)
    {
        if (principal?.GetAuthorizationId() is not { } authorizationId) return null;
        var authorization = await authorizations.FindByIdAsync(authorizationId, cancellationToken);
        if (authorization is null) return null;
        return Guid.TryParse(await authorizations.GetSubjectAsync(authorization, cancellationToken), out var id) ? id : null;
    }

    private static IResult Refuse(string error, string description) => Results.Forbid(ErrorProperties(error, description), [Scheme]);

    public static AuthenticationProperties ErrorProperties(string error, string description) => new(new Dictionary<string, string?>
    {
        [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
        [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
    });
}
