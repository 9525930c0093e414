using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneStop.Identity;
using OneStop.Platform.Database;

namespace OneStop.Documents.Appointments;

/// <summary>"Are you sure?" before cancelling: the seat goes back to others at once.</summary>
[Authorize]
public sealed class CancelModel(Bookings bookings, OneStopDb db) : PageModel
{
    public Appointment Appointment { get; private set; } = null!;
    public Counter? Counter { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken) =>
        await LoadAsync(code, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        if (await LoadAsync(code, cancellationToken) is { } refusal) return refusal;
        await bookings.CancelAsync(Appointment.HolderId, code, cancellationToken);
        return Redirect(Url.Content("~" + DocumentPaths.Appointment(code)));
    }

    private async Task<IActionResult?> LoadAsync(string code, CancellationToken cancellationToken)
    {
        if (User.UserId() is not { } userId) return Challenge();
        if (await bookings.FindAsync(userId, code, cancellationToken) is not { } appointment) return NotFound();
        // Past, checked in, collected or cancelled already: nothing to cancel, the appointment page says why.
        if (!bookings.IsUpcoming(appointment)) return Redirect(Url.Content("~" + DocumentPaths.Appointment(code)));
        Appointment = appointment;
        Counter = await db.Set<Counter>().AsNoTracking().SingleOrDefaultAsync(c => c.Code == appointment.CounterCode, cancellationToken);
        return null;
    }
}
