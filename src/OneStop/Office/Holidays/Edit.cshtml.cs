using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OneStop.Cases.Calendar;
using OneStop.Identity;
using OneStop.Identity.Staff;
using OneStop.Office.Workflows;
using OneStop.Platform.Audit;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;

namespace OneStop.Office.Holidays;

/// <summary>A platform administrator corrects a holiday's date or name, or removes it.</summary>
[Authorize(Policy = StaffPolicies.PlatformAdmin)]
public sealed class EditModel(OneStopDb db, AuditLog audit, TimeProvider clock, Text text) : HolidayForm(text)
{
    public PublicHoliday Holiday { get; private set; } = null!;

    private async Task<bool> FindAsync(string date, CancellationToken cancellationToken)
    {
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return false;
        if (await db.Set<PublicHoliday>().SingleOrDefaultAsync(h => h.Date == day, cancellationToken) is not { } holiday) return false;
        Holiday = holiday;
        return true;
    }

    public async Task<IActionResult> OnGetAsync([FromRoute] string date, CancellationToken cancellationToken)
    {
        if (!await FindAsync(date, cancellationToken)) return NotFound();
        Show(Holiday);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] string date, CancellationToken cancellationToken)
    {
        if (!await FindAsync(date, cancellationToken)) return NotFound();
        var was = Holiday.Date;
        if (await ReadAsync(d => d == was ? Task.FromResult(false) : db.Set<PublicHoliday>().AnyAsync(h => h.Date == d, cancellationToken)) is not { } typed) return Page();
        var now = clock.GetUtcNow().UtcDateTime;
        if (typed.Date == was)
        {
            (Holiday.Name, Holiday.UpdatedAt, Holiday.UpdatedBy) = (typed.Name, now, User.UserId());
        }
        else
        {
            // The date is the key: a moved holiday is the old day taken out and the new one put in, in one save.
            db.Remove(Holiday);
            db.Add(new PublicHoliday { Date = typed.Date, Name = typed.Name, UpdatedAt = now, UpdatedBy = User.UserId() });
        }
        audit.Record(WorkflowEditorEvents.HolidayChanged, User.UserId(), null, "holiday", Key(typed.Date), typed.Date == was ? null : "was=" + Key(was));
        await db.SaveChangesAsync(cancellationToken);
        TempData["Done"] = "changed";
        return Redirect(Url.Content($"~/office/holidays?year={typed.Date.Year}"));
    }

    public async Task<IActionResult> OnPostDeleteAsync([FromRoute] string date, CancellationToken cancellationToken)
    {
        if (!await FindAsync(date, cancellationToken)) return NotFound();
        db.Remove(Holiday);
        audit.Record(WorkflowEditorEvents.HolidayRemoved, User.UserId(), null, "holiday", Key(Holiday.Date));
        await db.SaveChangesAsync(cancellationToken);
        TempData["Done"] = "removed";
        return Redirect(Url.Content($"~/office/holidays?year={Holiday.Date.Year}"));
    }

    public static string Key(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
