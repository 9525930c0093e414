using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneStop.Cases.Calendar;
using OneStop.Identity.Staff;
using OneStop.Platform.Database;

namespace OneStop.Office.Holidays;

/// <summary>
/// The general holidays of one year, which working-day pledges skip. Any member of staff may look (officers
/// explain due dates to applicants); platform administrators keep the calendar.
/// </summary>
[Authorize(Policy = StaffPolicies.Staff)]
public sealed class IndexModel(OneStopDb db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [TempData] public string? Done { get; set; }

    public int Shown { get; private set; }
    public IReadOnlyList<PublicHoliday> Holidays { get; private set; } = [];
    /// <summary>Every year with at least one holiday, for the switcher (and the year shown, even when empty).</summary>
    public IReadOnlyList<int> Years { get; private set; } = [];
    public bool CanEdit => User.StaffRole()?.Includes(StaffRole.PlatformAdmin) == true;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Shown = Year is >= 2000 and <= 2100 ? Year.Value : WorkingDays.Day(clock.GetUtcNow().UtcDateTime).Year;
        var from = new DateOnly(Shown, 1, 1);
        var to = new DateOnly(Shown, 12, 31);
        Holidays = await db.Set<PublicHoliday>().AsNoTracking().Where(h => h.Date >= from && h.Date <= to).OrderBy(h => h.Date).ToListAsync(cancellationToken);
        // Holidays are a few dozen rows a year; their years are counted here rather than asking the database to group dates.
        var dates = await db.Set<PublicHoliday>().AsNoTracking().Select(h => h.Date).ToListAsync(cancellationToken);
        Years = dates.Select(d => d.Year).Append(Shown).Distinct().Order().ToList();
    }
}
