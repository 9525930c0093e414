using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace OneStop.BrowserTests.Infrastructure;

/// <summary>
/// The portal on Kestrel on a free loopback port, so a real browser can reach it, with its own
/// fresh SQLite database in a temp folder, seeded with the demo catalogue. Same settings as the
/// integration tests' OneStopApp (tests/OneStop.Tests/Infrastructure/OneStopApp.cs), SQLite only.
/// </summary>
public sealed class OneStopServer : WebApplicationFactory<Program>
{
    private readonly string _folder = Directory.CreateTempSubdirectory("onestop-browser-").FullName;

    public OneStopServer() => UseKestrel(o => o.Listen(IPAddress.Loopback, 0));

    /// <summary>The root URL, e.g. http://127.0.0.1:41234 (no trailing slash).</summary>
    public string BaseUrl { get; private set; } = "";

    public void Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        BaseUrl = addresses.First().TrimEnd('/');
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:OneStop", $"Data Source={Path.Combine(_folder, "onestop.db")}");
        builder.UseSetting("Database:Provider", "sqlite");
        builder.UseSetting("Database:MigrateOnStart", "true");
        builder.UseSetting("Demo:Seed", "true");
        builder.UseSetting("Catalogue:RefreshInterval", "00:00:00");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
