using OneStop.Platform.Scanning;

namespace OneStop.Platform.Storage;

/// <summary>
/// What an upload must satisfy. <see cref="MaxFileBytes"/> is the field's limit; <see cref="RemainingSubmissionBytes"/>
/// is what is left of the submission's limit after the files it already holds (null: no such limit).
/// <see cref="AllowedTypes"/> are <see cref="FileTypes.Names"/>.
/// </summary>
public sealed record IntakeRules(long MaxFileBytes, IReadOnlyCollection<string> AllowedTypes, long? RemainingSubmissionBytes = null);

/// <summary>The answer to an upload. Only <see cref="Accepted"/> leaves a file in the store.</summary>
public abstract record IntakeResult
{
    /// <summary><see cref="Scan"/> is Clean, or NotScanned when no scanner is switched on (keep it with the file).</summary>
    public sealed record Accepted(StoredFile File, FileType Type, ScanOutcome Scan) : IntakeResult;

    public sealed record Empty : IntakeResult;

    public sealed record FileTooLarge(long Limit) : IntakeResult;

    public sealed record SubmissionTooLarge(long Remaining) : IntakeResult;

    /// <summary><see cref="Detected"/> is the type the content turned out to be, or null if none known.</summary>
    public sealed record TypeNotAllowed(FileType? Detected) : IntakeResult;

    public sealed record Infected(string Signature) : IntakeResult;

    /// <summary>The scanner gave no verdict; ask the person to try again later. <see cref="Reason"/> is for logs.</summary>
    public sealed record ScanFailed(string Reason) : IntakeResult;
}

/// <summary>
/// Takes an upload through every check in one call: size while it streams in, type by content, then the
/// virus scan. A file that fails any check is deleted before the answer is returned.
/// </summary>
public sealed class FileIntake(IFileStore store, IVirusScanner scanner)
{
    public async Task<IntakeResult> AcceptAsync(Stream upload, IntakeRules rules, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        ArgumentNullException.ThrowIfNull(rules);
        var remaining = Math.Max(0, rules.RemainingSubmissionBytes ?? long.MaxValue);
        var limit = Math.Min(rules.MaxFileBytes, remaining);
        StoredFile stored;
        try
        {
            stored = await store.PutAsync(upload, limit, cancellationToken);
        }
        catch (FileTooLargeException)
        {
            return remaining < rules.MaxFileBytes ? new IntakeResult.SubmissionTooLarge(remaining) : new IntakeResult.FileTooLarge(rules.MaxFileBytes);
        }

        IntakeResult result;
        try
        {
            result = await CheckAsync(stored, rules, cancellationToken);
        }
        catch
        {
            await store.DeleteAsync(stored.Key, CancellationToken.None);
            throw;
        }
        if (result is not IntakeResult.Accepted) await store.DeleteAsync(stored.Key, CancellationToken.None);
        return result;
    }

    private async Task<IntakeResult> CheckAsync(StoredFile stored, IntakeRules rules, CancellationToken cancellationToken)
    {
        if (stored.Length == 0) return new IntakeResult.Empty();
        await using var content = await store.OpenReadAsync(stored.Key, cancellationToken)
            ?? throw new InvalidOperationException("A file just stored could not be opened.");
        var type = await FileTypes.DetectAsync(content, cancellationToken);
        if (type is null || !rules.AllowedTypes.Contains(type.Name, StringComparer.Ordinal))
            return new IntakeResult.TypeNotAllowed(type);
        return await scanner.ScanAsync(content, cancellationToken) switch
        {
            ScanResult.Infected infected => new IntakeResult.Infected(infected.Signature),
            ScanResult.Failed failed => new IntakeResult.ScanFailed(failed.Reason),
            var scan => new IntakeResult.Accepted(stored, type, scan.Outcome),
        };
    }
}
