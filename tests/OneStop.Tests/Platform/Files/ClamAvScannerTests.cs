using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using OneStop.Platform.Scanning;

namespace OneStop.Tests.Platform.Files;

public sealed class ClamAvScannerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ClamAvScanner Scanner(int port, TimeProvider? clock = null, int chunkSize = 64 * 1024, string host = "127.0.0.1") =>
        new(Microsoft.Extensions.Options.Options.Create(new ClamAvOptions
        {
            Enabled = true, Host = host, Port = port, ChunkSize = chunkSize,
            ConnectTimeout = TimeSpan.FromSeconds(5), Timeout = TimeSpan.FromSeconds(30),
        }), clock ?? TimeProvider.System, NullLogger<ClamAvScanner>.Instance);

    [Fact]
    public async Task ScanAsync_CleanFile_IsSentInLengthPrefixedChunksAndAnswersClean()
    {
        await using var clamd = new FakeClamd();
        var bytes = RandomNumberGenerator.GetBytes(10_000);

        var result = await Scanner(clamd.Port, chunkSize: 4096).ScanAsync(new MemoryStream(bytes), Ct);

        Assert.IsType<ScanResult.Clean>(result);
        Assert.Equal(ScanOutcome.Clean, result.Outcome);
        Assert.Equal(bytes, Assert.Single(clamd.Streams));
        Assert.Equal([4096, 4096, 1808], clamd.ChunkSizes);
    }

    [Fact]
    public async Task ScanAsync_EicarTestFile_IsInfectedWithTheSignatureName()
    {
        await using var clamd = new FakeClamd();
        // Split across chunks, so the fake finds it only if the stream is reassembled in order.
        byte[] file = [.. new byte[1020], .. FakeClamd.Eicar, .. new byte[100]];

        var result = await Scanner(clamd.Port, chunkSize: 1024).ScanAsync(new MemoryStream(file), Ct);

        Assert.Equal(new ScanResult.Infected("Eicar-Test-Signature"), result);
    }

    [Fact]
    public async Task ScanAsync_LargerThanClamdsStreamMaxLength_Fails()
    {
        await using var clamd = new FakeClamd { StreamMaxLength = 5_000 };

        var result = await Scanner(clamd.Port, chunkSize: 1024).ScanAsync(new MemoryStream(new byte[50_000]), Ct);

        var failed = Assert.IsType<ScanResult.Failed>(result);
        Assert.Contains("StreamMaxLength", failed.Reason);
    }

    [Theory]
    [InlineData("stream: Can't allocate memory ERROR", "Can't allocate memory")]
    [InlineData("COMMAND READ TIMED OUT", "not understood")]
    public async Task ScanAsync_ClamdAnswersAnError_Fails(string reply, string reason)
    {
        await using var clamd = new FakeClamd { Reply = reply };

        var result = await Scanner(clamd.Port).ScanAsync(new MemoryStream("x"u8.ToArray()), Ct);

        Assert.Contains(reason, Assert.IsType<ScanResult.Failed>(result).Reason);
    }

    [Fact]
    public async Task ScanAsync_ClamdNeverAnswers_FailsWhenTheTimeoutPasses()
    {
        await using var clamd = new FakeClamd { Hang = true };
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);

        var scan = Scanner(clamd.Port, clock).ScanAsync(new MemoryStream("x"u8.ToArray()), Ct);
        await clamd.StreamReceived.WaitAsync(Ct);
        Assert.False(scan.IsCompleted, "the scan should still be waiting for clamd's answer");
        clock.Advance(TimeSpan.FromSeconds(30));
        var result = await scan.WaitAsync(Ct);

        Assert.Contains("did not answer within", Assert.IsType<ScanResult.Failed>(result).Reason);
    }

    [Fact]
    public async Task ScanAsync_CallerCancels_ThrowsInsteadOfFailing()
    {
        await using var clamd = new FakeClamd { Hang = true };
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        var scan = Scanner(clamd.Port).ScanAsync(new MemoryStream("x"u8.ToArray()), cancel.Token);
        await clamd.StreamReceived.WaitAsync(Ct);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => scan);
    }

    [Fact]
    public async Task ScanAsync_NothingListening_Fails()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var result = await Scanner(port).ScanAsync(new MemoryStream("x"u8.ToArray()), Ct);

        Assert.Contains("Could not connect", Assert.IsType<ScanResult.Failed>(result).Reason);
    }

    [Fact]
    public async Task PingAsync_ClamdAnswersPong_IsTrue_AndFalseWhenItIsGone()
    {
        var clamd = new FakeClamd();
        var scanner = Scanner(clamd.Port);

        Assert.True(await scanner.PingAsync(Ct));
        Assert.Equal(1, clamd.Pings);
        await clamd.DisposeAsync();
        Assert.False(await scanner.PingAsync(Ct));
    }

    [Fact]
    public async Task NotScanningScanner_SaysNotScanned_NeverClean()
    {
        var result = await new NotScanningScanner().ScanAsync(new MemoryStream(FakeClamd.Eicar), Ct);

        Assert.Equal(ScanOutcome.NotScanned, result.Outcome);
    }

    /// <summary>The same EICAR check against a real clamd, when the machine running the tests has one.</summary>
    [Fact]
    public async Task ScanAsync_RealClamdOnLocalhost_FindsTheEicarTestFile()
    {
        var scanner = Scanner(3310, host: "localhost");
        if (!await scanner.PingAsync(Ct))
            Assert.Skip("No clamd answers PING on localhost:3310. Start one (e.g. the clamav/clamav container with port 3310 published) to run this test against the real daemon.");

        var result = await scanner.ScanAsync(new MemoryStream(FakeClamd.Eicar), Ct);

        var infected = Assert.IsType<ScanResult.Infected>(result);
        Assert.Contains("Eicar", infected.Signature, StringComparison.OrdinalIgnoreCase);
        Assert.IsType<ScanResult.Clean>(await scanner.ScanAsync(new MemoryStream("an ordinary letter"u8.ToArray()), Ct));
    }
}
