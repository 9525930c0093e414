using Microsoft.AspNetCore.Mvc;
using OneStop.Platform.Audit;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;

namespace OneStop.Identity.Profile;

/// <summary>Names in English (as on the identity card) and Chinese. A verified English name is shown, not offered for editing.</summary>
public sealed class EditNameModel(ProfileStore profiles, AuditLog audit, OneStopDb db, Text text) : ProfilePage(profiles, audit, db, text)
{
    [BindProperty] public string? NameEnglish { get; set; }
    [BindProperty] public string? NameChinese { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        NameEnglish = Details.NameEnglish;
        NameChinese = Details.NameChinese;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var changed = new List<string>();
        if (!IsLocked(ProfileFields.NameEnglish))
        {
            NameEnglish = Clean(nameof(NameEnglish), NameEnglish, 100);
            if (NameEnglish is not null && !NameEnglish.All(c => char.IsAsciiLetter(c) || c is ' ' or '-' or ',' or '.' or '\''))
                AddError(nameof(NameEnglish), Text["profile.error.nameEnglishLetters"]);
            if (NameEnglish != Details.NameEnglish) changed.Add(ProfileFields.NameEnglish);
        }
        if (!IsLocked(ProfileFields.NameChinese))
        {
            NameChinese = Clean(nameof(NameChinese), NameChinese, 50);
            if (NameChinese != Details.NameChinese) changed.Add(ProfileFields.NameChinese);
        }
        if (HasErrors) return Page();
        if (changed.Contains(ProfileFields.NameEnglish)) Details.NameEnglish = NameEnglish;
        if (changed.Contains(ProfileFields.NameChinese)) Details.NameChinese = NameChinese;
        return await SaveAsync(changed, cancellationToken);
    }
}
