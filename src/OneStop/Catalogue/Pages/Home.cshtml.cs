using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OneStop.Catalogue.Pages;

public sealed class HomeModel(CatalogueCache cache) : PageModel
{
    public IReadOnlyList<ServiceEntry> MostUsed { get; private set; } = [];
    public IReadOnlyList<CategoryEntry> Topics { get; private set; } = [];
    public IReadOnlyList<CategoryEntry> LifeEvents { get; private set; } = [];
    public IReadOnlyList<CategoryEntry> Audiences { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var snapshot = await cache.GetAsync(cancellationToken);
        MostUsed = snapshot.Services.Where(s => s.Status == ServiceStatus.Live)
            .OrderByDescending(s => s.Usage).ThenBy(s => s.Id).Take(8).ToList();
        Topics = Facet(snapshot, CategoryFacet.Topic);
        LifeEvents = Facet(snapshot, CategoryFacet.LifeEvent);
        Audiences = Facet(snapshot, CategoryFacet.Audience);
    }

    private static List<CategoryEntry> Facet(CatalogueSnapshot snapshot, CategoryFacet facet) =>
        snapshot.Categories.Where(c => c.Facet == facet).OrderBy(c => c.Name.Current, StringComparer.CurrentCulture).ToList();
}
