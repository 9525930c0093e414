using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using OneStop.Platform.Audit;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;

namespace OneStop.Identity.Profile;

/// <summary>Date of birth in the three-field date input.</summary>
public sealed class EditDateOfBirthModel(ProfileStore profiles, AuditLog audit, OneStopDb db, Text text, TimeProvider clock) : ProfilePage(profiles, audit, db, text)
{
    [BindProperty] public string? DateOfBirthDay { get; set; }
    [BindProperty] public string? DateOfBirthMonth { get; set; }
    [BindProperty] public string? DateOfBirthYear { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Details.DateOfBirth is { } dob)
        {
            (DateOfBirthDay, DateOfBirthMonth, DateOfBirthYear) =
                (dob.Day.ToString(CultureInfo.InvariantCulture), dob.Month.ToString(CultureInfo.InvariantCulture), dob.Year.ToString(CultureInfo.InvariantCulture));
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (IsLocked(ProfileFields.DateOfBirth)) return Page();
        var (date, error) = DateInput.ParseDateOfBirth(DateOfBirthDay, DateOfBirthMonth, DateOfBirthYear, HongKongTime.Today(clock));
        if (error is not null)
        {
            AddError(nameof(DateOfBirthDay), Text[error]);
            return Page();
        }
        Details.DateOfBirth = date;
        return await SaveAsync([ProfileFields.DateOfBirth], cancellationToken);
    }
}
