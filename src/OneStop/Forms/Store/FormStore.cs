using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using OneStop.Forms.Definitions;
using OneStop.Platform.Database;

namespace OneStop.Forms.Store;

/// <summary>A form version ready to fill in: the row's facts and the parsed definition.</summary>
public sealed record LoadedForm(string FormId, int Version, string DepartmentCode, bool Retired, FormDefinition Definition);

/// <summary>
/// Reads form definitions. Published versions never change, so each node keeps the parsed definition of
/// every version it has read (keyed by id and version) and only asks the database which version is current.
/// </summary>
public sealed class FormStore(OneStopDb db, ParsedDefinitions parsed)
{
    /// <summary>The version people fill in now; null when the form does not exist or has nothing published.</summary>
    public async Task<LoadedForm?> CurrentAsync(string formId, CancellationToken cancellationToken = default)
    {
        var form = await db.Set<Form>().AsNoTracking()
            .Where(f => f.Id == formId)
            .Select(f => new { f.PublishedVersion, f.DepartmentCode, f.RetiredAt })
            .SingleOrDefaultAsync(cancellationToken);
        if (form?.PublishedVersion is not { } version) return null;
        var definition = await parsed.GetAsync(db, formId, version, cancellationToken);
        return definition is null ? null : new LoadedForm(formId, version, form.DepartmentCode, form.RetiredAt is not null, definition);
    }

    /// <summary>A version whose form row the caller has already read (to save a query on a hot path).</summary>
    public async Task<LoadedForm?> LoadAsync(string formId, int version, string departmentCode, bool retired, CancellationToken cancellationToken = default)
    {
        var definition = await parsed.GetAsync(db, formId, version, cancellationToken);
        return definition is null ? null : new LoadedForm(formId, version, departmentCode, retired, definition);
    }

    /// <summary>A published (or superseded) version, as a draft or submission pinned to it needs.</summary>
    public async Task<LoadedForm?> VersionAsync(string formId, int version, CancellationToken cancellationToken = default)
    {
        var form = await db.Set<Form>().AsNoTracking()
            .Where(f => f.Id == formId)
            .Select(f => new { f.DepartmentCode, f.RetiredAt })
            .SingleOrDefaultAsync(cancellationToken);
        if (form is null) return null;
        var definition = await parsed.GetAsync(db, formId, version, cancellationToken);
        return definition is null ? null : new LoadedForm(formId, version, form.DepartmentCode, form.RetiredAt is not null, definition);
    }
}

/// <summary>The per-node cache of parsed published definitions (singleton; entries never go stale).</summary>
public sealed class ParsedDefinitions
{
    private readonly ConcurrentDictionary<(string, int), FormDefinition> _cache = new();

    public async Task<FormDefinition?> GetAsync(OneStopDb db, string formId, int version, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue((formId, version), out var cached)) return cached;
        var json = await db.Set<FormVersion>().AsNoTracking()
            .Where(v => v.FormId == formId && v.Version == version && v.State != VersionState.Draft)
            .Select(v => v.Definition)
            .SingleOrDefaultAsync(cancellationToken);
        if (json is null) return null;
        var definition = DefinitionJson.Parse(json, out var error)
            ?? throw new InvalidOperationException($"Published form {formId} v{version} no longer reads: {error}");
        // A cap keeps a node's memory bounded when someone walks every version of 3,500 forms.
        if (_cache.Count < 20_000) _cache.TryAdd((formId, version), definition);
        return definition;
    }
}
