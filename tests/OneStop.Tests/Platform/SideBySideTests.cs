using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using OneStop.Tests.Infrastructure;

namespace OneStop.Tests.Platform;

/// <summary>Two real server processes with their own database and port, as an operator would run them.</summary>
public sealed class SideBySideTests
{
    [Fact]
    public async Task TwoInstances_WithDifferentDatabasesAndUrls_RunSideBySideIndependently()
    {
        var folder = Directory.CreateTempSubdirectory("onestop-two-").FullName;
        var (a, b) = (FreePort(), FreePort());
        using var first = Start(folder, a, "a.db", seed: true);
        using var second = Start(folder, b, "b.db", seed: false);
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            await WaitUntilReadyAsync(http, a);
            await WaitUntilReadyAsync(http, b);

            var withDemo = await http.GetJsonAsync($"http://127.0.0.1:{a}/api/v1/services");
            var empty = await http.GetJsonAsync($"http://127.0.0.1:{b}/api/v1/services");

            Assert.True(withDemo.GetProperty("total").GetInt32() >= 80);
            Assert.Equal(0, empty.GetProperty("total").GetInt32());
            Assert.True(File.Exists(Path.Combine(folder, "a.db")));
            Assert.True(File.Exists(Path.Combine(folder, "b.db")));
        }
        finally
        {
            first.Kill(entireProcessTree: true);
            second.Kill(entireProcessTree: true);
        }
    }

    private static Process Start(string folder, int port, string database, bool seed)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[]
                 {
                     "exec", Path.Combine(AppContext.BaseDirectory, "OneStop.dll"),
                     "--urls", $"http://127.0.0.1:{port}",
                     "--ConnectionStrings:OneStop", $"Data Source={Path.Combine(folder, database)}",
                     "--Demo:Seed", seed ? "true" : "false",
                     "--Storage:Root", Path.Combine(folder, "files-" + port),
                     "--Site:PublicOrigin", $"http://127.0.0.1:{port}",
                     "--Mail:Delivery", "PickupFolder",
                     "--DataProtection:AllowUnprotectedKeys", "true",
                     "--Mail:PickupFolder", Path.Combine(folder, "mail-" + port),
                 })
            start.ArgumentList.Add(arg);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var process = Process.Start(start)!;
        // Drain the logs so the process never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitUntilReadyAsync(HttpClient http, int port)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                using var response = await http.GetAsync($"http://127.0.0.1:{port}/health/ready", TestContext.Current.CancellationToken);
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            // Not listening yet (refused), or still starting (the client's own timeout).
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && DateTime.UtcNow < deadline) { }
            if (DateTime.UtcNow >= deadline) Assert.Fail($"The instance on port {port} did not become ready in 60 s.");
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
