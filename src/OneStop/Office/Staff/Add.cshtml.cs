using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OneStop.Identity;
using OneStop.Identity.Staff;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;
using OneStop.Platform.Web.Forms;

namespace OneStop.Office.Staff;

/// <summary>
/// Puts someone on the staff by the email of their OneStop ID; someone without one gets an account and
/// an email with a link to choose a password.
/// </summary>
[Authorize(Policy = StaffPolicies.PlatformAdmin)]
public sealed class AddModel(StaffDirectory directory, StaffMail mail, OneStopDb db, Text text) : FormPageModel
{
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Role { get; set; }
    [BindProperty] public string? Department { get; set; }
    [TempData] public string? Done { get; set; }

    public RoleFields Fields { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Fields = await FieldsAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var role = StaffRoles.Parse(Role);
        if (role is null) AddError(nameof(Role), text["office.staff.error.roleMissing"]);
        else
        {
            var added = await directory.AddAsync(Email, role.Value, Department, User.UserId(), cancellationToken);
            if (added.Succeeded)
            {
                if (added.SetPasswordPath is { } path) await mail.SendInvitationAsync(added.User!, path, cancellationToken);
                Done = added.SetPasswordPath is null ? "added" : "invited";
                return Redirect(Url.Content("~/office/staff"));
            }
            AddError(RoleFields.FieldOf(added.Error), text[StaffDirectory.ErrorKey(added.Error)]);
        }
        Fields = await FieldsAsync(cancellationToken);
        return Page();
    }

    private async Task<RoleFields> FieldsAsync(CancellationToken cancellationToken) =>
        new(Role, Department, await RoleFields.DepartmentsAsync(db, cancellationToken), ErrorFor(nameof(Role)), ErrorFor(nameof(Department)));
}
