using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OneStop.Identity;
using OneStop.Identity.Staff;
using OneStop.Platform.Audit;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;

namespace OneStop.Payments.Links.Manage;

/// <summary>
/// A department administrator changes one of their department's payment items, or takes it off (and puts it
/// back on) the public list. Another department's item is not found: the query is scoped to the caller's
/// department. The code never changes: payments made name it.
/// </summary>
[Authorize(Policy = StaffPolicies.DepartmentAdmin)]
public sealed class EditModel(OneStopDb db, AuditLog audit, TimeProvider clock, Text text) : ItemForm(text)
{
    public PaymentLinkItem Item { get; private set; } = null!;

    private Task<PaymentLinkItem?> FindAsync(string code, CancellationToken cancellationToken) =>
        db.Set<PaymentLinkItem>().InDepartmentOf(User, i => i.DepartmentCode).SingleOrDefaultAsync(i => i.Code == code, cancellationToken);

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (await FindAsync(code, cancellationToken) is not { } item) return NotFound();
        Item = item;
        Show(item);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        if (await FindAsync(code, cancellationToken) is not { } item) return NotFound();
        Item = item;
        if (Read() is not { } changes) return Page();
        Apply(item, changes);
        Touch(item);
        audit.Record(LinkAuditEvents.Changed, User.UserId(), null, "payment-link", item.Code, $"amount={item.Amount:0.00}", item.DepartmentCode);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Done"] = "changed";
        return Redirect(Url.Content("~/office/payments/links"));
    }

    public Task<IActionResult> OnPostDeactivateAsync(string code, CancellationToken cancellationToken) => SetActiveAsync(code, false, cancellationToken);

    public Task<IActionResult> OnPostActivateAsync(string code, CancellationToken cancellationToken) => SetActiveAsync(code, true, cancellationToken);

    private async Task<IActionResult> SetActiveAsync(string code, bool active, CancellationToken cancellationToken)
    {
        if (await FindAsync(code, cancellationToken) is not { } item) return NotFound();
        if (item.Active != active)
        {
            item.Active = active;
            Touch(item);
            audit.Record(active ? LinkAuditEvents.Activated : LinkAuditEvents.Deactivated, User.UserId(), null, "payment-link", item.Code, null, item.DepartmentCode);
            await db.SaveChangesAsync(cancellationToken);
        }
        TempData["Done"] = active ? "activated" : "deactivated";
        return Redirect(Url.Content("~/office/payments/links"));
    }

    private void Touch(PaymentLinkItem item)
    {
        item.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        item.UpdatedBy = User.UserId();
    }
}
