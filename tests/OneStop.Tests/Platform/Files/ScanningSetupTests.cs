using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OneStop.Platform.Scanning;

namespace OneStop.Tests.Platform.Files;

public sealed class ScanningSetupTests : IAsyncLifetime
{
    private readonly OneStopApp _app = new(Provider.Sqlite, seed: false);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Theory]
    [InlineData("Port", "0")]
    [InlineData("Port", "70000")]
    [InlineData("Host", "")]
    [InlineData("ChunkSize", "10")]
    [InlineData("Timeout", "00:00:00")]
    [InlineData("ConnectTimeout", "00:05:00")]
    public async Task Start_InvalidClamAvSetting_StopsTheApp(string setting, string value)
    {
        await using var app = _app.WithWebHostBuilder(b => b
            .UseSetting("Scanning:ClamAv:Enabled", "true")
            .UseSetting("Scanning:ClamAv:" + setting, value));

        var error = Assert.ThrowsAny<Exception>(() => app.Services);

        var validation = Assert.IsType<OptionsValidationException>(error.GetBaseException());
        Assert.Contains(setting, validation.Message);
    }

    [Fact]
    public async Task Start_ScanningNotConfigured_ScannerSaysNotScannedAndReadinessIgnoresIt()
    {
        var client = _app.CreateClient();

        var scanner = _app.Services.GetRequiredService<IVirusScanner>();
        var (status, body) = await client.GetTextAsync("/health/ready");

        Assert.IsType<NotScanningScanner>(scanner);
        Assert.Equal(ScanOutcome.NotScanned, (await scanner.ScanAsync(new MemoryStream(FakeClamd.Eicar), Ct)).Outcome);
        Assert.Equal((200, "Healthy"), (status, body));
    }

    [Fact]
    public async Task Start_ClamAvEnabled_ScansWithClamdAndReadinessPingsIt()
    {
        await using var clamd = new FakeClamd();
        await using var app = _app.WithWebHostBuilder(b => b
            .UseSetting("Scanning:ClamAv:Enabled", "true")
            .UseSetting("Scanning:ClamAv:Host", "127.0.0.1")
            .UseSetting("Scanning:ClamAv:Port", clamd.Port.ToString(CultureInfo.InvariantCulture)));
        var client = app.CreateClient();

        var result = await app.Services.GetRequiredService<IVirusScanner>().ScanAsync(new MemoryStream(FakeClamd.Eicar), Ct);
        var (status, body) = await client.GetTextAsync("/health/ready");

        Assert.Equal(new ScanResult.Infected("Eicar-Test-Signature"), result);
        Assert.Equal((200, "Healthy"), (status, body));
        Assert.Equal(1, clamd.Pings);
    }

    [Fact]
    public async Task Ready_ClamdDown_ReportsDegradedButStaysInTheLoadBalancer()
    {
        var clamd = new FakeClamd();
        var port = clamd.Port;
        await clamd.DisposeAsync();
        await using var app = _app.WithWebHostBuilder(b => b
            .UseSetting("Scanning:ClamAv:Enabled", "true")
            .UseSetting("Scanning:ClamAv:Host", "127.0.0.1")
            .UseSetting("Scanning:ClamAv:Port", port.ToString(CultureInfo.InvariantCulture)));

        var (status, body) = await app.CreateClient().GetTextAsync("/health/ready");

        Assert.Equal((200, "Degraded"), (status, body));
    }
}
