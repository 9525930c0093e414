using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.IdentityModel.Tokens;
using OneStop.Identity.Profile;
using OneStop.Platform.Localisation;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace OneStop.Identity.Oidc;

/// <summary>A client as typed by an operator (CLI words or the back-office form), before any rule is checked.</summary>
public sealed record ClientRegistration
{
    public string? ClientId { get; init; }

    /// <summary><c>public</c>, <c>confidential</c> or <c>machine</c>.</summary>
    public string? Type { get; init; }

    public LocalisedText Name { get; init; } = LocalisedText.Empty;
    public LocalisedText Purpose { get; init; } = LocalisedText.Empty;
    public IReadOnlyList<string> RedirectUris { get; init; } = [];
    public IReadOnlyList<string> PostLogoutRedirectUris { get; init; } = [];
    public string? BackChannelLogoutUri { get; init; }
    public IReadOnlyList<string> Scopes { get; init; } = [];
}

/// <summary>
/// One broken rule: the form field it belongs to (also the back-office page's element id) and a string
/// key (in the Oidc strings files) with its arguments, so each caller words it in its own language.
/// </summary>
public sealed record ClientProblem(string Field, string Key, params object[] Args);

/// <summary>The client as stored and, for a confidential or machine client, its secret: the only time anyone sees it.</summary>
public sealed record RegisteredClient(OidcClient? Client, string? Secret, IReadOnlyList<ClientProblem> Problems)
{
    public bool Succeeded => Problems.Count == 0;
}

/// <summary>
/// The rules for registering a client, shared by <c>identity clients add</c> and the back office's
/// /office/clients/add, so both refuse the same things in the same words.
/// </summary>
public sealed partial class RegisterClient(OidcClients clients)
{
    public const int MaxClientIdLength = 100;
    /// <summary>Fits the phone sign-in's service name column (200) with room to spare.</summary>
    public const int MaxNameLength = 100;
    public const int MaxPurposeLength = 500;
    public const int MaxUriLength = 2000;

    /// <summary>Scopes a person's sign-in may ask for; openid is always granted to such clients.</summary>
    public static readonly IReadOnlyList<string> InteractiveScopes = [Scopes.OpenId, .. ProfileFields.ByScope.Keys, Scopes.OfflineAccess];

    /// <summary>Scopes a machine client may ask for: OneStop's APIs, no person's details.</summary>
    public static readonly IReadOnlyList<string> MachineScopes = [OidcSetup.ApiScope, OidcSetup.FormsSubmitScope];

    /// <summary>The field names problems are reported against, in the order of the back-office form.</summary>
    public static class Fields
    {
        public const string ClientId = "ClientId";
        public const string Type = "Type";
        public const string RedirectUris = "RedirectUris";
        public const string PostLogoutRedirectUris = "PostLogoutRedirectUris";
        public const string BackChannelLogoutUri = "BackChannelLogoutUri";
        public const string Scopes = "Scopes";
        public static string Name(Language language) => "Name" + language;
        public static string Purpose(Language language) => "Purpose" + language;
    }

    // Client ids travel in URLs and logs: plain characters only.
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex ClientIdPattern();

    public async Task<RegisteredClient> RunAsync(ClientRegistration input, Guid? actorId, CancellationToken cancellationToken = default)
    {
        var problems = new List<ClientProblem>();
        var clientId = input.ClientId?.Trim() ?? "";
        if (clientId.Length == 0) problems.Add(new(Fields.ClientId, "oidc.clients.error.clientIdMissing"));
        else if (clientId.Length > MaxClientIdLength || !ClientIdPattern().IsMatch(clientId))
            problems.Add(new(Fields.ClientId, "oidc.clients.error.clientIdFormat", MaxClientIdLength));
        else if (await clients.FindAsync(clientId, cancellationToken) is not null)
            problems.Add(new(Fields.ClientId, "oidc.clients.error.clientIdTaken"));

        OidcClientKind? kind = Enum.GetValues<OidcClientKind>().Cast<OidcClientKind?>()
            .FirstOrDefault(k => string.Equals(k.ToString(), input.Type?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (kind is null) problems.Add(new(Fields.Type, "oidc.clients.error.typeMissing"));
        var machine = kind == OidcClientKind.Machine;

        var scopes = input.Scopes.Select(s => s.Trim()).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var allowed = machine ? MachineScopes : InteractiveScopes;
        var unknownScope = kind is null ? null : scopes.FirstOrDefault(s => !allowed.Contains(s));
        if (kind is not null && !machine && !scopes.Contains(Scopes.OpenId)) scopes.Insert(0, Scopes.OpenId);

        var name = Trimmed(input.Name);
        var purpose = Trimmed(input.Purpose);
        // The consent screen shows the purpose, and only clients asking for profile fields get one.
        var needsPurpose = !machine && scopes.Any(ProfileFields.ByScope.ContainsKey);
        foreach (var language in Languages.All)
        {
            if (name[language].Length == 0) problems.Add(new(Fields.Name(language), "oidc.clients.error.nameMissing." + language));
            else if (name[language].Length > MaxNameLength) problems.Add(new(Fields.Name(language), "oidc.clients.error.tooLong", MaxNameLength));
        }
        foreach (var language in Languages.All)
        {
            if (needsPurpose && purpose[language].Length == 0) problems.Add(new(Fields.Purpose(language), "oidc.clients.error.purposeMissing." + language));
            else if (purpose[language].Length > MaxPurposeLength) problems.Add(new(Fields.Purpose(language), "oidc.clients.error.tooLong", MaxPurposeLength));
        }

        var redirects = Uris(input.RedirectUris, Fields.RedirectUris, problems);
        var postLogout = Uris(input.PostLogoutRedirectUris, Fields.PostLogoutRedirectUris, problems);
        var backChannel = Uris(string.IsNullOrWhiteSpace(input.BackChannelLogoutUri) ? [] : [input.BackChannelLogoutUri], Fields.BackChannelLogoutUri, problems);
        if (machine)
        {
            // A machine client signs nobody in: addresses for people's browsers would never be used.
            if (redirects.Count > 0) problems.Add(new(Fields.RedirectUris, "oidc.clients.error.machineNoUris"));
            if (postLogout.Count > 0) problems.Add(new(Fields.PostLogoutRedirectUris, "oidc.clients.error.machineNoUris"));
            if (backChannel.Count > 0) problems.Add(new(Fields.BackChannelLogoutUri, "oidc.clients.error.machineNoUris"));
        }
        else if (kind is not null && input.RedirectUris.All(string.IsNullOrWhiteSpace))
        {
            problems.Add(new(Fields.RedirectUris, "oidc.clients.error.redirectUriMissing"));
        }

        // Last, as on the form.
        if (unknownScope is not null)
            problems.Add(new(Fields.Scopes, machine ? "oidc.clients.error.scopeNotForMachine" : "oidc.clients.error.scopeUnknown", unknownScope));
        if (problems.Count > 0) return new(null, null, problems);

        var client = new OidcClient
        {
            ClientId = clientId,
            Kind = kind!.Value,
            Name = name,
            Purpose = purpose,
            RedirectUris = redirects,
            PostLogoutRedirectUris = postLogout,
            BackChannelLogoutUri = backChannel.FirstOrDefault(),
            Scopes = scopes,
        };
        var secret = client.Kind == OidcClientKind.Public ? null : Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        try
        {
            await clients.AddAsync(client, secret, actorId, cancellationToken);
        }
        catch (OpenIddict.Abstractions.OpenIddictExceptions.ValidationException)
        {
            // OpenIddict checks again on create; the only rule it has that we have not checked first is a
            // client_id registered by someone else in the meantime.
            return new(null, null, [new(Fields.ClientId, "oidc.clients.error.clientIdTaken")]);
        }
        return new(await clients.FindAsync(clientId, cancellationToken) ?? client, secret, []);
    }

    /// <summary>
    /// Absolute https addresses; plain http only to the device itself (RFC 8252 loopback redirects for
    /// native apps and local development). No fragment (RFC 6749 §3.1.2), no user name or password.
    /// </summary>
    public static bool IsAcceptableUri(string value, out Uri? uri)
    {
        uri = null;
        if (value.Length > MaxUriLength || value.Contains('#', StringComparison.Ordinal)
            || !Uri.TryCreate(value, UriKind.Absolute, out var parsed) || parsed.Host.Length == 0 || parsed.UserInfo.Length > 0) return false;
        var secure = parsed.Scheme == Uri.UriSchemeHttps || (parsed.Scheme == Uri.UriSchemeHttp && parsed.IsLoopback);
        if (!secure) return false;
        uri = parsed;
        return true;
    }

    private static List<Uri> Uris(IEnumerable<string> values, string field, List<ClientProblem> problems)
    {
        var uris = new List<Uri>();
        foreach (var value in values.Select(v => v.Trim()).Where(v => v.Length > 0))
        {
            if (IsAcceptableUri(value, out var uri)) uris.Add(uri!);
            else if (problems.All(p => p.Field != field)) problems.Add(new(field, "oidc.clients.error.uriInvalid", value));
        }
        return uris.DistinctBy(u => u.AbsoluteUri).ToList();
    }

    private static LocalisedText Trimmed(LocalisedText text) => text.Map(s => s?.Trim() ?? "");
}
