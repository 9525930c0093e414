using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using OneStop.Platform.Audit;
using OneStop.Platform.Localisation;

namespace OneStop.Identity.Oidc;

/// <summary><c>identity keys …</c> and <c>identity clients …</c>: the operator's side of the OIDC provider.</summary>
public static class OidcCommands
{
    public const string Usage = """
        identity keys list                      the signing and encryption keys, current first
        identity keys rotate                    new signing and encryption keys; the old stay published until their tokens expire
        identity clients list                   registered clients
        identity clients add CLIENT_ID key=value ...
            type=public|confidential|machine    (default public; confidential and machine get a secret, printed once)
            name=… name.zh-HK=… name.zh-CN=…    shown on the consent screen (name is required)
            purpose=… purpose.zh-HK=… purpose.zh-CN=…   why it wants profile fields, shown on the consent screen
            redirect-uri=URI (repeatable)       post-logout-redirect-uri=URI (repeatable)
            backchannel-logout-uri=URI          scopes="openid profile email" (space or comma separated)
        identity clients remove CLIENT_ID
        """;

    public static async Task<int> RunAsync(IServiceProvider services, string[] words, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        switch (words)
        {
            case ["keys", "list"]:
                return await ListKeysAsync(provider.GetRequiredService<OidcKeyStore>(), output, cancellationToken);
            case ["keys", "rotate"]:
            {
                var store = provider.GetRequiredService<OidcKeyStore>();
                store.EnsureKeys();
                var added = await store.RotateAsync(cancellationToken);
                await provider.GetRequiredService<AuditLog>().RecordNowAsync(OidcEvents.KeysRotated, null, null, string.Join(' ', added), cancellationToken);
                await output.WriteLineAsync($"New keys: {string.Join(", ", added)}. Every node signs with them once it next reloads its keys (Oidc:KeyRefreshInterval).");
                return 0;
            }
            case ["clients", "list"]:
                foreach (var client in await provider.GetRequiredService<OidcClients>().ListAsync(cancellationToken))
                {
                    await output.WriteLineAsync($"{client.ClientId}\t{client.Kind.ToString().ToLowerInvariant()}\t{client.Name.En}\t" +
                        $"scopes: {string.Join(' ', client.Scopes)}\tredirect: {string.Join(' ', client.RedirectUris)}");
                }
                return 0;
            case ["clients", "add", var clientId, .. var settings]:
                return await AddClientAsync(provider.GetRequiredService<OidcClients>(), clientId, settings, output, error, cancellationToken);
            case ["clients", "remove", var clientId]:
                if (await provider.GetRequiredService<OidcClients>().RemoveAsync(clientId, cancellationToken))
                {
                    await output.WriteLineAsync($"Removed {clientId}.");
                    return 0;
                }
                await error.WriteLineAsync($"No client '{clientId}'.");
                return 1;
            default:
                await error.WriteLineAsync("Usage:\n" + Usage);
                return 2;
        }
    }

    private static async Task<int> ListKeysAsync(OidcKeyStore store, TextWriter output, CancellationToken cancellationToken)
    {
        foreach (var key in await store.ListAsync(cancellationToken))
        {
            var state = key.RetiredAt is null ? "current" : store.IsExpired(key) ? "expired" : "retired, still published";
            await output.WriteLineAsync($"{key.Id}\t{key.Use}\tcreated {key.CreatedAt:yyyy-MM-dd HH:mm}Z\t{state}");
        }
        return 0;
    }

    private static async Task<int> AddClientAsync(OidcClients clients, string clientId, string[] settings, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var setting in settings)
        {
            var equals = setting.IndexOf('=');
            if (equals <= 0)
            {
                await error.WriteLineAsync($"Expected key=value, got '{setting}'.");
                return 2;
            }
            var key = setting[..equals];
            if (!values.TryGetValue(key, out var list)) values[key] = list = [];
            list.Add(setting[(equals + 1)..]);
        }
        string? One(string key) => values.TryGetValue(key, out var v) ? v[^1] : null;
        List<Uri> Uris(string key) => values.TryGetValue(key, out var v) ? v.Select(u => new Uri(u, UriKind.Absolute)).ToList() : [];

        if (!Enum.TryParse<OidcClientKind>(One("type") ?? "public", ignoreCase: true, out var kind) || One("name") is not { Length: > 0 } name)
        {
            await error.WriteLineAsync("Give name=… and type=public|confidential|machine.");
            return 2;
        }
        OidcClient client;
        try
        {
            client = new OidcClient
            {
                ClientId = clientId,
                Kind = kind,
                Name = new LocalisedText(name, One("name.zh-HK") ?? name, One("name.zh-CN") ?? name),
                Purpose = new LocalisedText(One("purpose") ?? "", One("purpose.zh-HK") ?? One("purpose") ?? "", One("purpose.zh-CN") ?? One("purpose") ?? ""),
                RedirectUris = Uris("redirect-uri"),
                PostLogoutRedirectUris = Uris("post-logout-redirect-uri"),
                BackChannelLogoutUri = Uris("backchannel-logout-uri").FirstOrDefault(),
                Scopes = (One("scopes") ?? "openid").Split([' ', ','], StringSplitOptions.RemoveEmptyEntries),
            };
        }
        catch (UriFormatException e)
        {
            await error.WriteLineAsync("Not an absolute URI: " + e.Message);
            return 2;
        }
        if (kind != OidcClientKind.Machine && client.RedirectUris.Count == 0)
        {
            await error.WriteLineAsync("An interactive client needs at least one redirect-uri=….");
            return 2;
        }
        var secret = kind == OidcClientKind.Public ? null : Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        try
        {
            await clients.AddAsync(client, secret, cancellationToken);
        }
        catch (Exception e) when (e is OpenIddict.Abstractions.OpenIddictExceptions.ValidationException or ArgumentException)
        {
            await error.WriteLineAsync("Not added: " + e.Message);
            return 1;
        }
        await output.WriteLineAsync($"Added {clientId} ({kind.ToString().ToLowerInvariant()}).");
        if (secret is not null) await output.WriteLineAsync($"Client secret (shown once, store it now): {secret}");
        return 0;
    }
}
