using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Identity.Oidc;
using OneStop.Identity.Staff;

namespace OneStop.Office.Clients;

/// <summary>The OIDC clients (relying parties and machine clients) registered in OpenIddict, for platform administrators.</summary>
[Authorize(Policy = StaffPolicies.PlatformAdmin)]
public sealed class IndexModel(OidcClients clients) : PageModel
{
    public IReadOnlyList<OidcClient> Clients { get; private set; } = [];

    /// <summary>What the last change was (added, removed), for the banner.</summary>
    [TempData] public string? Done { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Clients = await clients.ListAsync(cancellationToken);
}
