using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneStop.Identity;
using OneStop.Platform.Database;
using OneStop.Platform.Web;

namespace OneStop.Notifications.Inbox;

/// <summary>The person's in-portal inbox: a copy of every notification, newest first, unread ones marked.</summary>
[Authorize]
public sealed class IndexModel(OneStopDb db, NotificationProtection protection) : PageModel
{
    public const int PageSize = 20;

    public sealed record Row(Guid Id, string Subject, DateTime CreatedAt, bool Unread);

    public IReadOnlyList<Row> Messages { get; private set; } = [];
    public int Unread { get; private set; }
    public Pager Pager { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (User.UserId() is not { } me) return Challenge();
        var mine = db.Set<InboxMessage>().AsNoTracking().Where(m => m.UserId == me);
        var total = await mine.CountAsync(cancellationToken);
        Unread = await mine.CountAsync(m => m.ReadAt == null, cancellationToken);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Min(Request.PageNumber(), pageCount);
        var rows = await mine.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(m => new { m.Id, m.Subject, m.CreatedAt, m.ReadAt }).ToListAsync(cancellationToken);
        Messages = rows.Select(r => new Row(r.Id, protection.Unprotect(r.Subject), r.CreatedAt, r.ReadAt is null)).ToList();
        Pager = new Pager(page, pageCount,
            p => PageLinks.With(Request.PathBase + Request.Path, ("page", p == 1 ? null : p.ToString(CultureInfo.InvariantCulture))));
        return Page();
    }
}
