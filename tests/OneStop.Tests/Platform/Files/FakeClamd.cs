using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OneStop.Tests.Platform.Files;

/// <summary>
/// A clamd stand-in on a local port that speaks the same TCP protocol: z- (NUL-terminated) and n-
/// (newline-terminated) commands, PING, and INSTREAM with length-prefixed chunks ended by a zero-length one.
/// It reassembles the stream, reports the EICAR test string as clamd does, enforces a StreamMaxLength,
/// and can be told to hang before answering.
/// </summary>
public sealed class FakeClamd : IAsyncDisposable
{
    /// <summary>Built from two halves so that no source file is itself flagged by a virus scanner.</summary>
    public static readonly byte[] Eicar = Encoding.ASCII.GetBytes(@"X5O!P%@AP[4\PZX54(P^)7CC)7}$" + "EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*");

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private readonly List<byte[]> _streams = [];
    private readonly List<int> _chunkSizes = [];
    private readonly TaskCompletionSource _streamReceived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public FakeClamd()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>clamd's StreamMaxLength.</summary>
    public long StreamMaxLength { get; init; } = 25 * 1024 * 1024;

    /// <summary>Receive the whole stream, then never answer.</summary>
    public bool Hang { get; init; }

    /// <summary>Answer INSTREAM with this instead of a verdict.</summary>
    public string? Reply { get; init; }

    private int _pings;

    public int Pings => Volatile.Read(ref _pings);

    public IReadOnlyList<byte[]> Streams { get { lock (_streams) return [.. _streams]; } }

    public IReadOnlyList<int> ChunkSizes { get { lock (_streams) return [.. _chunkSizes]; } }

    /// <summary>Completes once a whole INSTREAM (up to its zero-length chunk) has arrived.</summary>
    public Task StreamReceived => _streamReceived.Task;

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                _ = ServeAsync(client);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException) { }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        var token = _stop.Token;
        try
        {
            var command = await ReadCommandAsync(stream, token);
            var terminator = command.StartsWith('n') ? "\n" : "\0";
            switch (command.TrimStart('z', 'n'))
            {
                case "PING":
                    Interlocked.Increment(ref _pings);
                    await Answer(stream, "PONG" + terminator, token);
                    break;
                case "INSTREAM":
                    await ServeInstreamAsync(client, stream, terminator, token);
                    break;
                default:
                    await Answer(stream, "UNKNOWN COMMAND" + terminator, token);
                    break;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or EndOfStreamException) { }
    }

    private async Task ServeInstreamAsync(TcpClient client, NetworkStream stream, string terminator, CancellationToken token)
    {
        var received = new MemoryStream();
        var length = new byte[4];
        while (true)
        {
            await stream.ReadExactlyAsync(length, token);
            var size = BinaryPrimitives.ReadUInt32BigEndian(length);
            if (size == 0) break;
            var chunk = new byte[size];
            await stream.ReadExactlyAsync(chunk, token);
            lock (_streams) _chunkSizes.Add((int)size);
            received.Write(chunk);
            if (received.Length > StreamMaxLength)
            {
                // As clamd: say why, stop reading the stream. Draining what is still in flight keeps the
                // kernel from resetting the connection before the client has read the reason.
                await Answer(stream, "INSTREAM size limit exceeded. ERROR" + terminator, token);
                client.Client.Shutdown(SocketShutdown.Send);
                while (await stream.ReadAsync(new byte[8192], token) > 0) { }
                return;
            }
        }
        lock (_streams) _streams.Add(received.ToArray());
        _streamReceived.TrySetResult();
        if (Hang)
        {
            await Task.Delay(Timeout.Infinite, token);
            return;
        }
        var verdict = Reply ?? (Contains(received.ToArray(), Eicar) ? "stream: Eicar-Test-Signature FOUND" : "stream: OK");
        await Answer(stream, verdict + terminator, token);
    }

    private static async Task<string> ReadCommandAsync(NetworkStream stream, CancellationToken token)
    {
        var command = new StringBuilder();
        var one = new byte[1];
        while (command.Length < 64)
        {
            await stream.ReadExactlyAsync(one, token);
            if (one[0] == 0 || (one[0] == '\n' && command.Length > 0 && command[0] == 'n')) break;
            command.Append((char)one[0]);
        }
        return command.ToString();
    }

    private static Task Answer(NetworkStream stream, string text, CancellationToken token) =>
        stream.WriteAsync(Encoding.ASCII.GetBytes(text), token).AsTask();

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
