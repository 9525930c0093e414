using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Mvc.RazorPages;

using OneStop.Platform.Database;

namespace OneStop.Catalogue.Pages;

/// <summary>A service's own page, read from the database so it is never stale.</summary>
public sealed class ServiceModel(OneStopDb db) : PageModel
{
    public Service Service { get; private set; } = null!;

    /// <summary>
    /// "Start now" only when it leads somewhere: the service's own online address. Until OneStop's
    /// e-forms host a service's form, a service that is online without an address of its own points
    /// to its department's website instead of to a dead end.
    /// </summary>
    public bool CanStart => Service.Status == ServiceStatus.Live && (Service.ExternalUrl is not null || AppliesHere);

    /// <summary>The service's start form is published and not retired, so "Start now" opens it here (Forms/Filling).</summary>
    public bool AppliesHere { get; private set; }

    public bool OnlineAtDepartment => Service.Status == ServiceStatus.Live && Service.ExternalUrl is null &&
        Service.Channels.IsOnline() && Service.Department.Website is not null;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var service = await ServiceDetails.FindAsync(db, slug, cancellationToken);
        if (service is null) return NotFound();
        Service = service;
        AppliesHere = service.Status == ServiceStatus.Live && service.StartFormId is { } formId
            && await db.Set<Forms.Form>().AnyAsync(f => f.Id == formId && f.PublishedVersion != null && f.RetiredAt == null, cancellationToken);
        return Page();
    }
}
