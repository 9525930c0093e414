using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OneStop.Documents.Pickup;
using OneStop.Identity;
using OneStop.Platform.Web.Forms;

namespace OneStop.Documents.Appointments;

/// <summary>
/// The steps of booking (counter, day, time, confirm) for one of the holder's documents. The same steps move an
/// appointment still to come: there is one per document, so the last step books or moves. State lives in the
/// URL only, so each step can be reloaded, bookmarked or gone back to.
/// </summary>
[Authorize]
public abstract class BookingPageModel(HolderDocuments documents, BookingCalendar calendar, Bookings bookings) : FormPageModel
{
    public BookingCalendar Calendar => calendar;
    protected Bookings Bookings => bookings;

    public HolderDocument Target { get; private set; } = null!;
    /// <summary>The appointment to come that these steps move; null when they book a new one.</summary>
    public Appointment? Moving { get; private set; }
    public CounterOffer? Counter { get; private set; }
    protected Guid HolderId { get; private set; }

    /// <summary>Null to go on; otherwise 404 (not the holder's, not a counter of its template) or back to the choice page.</summary>
    protected async Task<IActionResult?> LoadAsync(Guid id, string? counter, CancellationToken cancellationToken)
    {
        if (User.UserId() is not { } userId) return Challenge();
        HolderId = userId;
        if (await documents.FindAsync(userId, id, cancellationToken) is not { } target) return NotFound();
        Target = target;
        if (!target.MayChoose || target.Delivery?.Method != DeliveryMethod.Counter) return Redirect(Url.Content("~" + DocumentPaths.Collect(id)));
        var current = await bookings.CurrentAsync(target.Delivery, cancellationToken);
        // Checked in: the holder is at the counter; nothing to book or move.
        if (current is { State: AppointmentState.CheckedIn }) return Redirect(Url.Content("~" + DocumentPaths.Appointment(current.Code)));
        Moving = current;
        if (counter is null) return null;
        Counter = await calendar.CounterAsync(target, counter, cancellationToken);
        return Counter is null ? NotFound() : null;
    }

    public static DateOnly? ParseDay(string? day) =>
        DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    public static TimeOnly? ParseTime(string? time) =>
        TimeOnly.TryParseExact(time, "HHmm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null;

    public static string DayValue(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string TimeValue(TimeOnly time) => time.ToString("HHmm", CultureInfo.InvariantCulture);
}
