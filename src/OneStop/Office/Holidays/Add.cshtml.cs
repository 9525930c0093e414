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

/// <summary>A platform administrator adds a general holiday (a newly gazetted one, or a special day off).</summary>
[Authorize(Policy = StaffPolicies.PlatformAdmin)]
public sealed class AddModel(OneStopDb db, AuditLog audit, TimeProvider clock, Text text) : HolidayForm(text)
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await ReadAsync(d => db.Set<PublicHoliday>().AnyAsync(h => h.Date == d, cancellationToken)) is not { } typed) return Page();
        db.Add(new PublicHoliday { Date = typed.Date, Name = typed.Name, UpdatedAt = clock.GetUtcNow().UtcDateTime, UpdatedBy = User.UserId() });
        audit.Record(WorkflowEditorEvents.HolidayAdded, User.UserId(), null, "holiday", typed.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(cancellationToken);
        TempData["Done"] = "added";
        return Redirect(Url.Content($"~/office/holidays?year={typed.Date.Year}"));
    }
}
