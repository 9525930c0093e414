using Microsoft.AspNetCore.Mvc;
using OneStop.Documents.Pickup;
using OneStop.Platform.Localisation;

namespace OneStop.Documents.Appointments;

/// <summary>
/// Which time of the day: the times that can still be booked and have places left. Coming back from the last step
/// with <c>?full=HHmm</c> says that time filled up meanwhile.
/// </summary>
public sealed class ChooseTimeModel(HolderDocuments documents, BookingCalendar calendar, Bookings bookings, Text text) : BookingPageModel(documents, calendar, bookings)
{
    public DateOnly Date { get; private set; }
    public IReadOnlyList<SlotOffer> Slots { get; private set; } = [];
    [BindProperty] public string? Time { get; set; }
    [BindProperty(SupportsGet = true)] public string? Full { get; set; }
    [BindProperty(SupportsGet = true)] public string? Gone { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string counter, string day, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, counter, day, cancellationToken) is { } refusal) return refusal;
        if (Full is not null) AddError(nameof(Time), text["appointments.time.full"]);
        else if (Gone is not null) AddError(nameof(Time), text["appointments.time.gone"]);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string counter, string day, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, counter, day, cancellationToken) is { } refusal) return refusal;
        if (ParseTime(Time) is not { } time || Slots.All(s => s.Slot.LocalStart != time))
        {
            AddError(nameof(Time), text["appointments.time.error"]);
            return Page();
        }
        return Redirect(Url.Content("~" + PickupPaths.Confirm(id, counter, Date, time)));
    }

    private async Task<IActionResult?> LoadAsync(Guid id, string counter, string day, CancellationToken cancellationToken)
    {
        if (ParseDay(day) is not { } date) return NotFound();
        if (await LoadAsync(id, counter, cancellationToken) is { } refusal) return refusal;
        Date = date;
        Slots = await Calendar.SlotsAsync(Counter!, date, cancellationToken);
        return null;
    }
}
