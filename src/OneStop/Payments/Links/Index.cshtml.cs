using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;

namespace OneStop.Payments.Links;

/// <summary>/pay: what can be paid without an application (bills, fixed penalties, fees with a reference), by department.</summary>
public sealed class IndexModel(OneStopDb db) : PageModel
{
    public IReadOnlyList<(LocalisedText Department, IReadOnlyList<PaymentLinkItem> Items)> Groups { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var items = await db.Set<PaymentLinkItem>().AsNoTracking().Where(i => i.Active).OrderBy(i => i.Code).ToListAsync(cancellationToken);
        var codes = items.Select(i => i.DepartmentCode).Distinct().ToList();
        var departments = await db.Departments.AsNoTracking().Where(d => codes.Contains(d.Code)).ToDictionaryAsync(d => d.Code, d => d.Name, cancellationToken);
        var language = Languages.Current;
        Groups = items.GroupBy(i => i.DepartmentCode)
            .Select(g => (departments.GetValueOrDefault(g.Key) ?? new LocalisedText(g.Key, g.Key, g.Key), (IReadOnlyList<PaymentLinkItem>)g.OrderBy(i => i.Title[language]).ToList()))
            .OrderBy(g => g.Item1[language], StringComparer.Create(language.Culture(), ignoreCase: true))
            .ToList();
    }
}
