using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OneStop.Documents;
using OneStop.Documents.Desk;
using OneStop.Identity.Staff;
using OneStop.Platform.Localisation;
using OneStop.Platform.Web.Forms;

namespace OneStop.Office.Counters;

/// <summary>
/// A counter's appointments on one Hong Kong day (today unless <c>?date=YYYY-MM-DD</c>), in time order, with
/// "Check in" (today only) and "Collected" beside each; they post to the appointment's page and come back here.
/// </summary>
[Authorize(Policy = StaffPolicies.Officer)]
public sealed class DayModel(CounterDesk desk, TimeProvider clock, Text text) : FormPageModel
{
    [BindProperty(SupportsGet = true)] public string? Date { get; set; }
    [TempData] public string? Desk { get; set; }

    public Counter Counter { get; private set; } = null!;
    public DateOnly Day { get; private set; }
    public bool IsToday { get; private set; }
    public IReadOnlyList<DeskAppointment> Appointments { get; private set; } = [];
    public DeskBanner? Banner => DeskBanner.From(Desk, text);

    public string DayText => Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public async Task<IActionResult> OnGetAsync([FromRoute] string code, CancellationToken cancellationToken)
    {
        if (await desk.CounterAsync(User, code, cancellationToken) is not { } counter) return NotFound();
        Counter = counter;
        var today = HongKongTime.Today(clock);
        Day = today;
        if (!string.IsNullOrWhiteSpace(Date))
        {
            if (DateOnly.TryParseExact(Date.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) Day = day;
            else AddError("date", text["desk.day.error.date"]);
        }
        IsToday = Day == today;
        Appointments = await desk.DayAsync(User, counter, Day, cancellationToken);
        return Page();
    }
}
