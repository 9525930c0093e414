using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Options;

namespace OneStop.Platform.Scanning;

/// <summary>
/// Scans with clamd over TCP using its INSTREAM command: <c>zINSTREAM\0</c>, then chunks each prefixed with
/// their length as a 4-byte big-endian number, then a zero-length chunk; clamd answers one NUL-terminated
/// line: <c>stream: OK</c>, <c>stream: NAME FOUND</c> or a line ending in <c>ERROR</c>. The file never
/// touches clamd's disk, so clamd needs no access to <c>Storage:Root</c>.
/// </summary>
public sealed class ClamAvScanner(IOptions<ClamAvOptions> options, TimeProvider clock, ILogger<ClamAvScanner> logger) : IVirusScanner
{
    private const int MaxReplyBytes = 4096;

    public async Task<ScanResult> ScanAsync(Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var result = await ConverseAsync("zINSTREAM\0"u8.ToArray(), content, cancellationToken);
        switch (result)
        {
            case ScanResult.Infected infected:
                logger.LogWarning("clamd found {Signature} in an uploaded file.", infected.Signature);
                break;
            case ScanResult.Failed failed:
                logger.LogWarning("Virus scan failed: {Reason}", failed.Reason);
                break;
        }
        return result;
    }

    /// <summary>True when clamd answers PING with PONG; the health check's question.</summary>
    public async Task<bool> PingAsync(CancellationToken cancellationToken = default)
    {
        var result = await ConverseAsync("zPING\0"u8.ToArray(), content: null, cancellationToken);
        return result is ScanResult.Clean;
    }

    /// <summary>
    /// One connection, one command. With content, streams it as INSTREAM; without, expects PONG. The
    /// reply is mapped to a result (PONG maps to Clean).
    /// </summary>
    private async Task<ScanResult> ConverseAsync(byte[] command, Stream? content, CancellationToken cancellationToken)
    {
        var o = options.Value;
        using var timeout = new CancellationTokenSource(o.ConnectTimeout, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var client = new TcpClient { NoDelay = true };
        try
        {
            await client.ConnectAsync(o.Host, o.Port, linked.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ScanResult.Failed($"clamd at {o.Host}:{o.Port} did not accept a connection within {o.ConnectTimeout}.");
        }
        catch (SocketException e)
        {
            return new ScanResult.Failed($"Could not connect to clamd at {o.Host}:{o.Port}: {e.SocketErrorCode}.");
        }

        timeout.CancelAfter(o.Timeout);
        var network = client.GetStream();
        try
        {
            await network.WriteAsync(command, linked.Token);
            if (content is not null) await SendChunksAsync(network, content, o.ChunkSize, linked.Token);
            var reply = await ReadReplyAsync(network, linked.Token);
            return content is null ? (reply == "PONG" ? new ScanResult.Clean() : new ScanResult.Failed($"clamd answered PING with '{reply}'.")) : Parse(reply);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ScanResult.Failed($"clamd did not answer within {o.Timeout}.");
        }
        catch (IOException e)
        {
            return new ScanResult.Failed($"The connection to clamd failed: {e.Message}");
        }
    }

    private static async Task SendChunksAsync(NetworkStream network, Stream content, int chunkSize, CancellationToken cancellationToken)
    {
        var buffer = new byte[4 + chunkSize];
        int read;
        // The caller's stream failing is the caller's error and propagates; the socket failing is not.
        while ((read = await content.ReadAtLeastAsync(buffer.AsMemory(4), chunkSize, throwOnEndOfStream: false, cancellationToken)) > 0)
        {
            BinaryPrimitives.WriteUInt32BigEndian(buffer, (uint)read);
            try
            {
                await network.WriteAsync(buffer.AsMemory(0, 4 + read), cancellationToken);
            }
            catch (IOException)
            {
                // clamd stops reading and closes once the stream passes its StreamMaxLength, after writing its
                // reason; stop sending and let the caller read that reason.
                return;
            }
        }
        await network.WriteAsync(new byte[4], cancellationToken);
    }

    private static async Task<string> ReadReplyAsync(NetworkStream network, CancellationToken cancellationToken)
    {
        var reply = new MemoryStream();
        var buffer = new byte[256];
        while (reply.Length < MaxReplyBytes)
        {
            var read = await network.ReadAsync(buffer, cancellationToken);
            if (read == 0) break;
            var end = Array.IndexOf(buffer, (byte)0, 0, read);
            reply.Write(buffer, 0, end < 0 ? read : end);
            if (end >= 0) break;
        }
        if (reply.Length == 0) throw new IOException("clamd closed the connection without an answer.");
        return Encoding.UTF8.GetString(reply.ToArray()).Trim();
    }

    /// <summary>Maps clamd's INSTREAM answer, e.g. "stream: Eicar-Test-Signature FOUND".</summary>
    internal static ScanResult Parse(string reply)
    {
        var verdict = reply.StartsWith("stream: ", StringComparison.Ordinal) ? reply["stream: ".Length..] : reply;
        if (verdict == "OK") return new ScanResult.Clean();
        if (verdict.EndsWith(" FOUND", StringComparison.Ordinal) && verdict.Length > " FOUND".Length)
            return new ScanResult.Infected(verdict[..^" FOUND".Length].Trim());
        if (reply.Contains("size limit exceeded", StringComparison.OrdinalIgnoreCase))
            return new ScanResult.Failed("The file is larger than clamd's StreamMaxLength.");
        if (verdict.EndsWith("ERROR", StringComparison.Ordinal))
            return new ScanResult.Failed($"clamd reported an error: {reply}");
        return new ScanResult.Failed($"clamd gave an answer that is not understood: {reply}");
    }
}
