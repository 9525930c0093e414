using System.Net;
using OneStop.Identity.Oidc;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace OneStop.Tests.Identity.Oidc;

/// <summary>Keys persisted in the database, rotated with the CLI; clients managed with the CLI.</summary>
public sealed class OidcKeysTests : IAsyncLifetime
{
    private readonly OidcApp _app = new();

    [Fact]
    public async Task Keys_AfterRestartOnTheSameDatabase_AreTheSame()
    {
        var before = await KidsAsync(_app.CreateClient());

        await using var restarted = _app.WithWebHostBuilder(_ => { });
        var after = await KidsAsync(restarted.CreateClient());

        Assert.Single(before);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task KeysRotate_FromTheCli_RunningNodeSignsWithTheNewKeyAndKeepsTheOldPublishedUntilItsTokensExpire()
    {
        var client = await _app.AddClientAsync();
        var machine = await _app.AddClientAsync(scopes: OidcSetup.ApiScope, kind: OidcClientKind.Machine);
        var (browser, email) = await _app.NewPersonAsync();
        var oldToken = (await browser.SignInToClientAsync(client, email)).GetProperty("id_token").GetString()!;
        var oldKid = Assert.Single(await KidsAsync(_app.CreateClient()));

        var rotate = await Cli.RunAsync(["identity", "keys", "rotate", .. _app.CliConfiguration]);
        _app.Clock.Advance(TimeSpan.FromMinutes(5));
        var kids = await KidsAsync(_app.CreateClient());
        var newKid = Assert.Single(kids, k => k != oldKid);
        var (_, issued) = await machine.TokenAsync(new() { ["grant_type"] = "client_credentials", ["scope"] = OidcSetup.ApiScope });
        var newToken = issued.GetProperty("access_token").GetString()!;
        using var whoAmI = await WhoAmIAsync(newToken);
        var oldStillValid = await new JsonWebTokenHandler().ValidateTokenAsync(oldToken, new TokenValidationParameters
        {
            ValidIssuer = "http://localhost/", ValidAudience = client.ClientId, ValidateLifetime = false,
            IssuerSigningKeys = new JsonWebKeySet(await _app.CreateClient().GetStringAsync("/.well-known/jwks", TestContext.Current.CancellationToken)).GetSigningKeys(),
        });
        _app.Clock.Advance(TimeSpan.FromDays(15));
        var laterKids = await KidsAsync(_app.CreateClient());

        Assert.True(rotate.ExitCode == 0, rotate.Error);
        Assert.Contains(newKid, rotate.Output);
        Assert.Equal(2, kids.Count);
        Assert.Equal(newKid, new JsonWebToken(newToken).Kid);
        Assert.Equal(HttpStatusCode.OK, whoAmI.StatusCode);
        Assert.True(oldStillValid.IsValid, oldStillValid.Exception?.Message);
        Assert.Equal([newKid], laterKids);
    }

    private async Task<HttpResponseMessage> WhoAmIAsync(string accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/identity/whoami");
        request.Headers.Authorization = new("Bearer", accessToken);
        return await _app.CreateClient().SendAsync(request, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Clients_FromTheCli_AddListAndRemove()
    {
        var settings = _app.CliConfiguration;

        var add = await Cli.RunAsync(["identity", "clients", "add", "cli-rp", "type=confidential", "name=CLI service", "purpose=To test the CLI.",
            "redirect-uri=https://cli.test/callback", "scopes=openid email", .. settings]);
        var list = await Cli.RunAsync(["identity", "clients", "list", .. settings]);
        var remove = await Cli.RunAsync(["identity", "clients", "remove", "cli-rp", .. settings]);
        var listAfter = await Cli.RunAsync(["identity", "clients", "list", .. settings]);

        Assert.True(add.ExitCode == 0, add.Error);
        Assert.Contains("Client secret", add.Output);
        Assert.Contains("cli-rp\tconfidential\tCLI service", list.Output);
        Assert.Equal(0, remove.ExitCode);
        Assert.DoesNotContain("cli-rp", listAfter.Output);
    }

    private static async Task<List<string>> KidsAsync(HttpClient client)
    {
        var jwks = await client.GetJsonAsync("/.well-known/jwks");
        return jwks.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()!).ToList();
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;
    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
