using Microsoft.AspNetCore.Authorization;
using OneStop.Identity.Staff;
using OneStop.Notifications.Templates;

namespace OneStop.Notifications.Office;

/// <summary>A platform administrator's list of the default wording every department inherits.</summary>
[Authorize(Policy = StaffPolicies.PlatformAdmin)]
public sealed class DefaultsModel(TemplateCatalogue templates) : TemplateListModel(templates)
{
    public override string? Scope => null;
    public override string BasePath => "/office/notifications/defaults";
}
