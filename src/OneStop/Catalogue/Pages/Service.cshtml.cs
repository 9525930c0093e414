using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Catalogue.Api;
using OneStop.Platform.Database;

namespace OneStop.Catalogue.Pages;

/// <summary>A service's own page, read from the database so it is never stale.</summary>
public sealed class ServiceModel(OneStopDb db) : PageModel
{
    public Service Service { get; private set; } = null!;

    /// <summary>Only a live service that can be applied for online gets "Start now".</summary>
    public bool CanStart => Service.Status == ServiceStatus.Live &&
        (Service.Channels.HasFlag(Channels.OnlineSubmission) || Service.ExternalUrl is not null);

    public string StartUrl => Service.ExternalUrl ?? Url.Content($"~/services/{Service.Slug}/start");

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var service = await ServiceDetails.FindAsync(db, slug, cancellationToken);
        if (service is null) return NotFound();
        Service = service;
        return Page();
    }
}
