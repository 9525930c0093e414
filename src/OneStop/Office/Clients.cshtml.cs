using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Identity.Staff;

namespace OneStop.Office;

/// <summary>
/// OIDC clients (relying parties). A placeholder until the OpenIddict provider is merged: the list,
/// add and remove go through IOpenIddictApplicationManager here.
/// </summary>
[Authorize(Policy = StaffPolicies.PlatformAdmin)]
public sealed class ClientsModel : PageModel
{
    public void OnGet() { }
}
