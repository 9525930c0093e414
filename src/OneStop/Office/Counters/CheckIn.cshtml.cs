using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OneStop.Documents.Desk;
using OneStop.Identity.Staff;
using OneStop.Platform.Localisation;
using OneStop.Platform.Web.Forms;
using Dates = OneStop.Forms.Answers.Dates;

namespace OneStop.Office.Counters;

/// <summary>
/// One appointment at the desk — the QR code's target — with "Check in" and "Mark collected". Both post and
/// redirect: back here, or to the counter's day list when pressed there (<c>from=day</c>). A press that finds the
/// work already done says so instead of doing it twice; a cancelled appointment, or checking in on another day,
/// is refused with the reason.
/// </summary>
[Authorize(Policy = StaffPolicies.Officer)]
public sealed class CheckInModel(CounterDesk desk, TimeProvider clock, Text text) : FormPageModel
{
    [TempData] public string? Desk { get; set; }

    public DeskAppointment Appointment { get; private set; } = null!;
    public bool IsToday { get; private set; }
    public DeskBanner? Banner => DeskBanner.From(Desk, text);

    public async Task<IActionResult> OnGetAsync([FromRoute] string code, CancellationToken cancellationToken) =>
        await LoadAsync(code, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostCheckInAsync([FromRoute] string code, string? from, CancellationToken cancellationToken) =>
        PressAsync(code, from, "checkedIn", desk.CheckInAsync, cancellationToken);

    public Task<IActionResult> OnPostCollectedAsync([FromRoute] string code, string? from, CancellationToken cancellationToken) =>
        PressAsync(code, from, "collected", desk.CollectAsync, cancellationToken);

    private async Task<IActionResult> PressAsync(string code, string? from, string done,
        Func<System.Security.Claims.ClaimsPrincipal, string, CancellationToken, Task<DeskOutcome>> press, CancellationToken cancellationToken)
    {
        if (BookingCodes.Read(code) is not { } bookingCode) return NotFound();
        var outcome = await press(User, bookingCode, cancellationToken);
        if (outcome == DeskOutcome.NotFound || !await LoadAsync(bookingCode, cancellationToken)) return NotFound();
        switch (outcome)
        {
            case DeskOutcome.Cancelled:
                AddError("", text["desk.error.cancelled", bookingCode]);
                return Page();
            case DeskOutcome.NotToday:
                AddError("", text["desk.error.notToday", bookingCode, Dates.Long(Appointment.Day, Languages.Current)]);
                return Page();
        }
        Desk = DeskBanner.Carry(outcome switch
        {
            DeskOutcome.AlreadyCheckedIn => "alreadyCheckedIn",
            DeskOutcome.AlreadyCollected => "alreadyCollected",
            _ => done,
        }, bookingCode);
        return Redirect(Url.Content("~" + (from == "day" ? DeskPaths.Day(Appointment.CounterCode, Appointment.Day) : DeskPaths.CheckIn(bookingCode))));
    }

    private async Task<bool> LoadAsync(string code, CancellationToken cancellationToken)
    {
        if (BookingCodes.Read(code) is not { } bookingCode || await desk.FindAsync(User, bookingCode, cancellationToken) is not { } appointment) return false;
        Appointment = appointment;
        IsToday = appointment.Day == HongKongTime.Today(clock);
        return true;
    }
}
