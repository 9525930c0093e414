using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OneStop.Catalogue;
using OneStop.Identity;
using OneStop.Identity.Staff;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;

namespace OneStop.Office.Departments;

/// <summary>
/// A platform administrator changes a department's names and contacts. The code stays: services,
/// staff, audit entries and public links refer to it.
/// </summary>
[Authorize(Policy = StaffPolicies.PlatformAdmin)]
public sealed class EditModel(OneStopDb db, DepartmentEditor editor, Text text) : DepartmentFormModel(text)
{
    public Department Department { get; private set; } = null!;

    private Task<Department?> FindAsync(string code, CancellationToken cancellationToken)
    {
        var normalised = DepartmentEditor.NormaliseCode(code);
        return db.Departments.FirstOrDefaultAsync(d => d.Code == normalised, cancellationToken);
    }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (await FindAsync(code, cancellationToken) is not { } department) return NotFound();
        Department = department;
        Fill(department);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        if (await FindAsync(code, cancellationToken) is not { } department) return NotFound();
        Department = department;
        var details = Details();
        AddErrors(DepartmentEditor.Check(details));
        if (HasErrors) return Page();

        await editor.EditAsync(department, details, User.UserId(), cancellationToken);
        Done = "edited";
        return Redirect(Url.Content("~/office/departments"));
    }
}
