using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneStop.Platform.Audit;
using OneStop.Platform.Database;

namespace OneStop.Identity.Account;

/// <summary>The person's own audit trail: every sign-in and security change on their account, newest first.</summary>
[Authorize]
public sealed class ActivityModel(OneStopDb db) : PageModel
{
    public const int Shown = 100;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var me = User.UserId();
        Entries = await db.AuditEntries.AsNoTracking()
            .Where(e => e.SubjectId == me)
            .OrderByDescending(e => e.Id)
            .Take(Shown)
            .ToListAsync(cancellationToken);
    }
}
