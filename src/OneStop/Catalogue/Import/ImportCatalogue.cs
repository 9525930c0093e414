using System.Text;
using Microsoft.EntityFrameworkCore;
using OneStop.Platform.Database;

namespace OneStop.Catalogue.Import;

public enum CatalogueFormat { Json, Csv }

public sealed record ImportProgress(string Stage, int Done, int Total);

public sealed record ImportResult(bool Imported, IReadOnlyList<ImportError> Errors, int Departments, int Categories, int Services);

/// <summary>
/// Imports a catalogue file: every row is checked first; if any is bad nothing is written and every
/// problem is returned. Otherwise departments, categories and services are upserted by code or slug in
/// one transaction. Services missing from the file are left alone (retire one by importing it as retired).
/// </summary>
public sealed class ImportCatalogue(OneStopDb db, TimeProvider time, CatalogueCache cache)
{
    public static CatalogueFormat? FormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".json" => CatalogueFormat.Json,
        ".csv" => CatalogueFormat.Csv,
        _ => null,
    };

    /// <param name="onlyDepartment">A department administrator's upload: every row must be that department's (see CatalogueValidator.CheckDepartment).</param>
    public async Task<ImportResult> RunAsync(byte[] content, CatalogueFormat format, IProgress<ImportProgress>? progress, CancellationToken cancellationToken,
        string? onlyDepartment = null)
    {
        var errors = new List<ImportError>();
        CatalogueRows rows;
        if (format == CatalogueFormat.Json)
        {
            rows = CatalogueJson.Read(content, out var syntaxError);
            if (syntaxError is not null) errors.Add(syntaxError);
        }
        else if (CatalogueCsv.FirstInvalidUtf8Line(content) is { } badLine)
        {
            // Decoding would silently turn Big5 or GB2312 into replacement characters and import garbage.
            errors.Add(new ImportError(badLine, "encoding", "The file is not UTF-8 text. Save it as \"CSV UTF-8\" and import it again."));
            rows = new CatalogueRows([], [], []);
        }
        else
        {
            using var reader = new StreamReader(new MemoryStream(content), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            rows = CatalogueCsv.Read(reader, errors);
        }

        var existingDepartments = (await db.Departments.Select(d => d.Code).ToListAsync(cancellationToken)).ToHashSet();
        var existingCategories = (await db.Categories.Select(c => c.Slug).ToListAsync(cancellationToken)).ToHashSet();
        errors.AddRange(CatalogueValidator.Check(rows, existingDepartments, existingCategories));
        if (onlyDepartment is not null)
        {
            var othersSlugs = await db.Services.Where(s => s.Department.Code != onlyDepartment).Select(s => s.Slug).ToListAsync(cancellationToken);
            errors.AddRange(CatalogueValidator.CheckDepartment(rows, onlyDepartment, othersSlugs.ToHashSet(StringComparer.Ordinal)));
        }
        progress?.Report(new ImportProgress("checked", rows.Services.Count, rows.Services.Count));
        if (errors.Count > 0)
            return new ImportResult(false, errors.OrderBy(e => e.Line).ToList(), 0, 0, 0);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var now = time.GetUtcNow().UtcDateTime;

        var departments = await db.Departments.ToDictionaryAsync(d => d.Code, cancellationToken);
        foreach (var (d, _, _) in rows.Departments)
        {
            if (!departments.TryGetValue(d.Code!, out var department))
                db.Departments.Add(department = departments[d.Code!] = new Department { Code = d.Code!, Name = d.Name!.ToText() });
            department.Name = d.Name!.ToText();
            (department.Email, department.Phone, department.Website) = (d.Email, d.Phone, d.Website);
        }

        var categories = await db.Categories.ToDictionaryAsync(c => c.Slug, cancellationToken);
        foreach (var (c, _, _) in rows.Categories)
        {
            if (!categories.TryGetValue(c.Slug!, out var category))
                db.Categories.Add(category = categories[c.Slug!] = new Category { Slug = c.Slug!, Name = c.Name!.ToText(), Description = c.Description?.ToText() ?? Platform.Localisation.LocalisedText.Empty });
            category.Facet = ChannelNames.ParseFacet(c.Facet)!.Value;
            category.Name = c.Name!.ToText();
            category.Description = c.Description?.ToText() ?? Platform.Localisation.LocalisedText.Empty;
        }
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(cancellationToken);

        // The whole catalogue fits in memory (tens of thousands of rows), and one read beats a
        // slug list that could pass the database's parameter limit.
        var services = await db.Services.Include(s => s.Categories).AsSplitQuery().ToDictionaryAsync(s => s.Slug, cancellationToken);
        var done = 0;
        foreach (var (s, _, _) in rows.Services)
        {
            if (!services.TryGetValue(s.Slug!, out var service))
                db.Services.Add(service = services[s.Slug!] = ServiceMapping.NewService(s.Slug!));
            ServiceMapping.Apply(s, service, departments[s.Department!], s.Categories!.Select(slug => categories[slug]), now);
            if (++done % 500 == 0) progress?.Report(new ImportProgress("written", done, rows.Services.Count));
        }
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(cancellationToken);
        await db.CatalogueRevisions.Where(r => r.Id == 1).ExecuteUpdateAsync(r => r.SetProperty(x => x.Value, x => x.Value + 1), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        progress?.Report(new ImportProgress("written", done, rows.Services.Count));
        cache.Invalidate();
        return new ImportResult(true, [], rows.Departments.Count, rows.Categories.Count, rows.Services.Count);
    }
}
