using Microsoft.Extensions.Options;
using OneStop.Catalogue.Demo;
using OneStop.Platform.Localisation;

namespace OneStop.Identity.Oidc;

/// <summary>Two clients for trying the provider locally (Demo:Seed); documented in docs/identity/oidc.md.</summary>
public static class OidcDemoClients
{
    public const string RelyingParty = "onestop-demo-rp";
    public const string Service = "onestop-demo-service";

    /// <summary>A development secret, public in the docs; demo data is never seeded in Production.</summary>
    public const string ServiceSecret = "onestop-demo-service-secret";

    public static async Task SeedIfMissingAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        if (!services.GetRequiredService<IOptions<DemoOptions>>().Value.Seed) return;
        await using var scope = services.CreateAsyncScope();
        var clients = scope.ServiceProvider.GetRequiredService<OidcClients>();
        if (await clients.FindAsync(RelyingParty, cancellationToken) is null)
        {
            await clients.AddAsync(new OidcClient
            {
                ClientId = RelyingParty,
                Kind = OidcClientKind.Public,
                Name = new LocalisedText("OneStop demo service", "一站通示範服務", "一站通示范服务"),
                Purpose = new LocalisedText(
                    "To greet you by name and send you a copy of what you do on the demo service.",
                    "用你的名字稱呼你，並把你在示範服務上的操作紀錄副本寄給你。",
                    "用你的名字称呼你，并把你在示范服务上的操作记录副本发送给你。"),
                RedirectUris = [new Uri("http://127.0.0.1:7890/callback")],
                PostLogoutRedirectUris = [new Uri("http://127.0.0.1:7890/")],
                Scopes = ["openid", "profile", "email"],
            }, secret: null, cancellationToken);
        }
        if (await clients.FindAsync(Service, cancellationToken) is null)
        {
            await clients.AddAsync(new OidcClient
            {
                ClientId = Service,
                Kind = OidcClientKind.Machine,
                Name = new LocalisedText("OneStop demo machine client", "一站通示範系統用戶端", "一站通示范系统客户端"),
                Scopes = [OidcSetup.ApiScope, OidcSetup.FormsSubmitScope],
            }, ServiceSecret, cancellationToken);
        }
    }
}
