using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OneStop.Catalogue.Pages;

public sealed class DepartmentsModel(CatalogueCache cache) : PageModel
{
    public IReadOnlyList<(DepartmentEntry Department, int Services)> Departments { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var snapshot = await cache.GetAsync(cancellationToken);
        var counts = snapshot.Services.CountBy(s => s.Department.Id).ToDictionary();
        Departments = snapshot.Departments
            .Select(d => (d, counts.GetValueOrDefault(d.Id)))
            .OrderBy(d => d.d.Name.Current, StringComparer.CurrentCulture).ToList();
    }
}
