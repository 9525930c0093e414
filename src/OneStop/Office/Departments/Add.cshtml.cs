using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OneStop.Identity;
using OneStop.Identity.Staff;
using OneStop.Platform.Localisation;

namespace OneStop.Office.Departments;

/// <summary>A platform administrator adds a department to the catalogue; its code cannot change afterwards.</summary>
[Authorize(Policy = StaffPolicies.PlatformAdmin)]
public sealed class AddModel(DepartmentEditor editor, Text text) : DepartmentFormModel(text)
{
    [BindProperty] public string? Code { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var code = DepartmentEditor.NormaliseCode(Code);
        var details = Details();
        AddErrors(await editor.CheckCodeAsync(code, cancellationToken));
        AddErrors(DepartmentEditor.Check(details));
        if (HasErrors) return Page();

        await editor.AddAsync(code, details, User.UserId(), cancellationToken);
        Done = "added";
        return Redirect(Url.Content("~/office/departments"));
    }
}
