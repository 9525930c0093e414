using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace OneStop.Platform.Storage;

/// <summary>
/// Files under <c>Storage:Root</c>: <c>objects/ab/cd/abcd…</c> for key <c>abcd…</c> (32 random hex
/// characters; two levels of 256 folders keep any one folder small). A file is written to <c>tmp/</c>,
/// flushed to disk and then renamed into place, so a key never names half a file. Several nodes may share
/// the root (e.g. over NFS): keys are random and files are never changed once stored.
/// </summary>
public sealed class FileSystemFileStore : IFileStore
{
    private const int KeyLength = 32;
    private const int BufferSize = 81_920;
    private readonly string _objects;
    private readonly string _temporary;

    public FileSystemFileStore(IOptions<StorageOptions> options, TimeProvider clock)
    {
        var root = Path.GetFullPath(options.Value.Root);
        _objects = Path.Combine(root, "objects");
        _temporary = Path.Combine(root, "tmp");
        Directory.CreateDirectory(_objects);
        Directory.CreateDirectory(_temporary);
        SweepAbandonedTemporaryFiles(clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>True for a key in this store's format; anything else (a path, "..", a file name) is refused.</summary>
    public static bool IsValidKey(string? key) =>
        key is { Length: KeyLength } && key.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');

    public async Task<StoredFile> PutAsync(Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(KeyLength / 2));
        var temporary = Path.Combine(_temporary, key + ".tmp");
        try
        {
            long length = 0;
            using var sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using (var file = new FileStream(temporary, new FileStreamOptions
            {
                Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None,
                Options = FileOptions.Asynchronous, BufferSize = 0,
            }))
            {
                var buffer = new byte[BufferSize];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    sha256.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                    length += read;
                }
                // fsync before the rename: otherwise a power cut could leave the new name pointing at
                // blocks that never reached the disk.
                file.Flush(flushToDisk: true);
            }
            var target = PathOf(key);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Move(temporary, target, overwrite: false);
            return new StoredFile(key, length, Convert.ToHexStringLower(sha256.GetHashAndReset()));
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken = default)
    {
        var path = CheckedPathOf(key);
        try
        {
            // FileShare.Delete: deleting a file while someone downloads it must not fail on Windows.
            Stream stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete,
                BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
            return Task.FromResult<Stream?>(stream);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        var path = CheckedPathOf(key);
        if (!File.Exists(path)) return Task.FromResult(false);
        File.Delete(path);
        return Task.FromResult(true);
    }

    public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken = default) =>
        Task.FromResult(File.Exists(CheckedPathOf(key)));

    private string CheckedPathOf(string key)
    {
        if (!IsValidKey(key)) throw new ArgumentException("Not a file store key.", nameof(key));
        return PathOf(key);
    }

    private string PathOf(string key) => Path.Combine(_objects, key[..2], key[2..4], key);

    /// <summary>
    /// A process killed mid-upload leaves its temporary file behind. Nothing still being written is a day
    /// old, so older ones are removed when the store starts.
    /// </summary>
    private void SweepAbandonedTemporaryFiles(DateTime now)
    {
        foreach (var file in new DirectoryInfo(_temporary).EnumerateFiles("*.tmp"))
            if (now - file.LastWriteTimeUtc > TimeSpan.FromDays(1)) TryDelete(file.FullName);
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }
}
