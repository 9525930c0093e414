using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneStop.Platform.Database;
using OneStop.Platform.Web;

namespace OneStop.Catalogue.Pages;

/// <summary>A department, how to contact it, and its services.</summary>
public sealed class DepartmentModel(CatalogueCache cache, OneStopDb db) : PageModel
{
    public Department Department { get; private set; } = null!;
    public ServiceResults Results { get; private set; } = null!;
    public Pager Pager { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        var snapshot = await cache.GetAsync(cancellationToken);
        if (!snapshot.DepartmentsByCode.TryGetValue(code, out var entry)) return NotFound();
        var department = await db.Departments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == entry.Id, cancellationToken);
        if (department is null) return NotFound();
        Department = department;
        var pageNumber = Request.PageNumber();
        Results = SearchServices.Run(snapshot, new ServiceQuery(null, entry, [], null, pageNumber, ServiceQuery.DefaultPageSize));
        Pager = new Pager(pageNumber, Results.PageCount(ServiceQuery.DefaultPageSize),
            p => PageLinks.With(Request.PathBase + Request.Path, ("page", p == 1 ? null : p.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        return Page();
    }
}
