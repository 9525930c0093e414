using System.Collections.Frozen;
using Microsoft.EntityFrameworkCore;
using OneStop.Catalogue.Search;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;

namespace OneStop.Catalogue;

// Ordinal: the entry's position in its snapshot list. Search and facet counting index arrays with it
// instead of looking database ids up in dictionaries, which matters at 10,000 services a query.

public sealed record DepartmentEntry(int Ordinal, int Id, string Code, LocalisedText Name);

public sealed record CategoryEntry(int Ordinal, int Id, string Slug, CategoryFacet Facet, LocalisedText Name, LocalisedText Description);

public sealed record ServiceEntry(
    int Ordinal, int Id, string Slug, DepartmentEntry Department, ServiceStatus Status, Channels Channels,
    LocalisedText Name, LocalisedText Summary, int[] CategoryIds, int[] CategoryOrdinals, long Usage);

/// <summary>
/// An immutable, in-memory copy of the catalogue's listing data and its search index, built from the
/// database. Each node builds its own; it is a cache, never the source of truth.
/// </summary>
public sealed class CatalogueSnapshot
{
    private CatalogueSnapshot(long revision, IReadOnlyList<DepartmentEntry> departments,
        IReadOnlyList<CategoryEntry> categories, ServiceEntry[] services, SearchIndex index)
    {
        Revision = revision;
        Departments = departments;
        Categories = categories;
        Services = services;
        Index = index;
        ByUse = [.. services.OrderBy(s => s.Status).ThenByDescending(s => s.Usage).ThenBy(s => s.Id)];
        DepartmentsByCode = departments.ToFrozenDictionary(d => d.Code, StringComparer.OrdinalIgnoreCase);
        CategoriesBySlug = categories.ToFrozenDictionary(c => c.Slug, StringComparer.OrdinalIgnoreCase);
    }

    public long Revision { get; }
    public IReadOnlyList<DepartmentEntry> Departments { get; }
    public IReadOnlyList<CategoryEntry> Categories { get; }
    /// <summary>Live and planned services; retired ones are reachable only by their own page.</summary>
    public ServiceEntry[] Services { get; }
    /// <summary>The listing order without a query: live before planned, most used first.</summary>
    public ServiceEntry[] ByUse { get; }
    public SearchIndex Index { get; }

    /// <summary>Counts of the listing without query or filters, filled in on first use (a benign race).</summary>
    internal ServiceResults? UnfilteredListing { get; set; }
    public FrozenDictionary<string, DepartmentEntry> DepartmentsByCode { get; }
    public FrozenDictionary<string, CategoryEntry> CategoriesBySlug { get; }

    public static async Task<CatalogueSnapshot> LoadAsync(OneStopDb db, CancellationToken cancellationToken)
    {
        // One transaction, so that an import committing between the reads cannot leave a service
        // pointing at a department or category this snapshot did not read.
        await using var transaction = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        var revision = await db.CatalogueRevisions.AsNoTracking().Where(r => r.Id == 1).Select(r => r.Value).SingleAsync(cancellationToken);
        var departments = (await db.Departments.AsNoTracking().OrderBy(d => d.Code)
                .Select(d => new { d.Id, d.Code, d.Name }).ToListAsync(cancellationToken))
            .Select((d, i) => new DepartmentEntry(i, d.Id, d.Code, d.Name)).ToList();
        var categories = (await db.Categories.AsNoTracking().OrderBy(c => c.Facet).ThenBy(c => c.Slug)
                .Select(c => new { c.Id, c.Slug, c.Facet, c.Name, c.Description }).ToListAsync(cancellationToken))
            .Select((c, i) => new CategoryEntry(i, c.Id, c.Slug, c.Facet, c.Name, c.Description)).ToList();
        var rows = await db.Services.AsNoTracking()
            .Where(s => s.Status != ServiceStatus.Retired)
            .OrderBy(s => s.Id)
            .Select(s => new
            {
                s.Id, s.Slug, s.DepartmentId, s.Status, s.Channels, s.Name, s.Summary, s.Body, s.Usage,
                CategoryIds = s.Categories.Select(c => c.Id).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(cancellationToken);

        var departmentsById = departments.ToDictionary(d => d.Id);
        var categoryOrdinals = categories.ToDictionary(c => c.Id, c => c.Ordinal);
        var services = rows.Select((s, i) => new ServiceEntry(i, s.Id, s.Slug, departmentsById[s.DepartmentId], s.Status,
            s.Channels, s.Name, s.Summary, [.. s.CategoryIds], [.. s.CategoryIds.Select(id => categoryOrdinals[id])], s.Usage)).ToArray();
        // The index's document id is the service's ordinal, so a hit leads straight to its entry.
        // The department's name goes in with the body, so "immigration" or "運輸署" finds its services
        // (weighted as body text, below anything the service's own name or summary says).
        var index = SearchIndex.Build(rows.Select((s, i) => new SearchDocument(i, s.Name.All, s.Summary.All,
            s.Body.Map(ContentMarkdown.ToPlainText).All.Concat(departmentsById[s.DepartmentId].Name.All).ToList())));
        return new CatalogueSnapshot(revision, departments, categories, services, index);
    }
}
