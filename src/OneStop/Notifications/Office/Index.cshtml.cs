using Microsoft.AspNetCore.Authorization;
using OneStop.Identity.Staff;
using OneStop.Notifications.Templates;

namespace OneStop.Notifications.Office;

/// <summary>A department administrator's list of their department's notification wording.</summary>
[Authorize(Policy = StaffPolicies.DepartmentAdmin)]
public sealed class IndexModel(TemplateCatalogue templates) : TemplateListModel(templates)
{
    public override string? Scope => User.StaffDepartment();
    public override string BasePath => "/office/notifications";
}
