using System.Collections.Concurrent;
using System.Data.Common;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Npgsql;
using OneStop.Identity.Oidc;
using OneStop.Platform.Localisation;

namespace OneStop.Tests.Forms.Api;

/// <summary>
/// The exactly-once promise across a crash: the real app is killed with SIGKILL while clients stream submissions,
/// then started again on the same database. Every submission it acknowledged must be there, once; retrying every
/// key it was sent (acknowledged or not) must not make a second one.
/// </summary>
public abstract class CrashTests(Provider provider) : IAsyncLifetime
{
    private const string FormId = "fehd-food-hygiene-report";
    private const int Workers = 4;
    private const int KillAfterAcknowledged = 30;

    private readonly string _folder = Directory.CreateTempSubdirectory("onestop-crash-").FullName;
    private string _connectionString = "";
    private string? _postgresDatabase;

    public ValueTask InitializeAsync()
    {
        if (provider == Provider.Postgres)
        {
            PostgresServer.SkipIfUnavailable();
            _postgresDatabase = "onestop_crash_" + Guid.NewGuid().ToString("N")[..12];
            PostgresServer.CreateDatabase(_postgresDatabase);
            _connectionString = new NpgsqlConnectionStringBuilder(PostgresServer.ConnectionString) { Database = _postgresDatabase }.ConnectionString;
        }
        else
        {
            _connectionString = $"Data Source={Path.Combine(_folder, "onestop.db")}";
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        if (_postgresDatabase is not null) PostgresServer.DropDatabase(_postgresDatabase);
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
        return ValueTask.CompletedTask;
    }

    private string[] Configuration =>
    [
        "--ConnectionStrings:OneStop", _connectionString,
        "--Database:Provider", provider == Provider.Postgres ? "postgres" : "sqlite",
        "--Database:MigrateOnStart", "true",
        "--Demo:Seed", "true",
        "--Storage:Root", Path.Combine(_folder, "files"),
        "--Mail:Delivery", "PickupFolder",
        "--Mail:PickupFolder", Path.Combine(_folder, "mail"),
        "--Logging:LogLevel:Default", "Warning",
        "--Logging:LogLevel:Microsoft.EntityFrameworkCore", "None",
    ];

    [Fact]
    public async Task Submit_ServerKilledMidStream_KeepsEveryAcknowledgedSubmissionOnceAndRetriesMakeNoDuplicates()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var attempted = new ConcurrentDictionary<string, bool>();
        var acknowledged = new ConcurrentDictionary<string, string>();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };

        // Arrange and act: stream until enough are acknowledged, then kill the server with requests in flight.
        await using (var app = await AppProcess.StartAsync(Configuration, cancellationToken))
        {
            var token = await TokenAsync(http, app.BaseUrl);
            var killed = new TaskCompletionSource();
            var workers = Enumerable.Range(0, Workers).Select(worker => Task.Run(async () =>
            {
                for (var n = 0; ; n++)
                {
                    var key = $"crash-{worker}-{n}";
                    attempted[key] = true;
                    try
                    {
                        using var response = await SendAsync(http, app.BaseUrl, token, key);
                        if (!response.IsSuccessStatusCode)
                            Assert.Fail($"{key}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
                        acknowledged[key] = await ReferenceAsync(response);
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                    {
                        if (killed.Task.IsCompleted) return;
                        throw;
                    }
                    if (acknowledged.Count >= KillAfterAcknowledged && killed.TrySetResult())
                    {
                        app.Kill();
                        return;
                    }
                }
            }, cancellationToken)).ToList();
            await Task.WhenAll(workers);
            Assert.True(killed.Task.IsCompleted, app.Output);
        }

        // Assert: after a restart on the same database, everything acknowledged is there once, and every retry replays.
        await using (var app = await AppProcess.StartAsync(Configuration, cancellationToken))
        {
            var token = await TokenAsync(http, app.BaseUrl);
            var storedAfterCrash = await StoredAsync();
            foreach (var (key, reference) in acknowledged)
                Assert.Equal(reference, Assert.Single(storedAfterCrash, s => s.Key == key).Reference);

            foreach (var key in attempted.Keys)
            {
                using var retry = await SendAsync(http, app.BaseUrl, token, key);
                Assert.True(retry.IsSuccessStatusCode, $"{key}: {(int)retry.StatusCode} {await retry.Content.ReadAsStringAsync(cancellationToken)}");
                if (acknowledged.TryGetValue(key, out var reference))
                {
                    Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
                    Assert.Equal(reference, await ReferenceAsync(retry));
                }
            }

            var stored = await StoredAsync();
            Assert.Equal(attempted.Keys.Order(), stored.Select(s => s.Key).Order());
            Assert.Equal(stored.Count, stored.Select(s => s.Reference).Distinct().Count());
            Assert.True(acknowledged.Count >= KillAfterAcknowledged);
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"attempted {attempted.Count}, acknowledged {acknowledged.Count}, stored at restart {storedAfterCrash.Count}");
        }
    }

    private static async Task<string> TokenAsync(HttpClient http, string baseUrl)
    {
        using var response = await http.PostAsync(baseUrl + "/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = OidcDemoClients.Service,
            ["client_secret"] = OidcDemoClients.ServiceSecret, ["scope"] = OidcSetup.FormsSubmitScope,
        }), TestContext.Current.CancellationToken);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        Assert.True(response.IsSuccessStatusCode, body.ToJsonString());
        return body["access_token"]!.GetValue<string>();
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient http, string baseUrl, string token, string key)
    {
        // Yesterday in Hong Kong: inside the form's "not after today, not before a year ago" whatever the hour.
        var when = HongKongTime.Today(TimeProvider.System).AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var body = new JsonObject
        {
            ["answers"] = new JsonObject
            {
                ["problem"] = "premises", ["when"] = when, ["shopName"] = "Shop " + key,
                ["shopAddress"] = new JsonObject { ["street"] = "1 Queen's Road Central", ["district"] = "central-and-western" },
                ["details"] = "Rubbish at the back door.", ["wantsReply"] = false,
            },
            ["language"] = "en",
        };
        var request = new HttpRequestMessage(HttpMethod.Post, $"{baseUrl}/api/v1/forms/{FormId}/submissions")
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", token);
        request.Headers.Add("Idempotency-Key", key);
        return http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static async Task<string> ReferenceAsync(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return json.RootElement.GetProperty("reference").GetString()!;
    }

    /// <summary>The demo client's submissions, read straight from the database.</summary>
    private async Task<List<(string Key, string Reference)>> StoredAsync()
    {
        await using DbConnection connection = provider == Provider.Postgres ? new NpgsqlConnection(_connectionString) : new SqliteConnection(_connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"IdempotencyKey\", \"Reference\" FROM \"Submission\" WHERE \"IdempotencyScope\" = 'client:" + OidcDemoClients.Service + "'";
        var rows = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken)) rows.Add((reader.GetString(0), reader.GetString(1)));
        return rows;
    }
}

public sealed class CrashSqliteTests() : CrashTests(Provider.Sqlite);

public sealed class CrashPostgresTests() : CrashTests(Provider.Postgres);
