using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneStop.Identity;
using OneStop.Platform.Database;

namespace OneStop.Notifications.Inbox;

/// <summary>One message, which opening marks read. Another person's message is not found (404).</summary>
[Authorize]
public sealed class ShowModel(OneStopDb db, NotificationProtection protection, TimeProvider clock) : PageModel
{
    public string Subject { get; private set; } = "";
    public IReadOnlyList<string> Paragraphs { get; private set; } = [];
    public DateTime CreatedAt { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (User.UserId() is not { } me) return Challenge();
        var message = await db.Set<InboxMessage>().SingleOrDefaultAsync(m => m.Id == id && m.UserId == me, cancellationToken);
        if (message is null) return NotFound();
        Subject = protection.Unprotect(message.Subject);
        // Plain text: paragraphs and lines are kept, everything else is encoded by Razor.
        Paragraphs = protection.Unprotect(message.Body).ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        CreatedAt = message.CreatedAt;
        if (message.ReadAt is null)
        {
            message.ReadAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
        }
        return Page();
    }
}
