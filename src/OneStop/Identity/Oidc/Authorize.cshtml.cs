using Microsoft.AspNetCore;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.IdentityModel.Tokens;
using OneStop.Identity.Consent;
using OneStop.Platform.Audit;
using OneStop.Platform.Localisation;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace OneStop.Identity.Oidc;

/// <summary>
/// The authorization endpoint (OpenIddict has validated the request: client, redirect_uri, PKCE S256).
/// It sends the person to sign in (again, for prompt=login or an old session under max_age), to step
/// up for acr_values, and to the consent screen for scopes that release profile fields; then it
/// issues the code with a pairwise sub and the session's acr, amr and auth_time.
/// </summary>
public sealed class AuthorizeModel(OidcClients clients, ConsentReceipts receipts, PairwiseSubjects subjects,
    IOpenIddictAuthorizationManager authorizations, AuditLog audit, TimeProvider clock, IOptions<OidcOptions> options) : PageModel
{
    private static readonly string[] NotForwarded = ["__RequestVerificationToken", "decision"];

    public OidcClient Client { get; private set; } = null!;
    public IReadOnlyList<string> Fields { get; private set; } = [];
    public IReadOnlyList<KeyValuePair<string, string>> Forwarded { get; private set; } = [];
    public DateTimeOffset ConsentUntil { get; private set; }

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => HandleAsync(null, cancellationToken);

    public Task<IActionResult> OnPostAsync([FromForm] string? decision, CancellationToken cancellationToken) => HandleAsync(decision ?? "", cancellationToken);

    private async Task<IActionResult> HandleAsync(string? decision, CancellationToken cancellationToken)
    {
        var request = HttpContext.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (decision is null && LanguageRedirect(request) is { } inLanguage) return Redirect(inLanguage);

        var session = await HttpContext.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var none = request.HasPromptValue(PromptValues.None);
        if (session.Principal?.UserId() is not { } userId)
            return none ? Refuse(Errors.LoginRequired, "The person is not signed in.") : SignInAgain(keepPrompt: true);

        var authTime = OidcSession.AuthTime(session.Properties) ?? clock.GetUtcNow();
        var tooOld = request.MaxAge is { } maxAge && clock.GetUtcNow() - authTime > TimeSpan.FromSeconds(maxAge);
        if (decision is null && (request.HasPromptValue(PromptValues.Login) || tooOld))
            return none ? Refuse(Errors.LoginRequired, "The session is older than max_age.") : SignInAgain(keepPrompt: false);

        var level = Assurance.Of(session.Principal);
        var wanted = request.GetAcrValues().Select(Assurance.FromAcr).OfType<AssuranceLevel>().DefaultIfEmpty(AssuranceLevel.None).Max();
        if (level < wanted)
        {
            if (none) return Refuse(Errors.InteractionRequired, "The session's assurance level is below acr_values.");
            return Redirect(Url.Content("~/account/step-up") + QueryString.Create(new KeyValuePair<string, string?>[] { new("level", wanted.AcrValue()), new("returnUrl", AuthorizeUrl(keepPrompt: true)) }));
        }

        Client = await clients.FindAsync(request.ClientId!, cancellationToken) ?? throw new InvalidOperationException("OpenIddict validated an unknown client.");
        var scopes = request.GetScopes();
        Fields = OidcClaims.FieldsFor(scopes);
        if (Fields.Count > 0)
        {
            if (decision == "decline")
            {
                await audit.RecordNowAsync(OidcEvents.ConsentDeclined, userId, userId, Client.ClientId, cancellationToken);
                return Refuse(Errors.AccessDenied, "The person declined to share their details.");
            }
            if (decision == "accept")
            {
                await receipts.GrantAsync(userId, new ConsentRequest(ConsentRecipientType.Client, Client.ClientId, Client.Name.Current,
                    OidcClaims.PurposeCode, Client.Purpose.Current, Fields, options.Value.ConsentDuration), cancellationToken);
            }
            else if (request.HasPromptValue(PromptValues.Consent)
                     || await receipts.FindValidAsync(userId, Client.ClientId, OidcClaims.PurposeCode, Fields, cancellationToken) is null)
            {
                if (none) return Refuse(Errors.ConsentRequired, "The person has not agreed to share these details.");
                OidcFormAction.Allow(HttpContext, new Uri(request.RedirectUri!));
                Forwarded = Request.Query.SelectMany(p => p.Value.Select(v => KeyValuePair.Create(p.Key, v ?? ""))).ToList();
                ConsentUntil = clock.GetUtcNow() + options.Value.ConsentDuration;
                return Page();
            }
        }

        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, subjects.For(userId, Client));
        identity.SetClaim(Claims.AuthenticationContextReference, level.AcrValue());
        identity.SetClaim(Claims.AuthenticationTime, authTime.ToUnixTimeSeconds());
        identity.SetClaims(Claims.AuthenticationMethodReference, [.. OidcSession.MethodsOf(session)]);
        identity.SetScopes(scopes);
        // One authorization per sign-in at a client: its tokens form the chain that refresh-token reuse revokes.
        var authorization = await authorizations.CreateAsync(identity, userId.ToString("D"), Client.ApplicationId, AuthorizationTypes.AdHoc, scopes, cancellationToken);
        identity.SetAuthorizationId(await authorizations.GetIdAsync(authorization, cancellationToken));
        identity.SetDestinations(OidcClaims.Destinations);
        await audit.RecordNowAsync(OidcEvents.Authorized, userId, userId, Client.ClientId, cancellationToken);
        return SignIn(new ClaimsPrincipal(identity), OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private IActionResult Refuse(string error, string description) =>
        Forbid(OidcEndpoints.ErrorProperties(error, description), OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);

    /// <summary>
    /// To the sign-in page, back here afterwards. For a forced sign-in, prompt=login and max_age are left
    /// off the way back, or the fresh session would be sent round again; the client still sees auth_time.
    /// </summary>
    private IActionResult SignInAgain(bool keepPrompt) =>
        Challenge(new AuthenticationProperties { RedirectUri = AuthorizeUrl(keepPrompt) }, IdentityConstants.ApplicationScheme);

    private string AuthorizeUrl(bool keepPrompt)
    {
        IEnumerable<KeyValuePair<string, StringValues>> source = Request.HasFormContentType ? Request.Form : Request.Query;
        var pairs = new List<KeyValuePair<string, string?>>();
        foreach (var (key, values) in source)
        {
            if (NotForwarded.Contains(key) || (!keepPrompt && key == Parameters.MaxAge)) continue;
            if (!keepPrompt && key == Parameters.Prompt)
            {
                var rest = string.Join(' ', values.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(p => p != PromptValues.Login));
                if (rest.Length > 0) pairs.Add(new(key, rest));
                continue;
            }
            pairs.AddRange(values.Select(v => new KeyValuePair<string, string?>(key, v)));
        }
        return Request.PathBase + Request.Path + QueryString.Create(pairs);
    }

    /// <summary>
    /// Unprefixed pages are English; a client asking for Chinese with ui_locales (or a person whose
    /// language cookie says so) is sent to the same request under the language's prefix.
    /// </summary>
    private string? LanguageRedirect(OpenIddictRequest request)
    {
        if (Languages.Current != Language.En) return null;
        var wanted = (request.UiLocales ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Languages.FromCulture).FirstOrDefault(l => l is not null)
            ?? Languages.FromCulture(Request.Cookies[LanguagePrefixMiddleware.CookieName]);
        if (wanted is not { } language || language == Language.En) return null;
        return Request.RootPath(language.PathPrefix() + Request.Path) + Request.QueryString;
    }
}
