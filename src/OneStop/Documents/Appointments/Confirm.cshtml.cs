using Microsoft.AspNetCore.Mvc;
using OneStop.Documents.Counters;
using OneStop.Documents.Pickup;

namespace OneStop.Documents.Appointments;

/// <summary>
/// The last step: what, where and when, then "Book" (or "Change" for an appointment to come). A time that filled
/// up or stopped being offered meanwhile sends the holder back to choose another, saying why.
/// </summary>
public sealed class ConfirmModel(HolderDocuments documents, BookingCalendar calendar, Bookings bookings) : BookingPageModel(documents, calendar, bookings)
{
    public SlotTime Slot { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, string counter, string day, string time, CancellationToken cancellationToken) =>
        await LoadAsync(id, counter, day, time, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, string counter, string day, string time, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, counter, day, time, cancellationToken) is { } refusal) return refusal;
        var result = Moving is { } moving
            ? await Bookings.MoveAsync(HolderId, moving.Code, counter, Slot.StartUtc, cancellationToken)
            : await Bookings.BookAsync(HolderId, id, counter, Slot.StartUtc, cancellationToken);
        var times = "~" + PickupPaths.Time(id, counter, BookingCalendar.DayOf(Slot));
        return result switch
        {
            BookingResult.Booked booked => Redirect(Url.Content("~" + DocumentPaths.Appointment(booked.Appointment.Code) + "?booked=true")),
            BookingResult.Full => Redirect(Url.Content(times + "?full=" + time)),
            BookingResult.NotOffered => Redirect(Url.Content(times + "?gone=" + time)),
            _ => Redirect(Url.Content("~" + DocumentPaths.Collect(id))),
        };
    }

    private async Task<IActionResult?> LoadAsync(Guid id, string counter, string day, string time, CancellationToken cancellationToken)
    {
        if (ParseDay(day) is not { } date || ParseTime(time) is not { } start) return NotFound();
        if (await LoadAsync(id, counter, cancellationToken) is { } refusal) return refusal;
        // A time no longer offered (past, closed, a holiday since) goes back to the day's times.
        if (await Calendar.FindAsync(Counter!, SlotRules.ToUtc(date, start), cancellationToken) is not { } slot)
            return Redirect(Url.Content("~" + PickupPaths.Time(id, counter, date) + "?gone=" + time));
        Slot = slot;
        return null;
    }
}
