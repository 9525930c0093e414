using System.Globalization;
using System.Text.Json;
using OneStop.Platform.Audit;
using OneStop.Platform.Localisation;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace OneStop.Identity.Oidc;

/// <summary>Public: a browser or app that cannot keep a secret (PKCE only). Confidential: a server-side RP with a secret. Machine: client credentials only.</summary>
public enum OidcClientKind { Public, Confidential, Machine }

/// <summary>A relying party as OneStop knows it: who it is, what it may ask for and why.</summary>
public sealed record OidcClient
{
    public required string ClientId { get; init; }
    public required OidcClientKind Kind { get; init; }

    /// <summary>OpenIddict's id for the application row; empty until stored.</summary>
    public string ApplicationId { get; init; } = "";

    /// <summary>Shown on the consent screen and written on the consent receipt.</summary>
    public required LocalisedText Name { get; init; }

    /// <summary>Why the client wants profile fields, as shown on the consent screen.</summary>
    public LocalisedText Purpose { get; init; } = LocalisedText.Empty;

    public IReadOnlyList<Uri> RedirectUris { get; init; } = [];
    public IReadOnlyList<Uri> PostLogoutRedirectUris { get; init; } = [];

    /// <summary>Where OneStop posts a logout_token when the person signs out of OneStop.</summary>
    public Uri? BackChannelLogoutUri { get; init; }

    /// <summary>Scopes the client may request (openid is always allowed to interactive clients).</summary>
    public IReadOnlyList<string> Scopes { get; init; } = [];

    /// <summary>
    /// What pairwise subjects are computed over: the redirect URIs' host when they share one (so a
    /// client's several registrations see one sub), else the client_id.
    /// </summary>
    public string Sector
    {
        get
        {
            var hosts = RedirectUris.Select(u => u.Host.ToLowerInvariant()).Distinct().ToList();
            return hosts.Count == 1 ? hosts[0] : ClientId;
        }
    }
}

/// <summary>Registers, reads and removes clients in OpenIddict's application store; the CLI and demo seeding use it.</summary>
public sealed class OidcClients(IOpenIddictApplicationManager applications, AuditLog audit)
{
    private const string PurposeProperty = "onestop_purpose";
    private const string BackChannelLogoutProperty = "backchannel_logout_uri";

    /// <summary>Adds a client with no one as the actor (demo seeding); operators go through <see cref="RegisterClient"/>.</summary>
    public Task AddAsync(OidcClient client, string? secret, CancellationToken cancellationToken = default) =>
        AddAsync(client, secret, actorId: null, cancellationToken);

    /// <summary>
    /// Adds a client as is (the rules are <see cref="RegisterClient"/>'s); a confidential or machine client
    /// needs <paramref name="secret"/>, which is stored hashed. Audited with <paramref name="actorId"/> as the actor.
    /// </summary>
    public async Task AddAsync(OidcClient client, string? secret, Guid? actorId, CancellationToken cancellationToken = default)
    {
        if (client.Kind != OidcClientKind.Public && string.IsNullOrEmpty(secret))
            throw new ArgumentException("A confidential or machine client needs a secret.", nameof(secret));
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = client.ClientId,
            ClientSecret = client.Kind == OidcClientKind.Public ? null : secret,
            ClientType = client.Kind == OidcClientKind.Public ? ClientTypes.Public : ClientTypes.Confidential,
            ConsentType = ConsentTypes.Explicit,
            DisplayName = client.Name.En,
        };
        descriptor.DisplayNames[CultureInfo.GetCultureInfo("zh-HK")] = client.Name.ZhHk;
        descriptor.DisplayNames[CultureInfo.GetCultureInfo("zh-CN")] = client.Name.ZhCn;
        descriptor.Properties[PurposeProperty] = JsonSerializer.SerializeToElement(new Dictionary<string, string>
        {
            ["en"] = client.Purpose.En, ["zh-HK"] = client.Purpose.ZhHk, ["zh-CN"] = client.Purpose.ZhCn,
        });
        if (client.BackChannelLogoutUri is { } logout) descriptor.Properties[BackChannelLogoutProperty] = JsonSerializer.SerializeToElement(logout.AbsoluteUri);

        if (client.Kind == OidcClientKind.Machine)
        {
            descriptor.Permissions.UnionWith([Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials]);
        }
        else
        {
            descriptor.Permissions.UnionWith([
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken, Permissions.ResponseTypes.Code,
            ]);
            descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
            descriptor.RedirectUris.UnionWith(client.RedirectUris);
            descriptor.PostLogoutRedirectUris.UnionWith(client.PostLogoutRedirectUris);
        }
        descriptor.Permissions.UnionWith(client.Scopes.Where(s => s != Scopes.OpenId).Select(s => Permissions.Prefixes.Scope + s));

        // Recorded first: the store's SaveChanges (same OneStopDb) commits the entry with the client.
        audit.Record(OidcEvents.ClientAdded, actorId, null, "oidc-client", client.ClientId);
        await applications.CreateAsync(descriptor, cancellationToken);
    }

    /// <summary>
    /// Removes a client; OpenIddict's store deletes its authorizations and tokens with it, so its refresh
    /// and access tokens stop working at once and the token endpoint no longer knows it.
    /// </summary>
    public async Task<bool> RemoveAsync(string clientId, Guid? actorId, CancellationToken cancellationToken = default)
    {
        var application = await applications.FindByClientIdAsync(clientId, cancellationToken);
        if (application is null) return false;
        audit.Record(OidcEvents.ClientRemoved, actorId, null, "oidc-client", clientId);
        await applications.DeleteAsync(application, cancellationToken);
        return true;
    }

    public async Task<OidcClient?> FindAsync(string clientId, CancellationToken cancellationToken = default)
    {
        var application = await applications.FindByClientIdAsync(clientId, cancellationToken);
        return application is null ? null : await ReadAsync(application, cancellationToken);
    }

    public async Task<OidcClient?> FindByIdAsync(string applicationId, CancellationToken cancellationToken = default)
    {
        var application = await applications.FindByIdAsync(applicationId, cancellationToken);
        return application is null ? null : await ReadAsync(application, cancellationToken);
    }

    public async Task<IReadOnlyList<OidcClient>> ListAsync(CancellationToken cancellationToken = default)
    {
        var list = new List<OidcClient>();
        await foreach (var application in applications.ListAsync(count: null, offset: null, cancellationToken))
            list.Add(await ReadAsync(application, cancellationToken));
        return list.OrderBy(c => c.ClientId, StringComparer.Ordinal).ToList();
    }

    private async Task<OidcClient> ReadAsync(object application, CancellationToken cancellationToken)
    {
        var names = await applications.GetDisplayNamesAsync(application, cancellationToken);
        var name = await applications.GetDisplayNameAsync(application, cancellationToken) ?? "";
        var properties = await applications.GetPropertiesAsync(application, cancellationToken);
        var permissions = await applications.GetPermissionsAsync(application, cancellationToken);
        var purpose = properties.TryGetValue(PurposeProperty, out var p) && p.ValueKind == JsonValueKind.Object
            ? p.Deserialize<Dictionary<string, string>>() ?? [] : [];
        var isMachine = permissions.Contains(Permissions.GrantTypes.ClientCredentials) && !permissions.Contains(Permissions.GrantTypes.AuthorizationCode);
        var isPublic = await applications.HasClientTypeAsync(application, ClientTypes.Public, cancellationToken);
        return new OidcClient
        {
            ClientId = await applications.GetClientIdAsync(application, cancellationToken) ?? "",
            ApplicationId = await applications.GetIdAsync(application, cancellationToken) ?? "",
            Kind = isMachine ? OidcClientKind.Machine : isPublic ? OidcClientKind.Public : OidcClientKind.Confidential,
            Name = new LocalisedText(name, NameIn(names, "zh-HK") ?? name, NameIn(names, "zh-CN") ?? name),
            Purpose = new LocalisedText(purpose.GetValueOrDefault("en", ""), purpose.GetValueOrDefault("zh-HK", ""), purpose.GetValueOrDefault("zh-CN", "")),
            RedirectUris = (await applications.GetRedirectUrisAsync(application, cancellationToken)).Select(u => new Uri(u)).ToList(),
            PostLogoutRedirectUris = (await applications.GetPostLogoutRedirectUrisAsync(application, cancellationToken)).Select(u => new Uri(u)).ToList(),
            BackChannelLogoutUri = properties.TryGetValue(BackChannelLogoutProperty, out var b) && b.ValueKind == JsonValueKind.String ? new Uri(b.GetString()!) : null,
            Scopes = permissions.Where(x => x.StartsWith(Permissions.Prefixes.Scope, StringComparison.Ordinal))
                .Select(x => x[Permissions.Prefixes.Scope.Length..]).Order(StringComparer.Ordinal).ToList(),
        };
    }

    private static string? NameIn(IReadOnlyDictionary<CultureInfo, string> names, string culture) =>
        names.TryGetValue(CultureInfo.GetCultureInfo(culture), out var value) ? value : null;
}
