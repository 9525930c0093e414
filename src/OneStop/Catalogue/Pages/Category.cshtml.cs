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

    public async Task<IActionResult> OnGetAsync(string slug, int? page, CancellationToken cancellationToken)
    {
        var snapshot = await cache.GetAsync(cancellationToken);
        if (!snapshot.CategoriesBySlug.TryGetValue(slug, out var category)) return NotFound();
        Category = category;
        var pageNumber = Math.Clamp(page ?? 1, 1, 100_000);
        Results = SearchServices.Run(snapshot, new ServiceQuery(null, null, category, null, pageNumber, ServiceQuery.DefaultPageSize));
        Pager = new Pager(pageNumber, Results.PageCount(ServiceQuery.DefaultPageSize),
            p => Url.Page("/Catalogue/Pages/Category", new { slug, page = p == 1 ? (int?)null : p })!);
        return Page();
    }
}
