using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OneStop.Platform.Storage;

namespace OneStop.Tests.Platform.Files;

public sealed partial class FileStoreTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("onestop-store-").FullName;
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private FileSystemFileStore NewStore() =>
        new(Microsoft.Extensions.Options.Options.Create(new StorageOptions { Root = _root }), _clock);

    private string[] FilesUnderRoot() => Directory.GetFiles(_root, "*", SearchOption.AllDirectories);

    [Fact]
    public async Task PutAsync_ThenOpenReadAsync_ReturnsTheSameBytesWithLengthAndHash()
    {
        var store = NewStore();
        var bytes = RandomNumberGenerator.GetBytes(200_000);

        var stored = await store.PutAsync(new MemoryStream(bytes), Ct);

        Assert.Equal(bytes.Length, stored.Length);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), stored.Sha256);
        Assert.True(await store.ExistsAsync(stored.Key, Ct));
        await using var read = await store.OpenReadAsync(stored.Key, Ct);
        var copy = new MemoryStream();
        await read!.CopyToAsync(copy, Ct);
        Assert.Equal(bytes, copy.ToArray());
    }

    [Fact]
    public async Task PutAsync_SameContentTwice_GivesTwoOpaqueKeysShardedIntoFolders()
    {
        var store = NewStore();

        var first = await store.PutAsync(new MemoryStream("same"u8.ToArray()), Ct);
        var second = await store.PutAsync(new MemoryStream("same"u8.ToArray()), Ct);

        Assert.NotEqual(first.Key, second.Key);
        Assert.Matches(KeyFormat(), first.Key);
        Assert.True(FileSystemFileStore.IsValidKey(first.Key));
        var path = Path.Combine(_root, "objects", first.Key[..2], first.Key[2..4], first.Key);
        Assert.Contains(path, FilesUnderRoot());
        Assert.Equal(2, FilesUnderRoot().Length);
    }

    [Theory]
    [InlineData("../../../etc/passwd")]
    [InlineData("..")]
    [InlineData("/etc/passwd")]
    [InlineData("ab/cd/0123456789abcdef0123456789abcdef")]
    [InlineData("0123456789ABCDEF0123456789ABCDEF")]
    [InlineData("0123456789abcdef0123456789abcde")]
    [InlineData("0123456789abcdef0123456789abcdef.pdf")]
    [InlineData("..\\..\\0123456789abcdef0123456789")]
    [InlineData("")]
    public async Task AnyOperation_KeyNotInTheStoresFormat_IsRefused(string key)
    {
        var store = NewStore();

        await Assert.ThrowsAsync<ArgumentException>(() => store.OpenReadAsync(key, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => store.ExistsAsync(key, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => store.DeleteAsync(key, Ct));
        Assert.False(FileSystemFileStore.IsValidKey(key));
    }

    [Fact]
    public async Task PutAsync_StreamFailsHalfway_LeavesNoFileAndNoTemporaryFile()
    {
        var store = NewStore();
        var failing = new FailingStream(bytesBeforeFailure: 300_000);

        await Assert.ThrowsAsync<IOException>(() => store.PutAsync(failing, Ct));

        Assert.True(failing.Position > 0, "the store should have started writing before the stream failed");
        Assert.Empty(FilesUnderRoot());
    }

    [Fact]
    public async Task PutAsync_Cancelled_LeavesNothing()
    {
        var store = NewStore();
        using var cancel = new CancellationTokenSource();
        var stream = new FailingStream(bytesBeforeFailure: long.MaxValue, onRead: cancel.Cancel);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.PutAsync(stream, cancel.Token));

        Assert.Empty(FilesUnderRoot());
    }

    [Fact]
    public async Task PutAsync_WithMaxLength_StoresUpToTheLimitAndNothingPastIt()
    {
        var store = NewStore();

        var atLimit = await store.PutAsync(new MemoryStream(new byte[1000]), maxLength: 1000, Ct);
        var error = await Assert.ThrowsAsync<FileTooLargeException>(() => store.PutAsync(new MemoryStream(new byte[1001]), maxLength: 1000, Ct));

        Assert.Equal(1000, atLimit.Length);
        Assert.Equal(1000, error.Limit);
        Assert.Single(FilesUnderRoot());
    }

    [Fact]
    public async Task DeleteAsync_StoredFile_RemovesItOnce()
    {
        var store = NewStore();
        var stored = await store.PutAsync(new MemoryStream("bye"u8.ToArray()), Ct);

        Assert.True(await store.DeleteAsync(stored.Key, Ct));

        Assert.False(await store.DeleteAsync(stored.Key, Ct));
        Assert.False(await store.ExistsAsync(stored.Key, Ct));
        Assert.Null(await store.OpenReadAsync(stored.Key, Ct));
    }

    [Fact]
    public async Task NewStore_AbandonedTemporaryFiles_OlderThanADayAreSwept()
    {
        NewStore();
        var old = Path.Combine(_root, "tmp", "0123456789abcdef0123456789abcdef.tmp");
        var recent = Path.Combine(_root, "tmp", "fedcba9876543210fedcba9876543210.tmp");
        await File.WriteAllTextAsync(old, "half", Ct);
        await File.WriteAllTextAsync(recent, "half", Ct);
        File.SetLastWriteTimeUtc(old, _clock.GetUtcNow().UtcDateTime.AddDays(-2));
        File.SetLastWriteTimeUtc(recent, _clock.GetUtcNow().UtcDateTime.AddHours(-1));

        NewStore();

        Assert.False(File.Exists(old));
        Assert.True(File.Exists(recent));
    }

    [Fact]
    public async Task App_FileStore_WritesUnderStorageRoot()
    {
        await using var app = new OneStopApp(Provider.Sqlite, seed: false);
        var store = app.Services.GetRequiredService<IFileStore>();

        var stored = await store.PutAsync(new MemoryStream("app"u8.ToArray()), Ct);

        var root = app.CliConfiguration[Array.IndexOf(app.CliConfiguration, "--Storage:Root") + 1];
        Assert.True(File.Exists(Path.Combine(root, "objects", stored.Key[..2], stored.Key[2..4], stored.Key)));
        Assert.Same(store, app.Services.GetRequiredService<IFileStore>());
    }

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex KeyFormat();

    /// <summary>Gives zeros, then throws as a dropped upload would; <paramref name="onRead"/> runs before each read.</summary>
    private sealed class FailingStream(long bytesBeforeFailure, Action? onRead = null) : Stream
    {
        private long _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            onRead?.Invoke();
            if (_position >= bytesBeforeFailure) throw new IOException("The client went away.");
            var n = (int)Math.Min(buffer.Length, Math.Min(bytesBeforeFailure - _position, 10_000));
            buffer[..n].Clear();
            _position += n;
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            onRead?.Invoke();
            cancellationToken.ThrowIfCancellationRequested();
            return ValueTask.FromResult(Read(buffer.Span));
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
