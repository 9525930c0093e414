using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OneStop.Documents;
using OneStop.Documents.Desk;
using OneStop.Identity;
using OneStop.Identity.Staff;
using OneStop.Platform.Audit;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;

namespace OneStop.Office.Counters;

/// <summary>
/// A department administrator changes one of their counters. Another department's counter is not found. A new
/// slot length or capacity applies to slots not yet booked: a slot's row is made on its first booking with the
/// capacity of that moment, and keeps it (so nobody already booked loses their place).
/// </summary>
[Authorize(Policy = StaffPolicies.DepartmentAdmin)]
public sealed class EditModel(OneStopDb db, AuditLog audit, TimeProvider clock, Text text) : CounterForm(text)
{
    public Counter Counter { get; private set; } = null!;

    private Task<Counter?> FindAsync(string code, CancellationToken cancellationToken) =>
        db.Set<Counter>().InDepartmentOf(User, c => c.DepartmentCode).SingleOrDefaultAsync(c => c.Code == code, cancellationToken);

    public async Task<IActionResult> OnGetAsync([FromRoute] string code, CancellationToken cancellationToken)
    {
        if (await FindAsync(code, cancellationToken) is not { } counter) return NotFound();
        Counter = counter;
        Show(counter);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] string code, CancellationToken cancellationToken)
    {
        if (await FindAsync(code, cancellationToken) is not { } counter) return NotFound();
        Counter = counter;
        if (Read() is not { } changes) return Page();
        Apply(counter, changes, clock.GetUtcNow().UtcDateTime);
        audit.Record(DocumentAuditEvents.CounterChanged, User.UserId(), null, "counter", counter.Code, Detail("changed", counter), counter.DepartmentCode);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Done"] = "changed";
        return Redirect(Url.Content("~" + DeskPaths.Counters));
    }
}
