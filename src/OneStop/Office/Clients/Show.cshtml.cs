using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Identity.Oidc;
using OneStop.Identity.Staff;

namespace OneStop.Office.Clients;

/// <summary>
/// One client as registered. Addressed by OpenIddict's application id, not the client_id, so that any
/// client_id (even "add") has a plain address. A secret is never shown here: only its hash is kept.
/// </summary>
[Authorize(Policy = StaffPolicies.PlatformAdmin)]
public sealed class ShowModel(OidcClients clients) : PageModel
{
    public OidcClient Client { get; private set; } = null!;

    [TempData] public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await clients.FindByIdAsync(id.ToString(), cancellationToken) is not { } client) return NotFound();
        Client = client;
        return Page();
    }
}
