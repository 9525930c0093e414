using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OneStop.Documents;
using OneStop.Documents.Desk;
using OneStop.Identity;
using OneStop.Identity.Staff;
using OneStop.Platform.Audit;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;

namespace OneStop.Office.Counters;

/// <summary>A department administrator adds a counter for their own department. Its code is for good: templates and appointments name it.</summary>
[Authorize(Policy = StaffPolicies.DepartmentAdmin)]
public sealed partial class NewModel(OneStopDb db, AuditLog audit, TimeProvider clock, Text text) : CounterForm(text)
{
    // Codes that would read as another page's address under /office/counters.
    private static readonly string[] Reserved = ["new", "check-in"];

    [BindProperty] public string? Code { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (User.StaffDepartment() is not { } department) return NotFound();
        var code = Code?.Trim().ToLowerInvariant() ?? "";
        if (code.Length is < 3 or > 60 || !Slug().IsMatch(code) || Reserved.Contains(code)) AddError(nameof(Code), T["desk.counter.error.code"]);
        else if (await db.Set<Counter>().AnyAsync(c => c.Code == code, cancellationToken)) AddError(nameof(Code), T["desk.counter.error.codeTaken"]);
        if (Read() is not { } changes || HasErrors) return Page();

        var counter = new Counter { Code = code, DepartmentCode = department, Name = changes.Name, Address = changes.Address, OpeningHours = changes.OpeningHours };
        Apply(counter, changes, clock.GetUtcNow().UtcDateTime);
        db.Add(counter);
        audit.Record(DocumentAuditEvents.CounterChanged, User.UserId(), null, "counter", code, Detail("added", counter), department);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another administrator took the code a moment ago.
            db.ChangeTracker.Clear();
            AddError(nameof(Code), T["desk.counter.error.codeTaken"]);
            return Page();
        }
        TempData["Done"] = "added";
        return Redirect(Url.Content("~" + DeskPaths.Counters));
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Slug();
}
