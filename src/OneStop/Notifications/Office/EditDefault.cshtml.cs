using Microsoft.AspNetCore.Authorization;
using OneStop.Identity.Staff;
using OneStop.Notifications.Templates;
using OneStop.Platform.Localisation;
using OneStop.Platform.Web;

namespace OneStop.Notifications.Office;

/// <summary>A platform administrator edits the default wording of one event in one language.</summary>
[Authorize(Policy = StaffPolicies.PlatformAdmin)]
public sealed class EditDefaultModel(TemplateCatalogue templates, Text text, PublicLinks links) : TemplateEditorModel(templates, text, links)
{
    public override string? Scope => null;
    public override string BasePath => "/office/notifications/defaults";
}
