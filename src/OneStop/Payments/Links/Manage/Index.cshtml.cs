using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneStop.Identity.Staff;
using OneStop.Platform.Database;

namespace OneStop.Payments.Links.Manage;

/// <summary>The caller's department's payment items, active or not; another department's are never listed.</summary>
[Authorize(Policy = StaffPolicies.DepartmentAdmin)]
public sealed class IndexModel(OneStopDb db) : PageModel
{
    public IReadOnlyList<PaymentLinkItem> Items { get; private set; } = [];
    [TempData] public string? Done { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Items = await db.Set<PaymentLinkItem>().AsNoTracking().InDepartmentOf(User, i => i.DepartmentCode)
            .OrderByDescending(i => i.Active).ThenBy(i => i.Code).ToListAsync(cancellationToken);
}
