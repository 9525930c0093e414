using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Platform.Web;

namespace OneStop.Catalogue.Pages;

/// <summary>A topic, life event or audience and its services, most used first.</summary>
public sealed class CategoryModel(CatalogueCache cache) : PageModel
{
    public CategoryEntry Category { get; private set; } = null!;
    public ServiceResults Results { get; private set; } = null!;
    public Pager Pager { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var snapshot = await cache.GetAsync(cancellationToken);
        if (!snapshot.CategoriesBySlug.TryGetValue(slug, out var category)) return NotFound();
        Category = category;
        var pageNumber = Request.PageNumber();
        Results = SearchServices.Run(snapshot, new ServiceQuery(null, null, [category], null, pageNumber, ServiceQuery.DefaultPageSize));
        Pager = new Pager(pageNumber, Results.PageCount(ServiceQuery.DefaultPageSize),
            p => PageLinks.With(Request.PathBase + Request.Path, ("page", p == 1 ? null : p.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        return Page();
    }
}
