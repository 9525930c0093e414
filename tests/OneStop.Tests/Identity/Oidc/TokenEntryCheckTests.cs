using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using static OneStop.Tests.Forms.Api.FormsApiSteps;

namespace OneStop.Tests.Identity.Oidc;

/// <summary>
/// An access token's entry is remembered as valid for Oidc:TokenEntryCheckInterval: a revocation on this node
/// stops the token at once, one made elsewhere (another node, straight in the database) within the interval.
/// </summary>
public abstract class TokenEntryCheckTests(Provider provider) : IAsyncLifetime
{
    private OneStopApp _app = null!;
    private HttpClient _http = null!;

    public ValueTask InitializeAsync()
    {
        if (provider == Provider.Postgres) PostgresServer.SkipIfUnavailable();
        _app = new OneStopApp(provider);
        _http = _app.CreateClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task<HttpStatusCode> WhoAmIAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/identity/whoami");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await _http.SendAsync(request, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }

    private static string TokenId(string jwt)
    {
        var payload = jwt.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '=');
        return JsonDocument.Parse(Convert.FromBase64String(payload)).RootElement.GetProperty("oi_tkn_id").GetString()!;
    }

    [Fact]
    public async Task WhoAmI_TokenRevokedOnThisNodeRightAfterUse_Answers401AtOnce()
    {
        var (_, token) = await MachineTokenAsync(_app, OneStop.Identity.Oidc.OidcSetup.ApiScope);
        Assert.Equal(HttpStatusCode.OK, await WhoAmIAsync(token));

        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var tokens = scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>();
            var entry = await tokens.FindByIdAsync(TokenId(token), TestContext.Current.CancellationToken);
            Assert.True(await tokens.TryRevokeAsync(entry!, TestContext.Current.CancellationToken));
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await WhoAmIAsync(token));
    }

    [Fact]
    public async Task WhoAmI_TokenRevokedOnAnotherNode_Answers401OnceTheIntervalHasPassed()
    {
        var (_, token) = await MachineTokenAsync(_app, OneStop.Identity.Oidc.OidcSetup.ApiScope);
        Assert.Equal(HttpStatusCode.OK, await WhoAmIAsync(token));

        // Another node revokes it: the row changes without this node's EF Core seeing a command.
        await RevokeBehindTheAppsBackAsync(TokenId(token));
        var within = await WhoAmIAsync(token);
        _app.Clock.Advance(TimeSpan.FromSeconds(3));
        var after = await WhoAmIAsync(token);

        Assert.Equal(HttpStatusCode.OK, within);
        Assert.Equal(HttpStatusCode.Unauthorized, after);
    }

    private async Task RevokeBehindTheAppsBackAsync(string tokenId)
    {
        const string sql = """UPDATE "OpenIddictTokens" SET "Status" = 'revoked' WHERE "Id" = @id""";
        if (provider == Provider.Sqlite)
        {
            await using var connection = new SqliteConnection(_app.ConnectionString);
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = new SqliteCommand(sql, connection);
            command.Parameters.AddWithValue("@id", tokenId);
            Assert.Equal(1, await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
        }
        else
        {
            await using var connection = new NpgsqlConnection(_app.ConnectionString);
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.AddWithValue("id", tokenId);
            Assert.Equal(1, await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
        }
    }
}

public sealed class TokenEntryCheckSqliteTests() : TokenEntryCheckTests(Provider.Sqlite);

public sealed class TokenEntryCheckPostgresTests() : TokenEntryCheckTests(Provider.Postgres);
