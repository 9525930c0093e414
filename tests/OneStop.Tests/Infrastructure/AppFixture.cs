using System.Net.Http.Json;
using System.Text.Json;

namespace OneStop.Tests.Infrastructure;

/// <summary>
/// One portal per test class for tests that only read the demo catalogue. PostgreSQL fixtures skip
/// (or fail, in CI) when no server is configured.
/// </summary>
public abstract class AppFixture(Provider provider) : IAsyncDisposable
{
    private OneStopApp? _app;

    public Provider Provider => provider;

    public OneStopApp App
    {
        get
        {
            if (provider == Provider.Postgres) PostgresServer.SkipIfUnavailable();
            return _app ??= new OneStopApp(provider);
        }
    }

    public HttpClient Client() => App.CreateClient(new() { AllowAutoRedirect = false });

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteFixture() : AppFixture(Provider.Sqlite);

public sealed class PostgresFixture() : AppFixture(Provider.Postgres);

public static class HttpExtensions
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}");
        return await response.Content.ReadFromJsonAsync<JsonElement>(Json, TestContext.Current.CancellationToken);
    }

    public static async Task<(int Status, string Body)> GetTextAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    public static IEnumerable<string> Slugs(this JsonElement list) =>
        list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("slug").GetString()!);
}
