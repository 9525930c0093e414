using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneStop.Identity;
using OneStop.Platform.Database;
using OneStop.Platform.Web;

namespace OneStop.Documents.Appointments;

/// <summary>
/// The holder's appointment: the booking code large, a QR code for the officer to scan (the office's check-in
/// page for this code), when and where, what to bring, and — while it is still to come — change or cancel.
/// </summary>
[Authorize]
public sealed class AppointmentPageModel(Bookings bookings, OneStopDb db, PublicLinks links) : PageModel
{
    public Appointment Appointment { get; private set; } = null!;
    public Counter? Counter { get; private set; }
    public IssuedDocument? Document { get; private set; }
    public bool Upcoming { get; private set; }
    public string QrCode { get; private set; } = "";
    [BindProperty(SupportsGet = true)] public bool Booked { get; set; }
    [BindProperty(SupportsGet = true)] public bool Cancelled { get; set; }

    /// <summary>What the officer's scanner opens (the office slice's check-in page).</summary>
    public static string CheckInPath(string code) => $"/office/counters/check-in/{code}";

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (User.UserId() is not { } userId) return Challenge();
        if (await bookings.FindAsync(userId, code, cancellationToken) is not { } appointment) return NotFound();
        Appointment = appointment;
        Upcoming = bookings.IsUpcoming(appointment);
        Counter = await db.Set<Counter>().AsNoTracking().SingleOrDefaultAsync(c => c.Code == appointment.CounterCode, cancellationToken);
        Document = await db.Set<IssuedDocument>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == appointment.DocumentId, cancellationToken);
        QrCode = Identity.Factors.FactorPages.QrCodePng(links.Origin + CheckInPath(appointment.Code));
        return Page();
    }
}
