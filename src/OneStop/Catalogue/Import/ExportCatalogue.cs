using System.Text;
using Microsoft.EntityFrameworkCore;
using OneStop.Platform.Database;

namespace OneStop.Catalogue.Import;

/// <summary>Writes the whole catalogue in the import format, so that export → import is a no-op.</summary>
public sealed class ExportCatalogue(OneStopDb db)
{
    public async Task<int> RunAsync(Stream output, CatalogueFormat format, CancellationToken cancellationToken)
    {
        var services = await db.Services.AsNoTracking().Include(s => s.Department).Include(s => s.Categories)
            .OrderBy(s => s.Slug).AsSplitQuery().ToListAsync(cancellationToken);
        var rows = services.Select(ServiceMapping.ToDto).ToList();

        if (format == CatalogueFormat.Csv)
        {
            // With a byte order mark, so that spreadsheet programs open the Chinese text as UTF-8.
            await using var writer = new StreamWriter(output, new UTF8Encoding(true), leaveOpen: true);
            CatalogueCsv.Write(writer, rows);
            return rows.Count;
        }

        var departments = await db.Departments.AsNoTracking().OrderBy(d => d.Code).ToListAsync(cancellationToken);
        var categories = await db.Categories.AsNoTracking().OrderBy(c => c.Facet).ThenBy(c => c.Slug).ToListAsync(cancellationToken);
        var file = new CatalogueFileDto
        {
            Departments = departments.Select(d => new DepartmentDto
            {
                Code = d.Code, Name = TextDto.From(d.Name), Email = d.Email, Phone = d.Phone, Website = d.Website,
            }).ToList(),
            Categories = categories.Select(c => new CategoryDto
            {
                Slug = c.Slug, Facet = c.Facet.FacetName(), Name = TextDto.From(c.Name), Description = TextDto.From(c.Description),
            }).ToList(),
            Services = rows,
        };
        await output.WriteAsync(CatalogueJson.Write(file), cancellationToken);
        return rows.Count;
    }
}
