using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Tests.Infrastructure;

namespace OneStop.BrowserTests.Infrastructure;

/// <summary>
/// The integration tests' <see cref="OneStopApp"/> (fresh SQLite database in a temp folder, demo
/// catalogue seeded) served by Kestrel on a free loopback port instead of the in-memory TestServer,
/// so that a real browser can reach it.
/// </summary>
public sealed class OneStopServer : OneStopApp
{
    public OneStopServer() : base(Provider.Sqlite, seed: true) => UseKestrel(o => o.Listen(IPAddress.Loopback, 0));

    /// <summary>Kestrel, not the in-memory server: the sandbox gateway calls back over the loopback network.</summary>
    protected override bool InMemory => false;

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
        base.ConfigureWebHost(builder);
        // Kestrel warns that UseKestrel overrides the URLs in appsettings: expected here.
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.Server.Kestrel", "Error");
    }
}
