using Microsoft.AspNetCore.Mvc;
using OneStop.Documents.Pickup;
using OneStop.Platform.Localisation;

namespace OneStop.Documents.Appointments;

/// <summary>Which counter: the template's counters, each with its address and opening hours.</summary>
public sealed class ChooseCounterModel(HolderDocuments documents, BookingCalendar calendar, Bookings bookings, Text text) : BookingPageModel(documents, calendar, bookings)
{
    public IReadOnlyList<CounterOffer> Counters { get; private set; } = [];
    [BindProperty] public string? Choice { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, null, cancellationToken) is { } refusal) return refusal;
        Counters = await Calendar.CountersAsync(Target, cancellationToken);
        Choice = Moving?.CounterCode ?? (Counters.Count == 1 ? Counters[0].Counter.Code : null);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, null, cancellationToken) is { } refusal) return refusal;
        Counters = await Calendar.CountersAsync(Target, cancellationToken);
        if (Counters.FirstOrDefault(c => c.Counter.Code == Choice) is not { } chosen)
        {
            AddError(nameof(Choice), text["appointments.counter.error"]);
            return Page();
        }
        return Redirect(Url.Content("~" + PickupPaths.Day(id, chosen.Counter.Code)));
    }
}
