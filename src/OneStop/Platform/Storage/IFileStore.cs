namespace OneStop.Platform.Storage;

/// <summary>
/// A stored file: its opaque key (keep it in the database; never show it and never build it from a file
/// name), its length in bytes and the lower-case hex SHA-256 of its content.
/// </summary>
public sealed record StoredFile(string Key, long Length, string Sha256);

/// <summary>
/// Where files' bytes live (attachments, issued documents). The store knows nothing of names, types or
/// owners: those belong in the database next to the key.
/// </summary>
public interface IFileStore
{
    /// <summary>
    /// Reads <paramref name="content"/> to its end and stores it under a new key. Either the whole file is
    /// stored or nothing is: if the stream throws or the call is cancelled, no key is created.
    /// </summary>
    Task<StoredFile> PutAsync(Stream content, CancellationToken cancellationToken = default);

    /// <summary>The file's content to read, or null when no file has that key. The caller disposes the stream.</summary>
    /// <exception cref="ArgumentException">The key is not one this store could have made.</exception>
    Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Deletes the file; true if there was one.</summary>
    /// <exception cref="ArgumentException">The key is not one this store could have made.</exception>
    Task<bool> DeleteAsync(string key, CancellationToken cancellationToken = default);

    /// <exception cref="ArgumentException">The key is not one this store could have made.</exception>
    Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default);
}

/// <summary>Thrown by <see cref="FileStoreExtensions.PutAsync(IFileStore, Stream, long, CancellationToken)"/> when the content is longer than allowed.</summary>
public sealed class FileTooLargeException(long limit)
    : IOException($"The file is larger than the limit of {limit} bytes.")
{
    public long Limit { get; } = limit;
}

public static class FileStoreExtensions
{
    /// <summary>
    /// Stores the content only if it is at most <paramref name="maxLength"/> bytes. The limit is checked
    /// while reading, so an upload of unknown length is never buffered whole; past it, nothing is stored
    /// and <see cref="FileTooLargeException"/> is thrown.
    /// </summary>
    public static Task<StoredFile> PutAsync(this IFileStore store, Stream content, long maxLength, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxLength);
        return store.PutAsync(new LengthLimitedStream(content, maxLength), cancellationToken);
    }
}

/// <summary>A read-only view of a stream that throws once more than a limit has been read.</summary>
public sealed class LengthLimitedStream(Stream inner, long limit) : Stream
{
    private long _read;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _read; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private int Count(int read)
    {
        _read += read;
        if (_read > limit) throw new FileTooLargeException(limit);
        return read;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
