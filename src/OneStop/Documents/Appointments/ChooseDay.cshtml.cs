using Microsoft.AspNetCore.Mvc;
using OneStop.Documents.Pickup;
using OneStop.Platform.Localisation;

namespace OneStop.Documents.Appointments;

/// <summary>Which day: the days of the booking horizon when the counter opens (not public holidays) and has a time with places left.</summary>
public sealed class ChooseDayModel(HolderDocuments documents, BookingCalendar calendar, Bookings bookings, Text text) : BookingPageModel(documents, calendar, bookings)
{
    public IReadOnlyList<DayOffer> Days { get; private set; } = [];
    [BindProperty] public string? Day { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string counter, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, counter, cancellationToken) is { } refusal) return refusal;
        Days = await Calendar.DaysAsync(Counter!, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string counter, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, counter, cancellationToken) is { } refusal) return refusal;
        Days = await Calendar.DaysAsync(Counter!, cancellationToken);
        if (ParseDay(Day) is not { } day || Days.All(d => d.Day != day))
        {
            AddError(nameof(Day), text["appointments.day.error"]);
            return Page();
        }
        return Redirect(Url.Content("~" + PickupPaths.Time(id, counter, day)));
    }
}
