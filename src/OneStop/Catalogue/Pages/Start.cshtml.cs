using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Catalogue.Api;
using OneStop.Platform.Database;

namespace OneStop.Catalogue.Pages;

/// <summary>
/// Where "Start now" leads for a service applied for on OneStop itself. Until the service's online form
/// is published (the e-forms module), the page says so plainly and tells people how to apply meanwhile.
/// </summary>
public sealed class StartModel(OneStopDb db) : PageModel
{
    public Service Service { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var service = await ServiceDetails.FindAsync(db, slug, cancellationToken);
        if (service is null || service.Status != ServiceStatus.Live || !service.Channels.HasFlag(Channels.OnlineSubmission))
            return NotFound();
        if (service.ExternalUrl is not null) return Redirect(service.ExternalUrl);
        Service = service;
        return Page();
    }
}
