using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Identity;
using OneStop.Identity.Oidc;
using OneStop.Identity.Staff;

namespace OneStop.Office.Clients;

/// <summary>Asks before removing a client (a GET shows what removing does; only the POST removes), then removes it as the signed-in platform administrator.</summary>
[Authorize(Policy = StaffPolicies.PlatformAdmin)]
public sealed class RemoveModel(OidcClients clients) : PageModel
{
    public OidcClient Client { get; private set; } = null!;

    [TempData] public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await clients.FindByIdAsync(id.ToString(), cancellationToken) is not { } client) return NotFound();
        Client = client;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await clients.FindByIdAsync(id.ToString(), cancellationToken) is not { } client) return NotFound();
        await clients.RemoveAsync(client.ClientId, User.UserId(), cancellationToken);
        Done = "removed";
        return Redirect(Url.Content("~/office/clients"));
    }
}
