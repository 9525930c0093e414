using Microsoft.AspNetCore.Mvc;
using OneStop.Platform.Audit;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;

namespace OneStop.Identity.Profile;

/// <summary>Sex as recorded for government services: F, M or X.</summary>
public sealed class EditSexModel(ProfileStore profiles, AuditLog audit, OneStopDb db, Text text) : ProfilePage(profiles, audit, db, text)
{
    [BindProperty] public string? Sex { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Sex = Details.Sex;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (IsLocked(ProfileFields.Sex)) return Page();
        if (Sex is null || !Sexes.All.Contains(Sex))
        {
            AddError(nameof(Sex), Text["profile.error.sexMissing"]);
            return Page();
        }
        Details.Sex = Sex;
        return await SaveAsync([ProfileFields.Sex], cancellationToken);
    }
}
