using System.Globalization;
using OneStop.Platform.Audit;
using OneStop.Platform.Localisation;
using static OpenIddict.Abstractions.OpenIddictConstants;

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
            name=… name.zh-HK=… name.zh-CN=…    shown on the consent screen (name is required; Chinese defaults to it)
            purpose=… purpose.zh-HK=… purpose.zh-CN=…   why it wants profile fields, shown on the consent screen
                                                (required when scopes ask for profile fields)
            redirect-uri=URI (repeatable)       post-logout-redirect-uri=URI (repeatable)
            backchannel-logout-uri=URI          https, or http to 127.0.0.1/localhost only
            scopes="openid profile email"       space or comma separated; machine clients: onestop.api, onestop.forms.submit
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
                return await AddClientAsync(provider, clientId, settings, output, error, cancellationToken);
            case ["clients", "remove", var clientId]:
                if (await provider.GetRequiredService<OidcClients>().RemoveAsync(clientId, actorId: null, cancellationToken))
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

    private static async Task<int> AddClientAsync(IServiceProvider provider, string clientId, string[] settings, TextWriter output, TextWriter error, CancellationToken cancellationToken)
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
        IReadOnlyList<string> All(string key) => values.TryGetValue(key, out var v) ? v : [];

        // The Chinese names and purposes default to the English ones here only: the back office asks for all three.
        var name = One("name") ?? "";
        var purpose = One("purpose") ?? "";
        var registration = new ClientRegistration
        {
            ClientId = clientId,
            Type = One("type") ?? "public",
            Name = new LocalisedText(name, One("name.zh-HK") ?? name, One("name.zh-CN") ?? name),
            Purpose = new LocalisedText(purpose, One("purpose.zh-HK") ?? purpose, One("purpose.zh-CN") ?? purpose),
            RedirectUris = All("redirect-uri"),
            PostLogoutRedirectUris = All("post-logout-redirect-uri"),
            BackChannelLogoutUri = One("backchannel-logout-uri"),
            Scopes = (One("scopes") ?? Scopes.OpenId).Split([' ', ','], StringSplitOptions.RemoveEmptyEntries),
        };
        var result = await provider.GetRequiredService<RegisterClient>().RunAsync(registration, actorId: null, cancellationToken);
        if (!result.Succeeded)
        {
            var text = provider.GetRequiredService<Text>();
            await error.WriteLineAsync($"Not added ({clientId}):");
            foreach (var problem in result.Problems)
                await error.WriteLineAsync($"  {OptionOf(problem.Field)}: {string.Format(CultureInfo.InvariantCulture, text.Get(Language.En, problem.Key), problem.Args)}");
            return 1;
        }
        await output.WriteLineAsync($"Added {clientId} ({result.Client!.Kind.ToString().ToLowerInvariant()}).");
        if (result.Secret is not null) await output.WriteLineAsync($"Client secret (shown once, store it now): {result.Secret}");
        return 0;
    }

    /// <summary>The CLI word for a field a problem belongs to.</summary>
    private static string OptionOf(string field)
    {
        foreach (var language in Languages.All)
        {
            var suffix = language == Language.En ? "" : "." + language.Tag();
            if (field == RegisterClient.Fields.Name(language)) return "name" + suffix;
            if (field == RegisterClient.Fields.Purpose(language)) return "purpose" + suffix;
        }
        return field switch
        {
            RegisterClient.Fields.ClientId => "CLIENT_ID",
            RegisterClient.Fields.RedirectUris => "redirect-uri",
            RegisterClient.Fields.PostLogoutRedirectUris => "post-logout-redirect-uri",
            RegisterClient.Fields.BackChannelLogoutUri => "backchannel-logout-uri",
            _ => field.ToLowerInvariant(),
        };
    }
}
