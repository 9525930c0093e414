using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using OneStop.Catalogue.Import;
using OneStop.Forms.Definitions;
using OneStop.Forms.Store;
using OneStop.Platform.Database;
using OneStop.Platform.Storage;

namespace OneStop.Forms.Import;

/// <summary>What happened to one file of an import.</summary>
public sealed record FormImportOutcome(string File, string? FormId, int? Version, bool Unchanged, IReadOnlyList<string> Problems)
{
    public bool Imported => Problems.Count == 0;
}

/// <summary>
/// Bulk import of form definitions (a folder or a .zip of JSON files), for departments moving their
/// existing forms onto OneStop. All or nothing per form: a file with any problem changes nothing, the
/// others still go in, and every problem of every file is reported. An imported form is published at
/// once; a file identical to the form's current version is left alone, so an import can be re-run.
/// </summary>
public sealed class ImportForms(OneStopDb db, FormVersions versions)
{
    /// <summary>A definition is a few kilobytes; this guards against a zip that expands to gigabytes.</summary>
    public const long MaxFileBytes = 2 * 1024 * 1024;

    public async Task<List<FormImportOutcome>> RunAsync(string path, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var files = Sources(path).ToList();
        var outcomes = new List<FormImportOutcome>(files.Count);
        var seen = new Dictionary<string, string>();
        foreach (var (name, open) in files)
        {
            outcomes.Add(await ImportOneAsync(name, open, seen, cancellationToken));
            progress?.Report(new ImportProgress("Importing", outcomes.Count, files.Count));
        }
        return outcomes;
    }

    private async Task<FormImportOutcome> ImportOneAsync(string name, Func<Stream> open, Dictionary<string, string> seen, CancellationToken cancellationToken)
    {
        string json;
        try
        {
            await using var raw = open();
            // Limited as read, whatever a zip's header claims the size is.
            using var reader = new StreamReader(new LengthLimitedStream(raw, MaxFileBytes), System.Text.Encoding.UTF8);
            json = await reader.ReadToEndAsync(cancellationToken);
        }
        catch (FileTooLargeException)
        {
            return Failed(name, null, $"The file is larger than {MaxFileBytes / 1024 / 1024} MB.");
        }
        if (DefinitionJson.Parse(json, out var error) is not { } definition) return Failed(name, null, error!);
        if (!seen.TryAdd(definition.Id, name)) return Failed(name, definition.Id, $"The form '{definition.Id}' is also in {seen[definition.Id]}.");
        var problems = await versions.CheckAsync(definition, cancellationToken);
        if (problems.Count > 0) return new(name, definition.Id, null, false, problems.Select(p => p.ToString()).ToList());

        db.ChangeTracker.Clear();
        var written = DefinitionJson.Write(definition);
        var current = await db.Set<Form>().AsNoTracking().Where(f => f.Id == definition.Id)
            .Select(f => new { f.DepartmentCode, f.PublishedVersion, Json = f.Versions.Where(v => v.Version == f.PublishedVersion).Select(v => v.Definition).FirstOrDefault() })
            .SingleOrDefaultAsync(cancellationToken);
        if (current is not null && current.DepartmentCode != definition.Department)
            return Failed(name, definition.Id, $"The form '{definition.Id}' belongs to {current.DepartmentCode}; a form stays with its department.");
        if (current?.Json == written) return new(name, definition.Id, current.PublishedVersion, true, []);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var version = await versions.SaveDraftAsync(definition, null, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await versions.PublishAsync(definition.Id, null, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new(name, definition.Id, version, false, []);
    }

    private static FormImportOutcome Failed(string file, string? formId, string problem) => new(file, formId, null, false, [problem]);

    /// <summary>The JSON files under a folder (recursively, in name order) or in a zip; names relative to it.</summary>
    private static IEnumerable<(string Name, Func<Stream> Open)> Sources(string path)
    {
        if (Directory.Exists(path))
        {
            return Directory.EnumerateFiles(path, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
                .Select(f => (Path.GetRelativePath(path, f), (Func<Stream>)(() => File.OpenRead(f))));
        }
        // The archive stays open while the import reads it; entries are read one at a time.
        var zip = ZipFile.OpenRead(path);
        return zip.Entries.Where(e => e.FullName.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && e.Length > 0)
            .OrderBy(e => e.FullName, StringComparer.Ordinal)
            .Select(e => (e.FullName, (Func<Stream>)e.Open))
            .ToList();
    }
}
