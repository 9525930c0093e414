using Microsoft.AspNetCore.Authorization;
using OneStop.Identity.Staff;
using OneStop.Notifications.Templates;
using OneStop.Platform.Localisation;
using OneStop.Platform.Web;

namespace OneStop.Notifications.Office;

/// <summary>A department administrator edits their department's wording of one event in one language.</summary>
[Authorize(Policy = StaffPolicies.DepartmentAdmin)]
public sealed class EditModel(TemplateCatalogue templates, Text text, PublicLinks links) : TemplateEditorModel(templates, text, links)
{
    public override string? Scope => User.StaffDepartment();
    public override string BasePath => "/office/notifications";
}
