using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OneStop.Identity;
using OneStop.Identity.Staff;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;
using OneStop.Platform.Web.Forms;

namespace OneStop.Office.Staff;

/// <summary>Changes a member of staff's role or department, or takes them off the staff.</summary>
[Authorize(Policy = StaffPolicies.PlatformAdmin)]
public sealed class EditModel(StaffDirectory directory, OneStopDb db, Text text) : FormPageModel
{
    [BindProperty] public string? Role { get; set; }
    [BindProperty] public string? Department { get; set; }
    [TempData] public string? Done { get; set; }

    public StaffListing Member { get; private set; } = null!;
    public RoleFields Fields { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await directory.FindAsync(id, cancellationToken) is not { } member) return NotFound();
        Member = member;
        (Role, Department) = (member.Role.Name(), member.DepartmentCode);
        Fields = await FieldsAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await directory.FindAsync(id, cancellationToken) is not { } member) return NotFound();
        Member = member;
        var role = StaffRoles.Parse(Role);
        if (role is null) AddError(nameof(Role), text["office.staff.error.roleMissing"]);
        else
        {
            var error = await directory.ChangeAsync(id, role.Value, Department, User.UserId(), cancellationToken);
            if (error == StaffError.None)
            {
                Done = "changed";
                return Redirect(Url.Content("~/office/staff"));
            }
            AddError(RoleFields.FieldOf(error), text[StaffDirectory.ErrorKey(error)]);
        }
        Fields = await FieldsAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await directory.FindAsync(id, cancellationToken) is not { } member) return NotFound();
        var error = await directory.RemoveAsync(id, User.UserId(), cancellationToken);
        if (error != StaffError.None)
        {
            Member = member;
            (Role, Department) = (member.Role.Name(), member.DepartmentCode);
            AddError("remove", text[StaffDirectory.ErrorKey(error)]);
            Fields = await FieldsAsync(cancellationToken);
            return Page();
        }
        Done = "removed";
        return Redirect(Url.Content("~/office/staff"));
    }

    private async Task<RoleFields> FieldsAsync(CancellationToken cancellationToken) =>
        new(Role, Department, await RoleFields.DepartmentsAsync(db, cancellationToken), ErrorFor(nameof(Role)), ErrorFor(nameof(Department)));
}
