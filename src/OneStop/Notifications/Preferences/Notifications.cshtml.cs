using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OneStop.Identity;
using OneStop.Identity.Profile;
using OneStop.Notifications.Sending;
using OneStop.Platform.Audit;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;
using OneStop.Platform.Web.Forms;

namespace OneStop.Notifications.Preferences;

/// <summary>
/// How a signed-in person hears about their applications: email or text message (the inbox always gets a
/// copy). Texts go to the profile's phone; without one, the person gives a number here, kept encrypted.
/// The language is the account's own, changed on the profile's contact page.
/// </summary>
[Authorize]
public sealed class NotificationsModel(OneStopDb db, UserManager<OneStopUser> users, Recipients recipients,
    NotificationProtection protection, AuditLog audit, Text text, TimeProvider clock) : FormPageModel
{
    [BindProperty] public string? Channel { get; set; }
    [BindProperty] public string? Phone { get; set; }
    [TempData] public bool Saved { get; set; }

    /// <summary>The profile's phone, when it has one: texts go there and no number is asked for.</summary>
    public string? ProfilePhone { get; private set; }
    public Language AccountLanguage { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        var preference = await LoadAsync(user, cancellationToken);
        Channel = preference?.Channel ?? NotificationChannels.Email;
        Phone = preference?.Phone is { } stored ? protection.Unprotect(stored) : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        var preference = await LoadAsync(user, cancellationToken);
        if (Channel is not (NotificationChannels.Email or NotificationChannels.Sms)) AddError(nameof(Channel), text["notifications.preferences.error.channel"]);
        Phone = string.IsNullOrWhiteSpace(Phone) ? null : Phone.Trim();
        string? phone = null;
        if (Phone is not null && (Phone.Length > 30 || (phone = PhoneNumbers.Normalise(Phone)) is null))
            AddError(nameof(Phone), text["notifications.preferences.error.phoneInvalid"]);
        else if (Channel == NotificationChannels.Sms && ProfilePhone is null && phone is null)
            AddError(nameof(Phone), text["notifications.preferences.error.phoneMissing"]);
        if (HasErrors) return Page();

        if (preference is null)
        {
            preference = new NotificationPreference { UserId = user.Id, Channel = Channel! };
            db.Add(preference);
        }
        preference.Channel = Channel!;
        // A number given here is only kept while the profile has none; the profile's is the one to keep up to date.
        preference.Phone = ProfilePhone is null && phone is not null ? protection.Protect(phone) : null;
        preference.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record(NotificationAuditEvents.PreferencesChanged, user.Id, user.Id, detail: "channel=" + Channel);
        await db.SaveChangesAsync(cancellationToken);
        Saved = true;
        return Redirect(Url.Content("~/account/notifications"));
    }

    private async Task<NotificationPreference?> LoadAsync(OneStopUser user, CancellationToken cancellationToken)
    {
        AccountLanguage = user.PreferredLanguage;
        ProfilePhone = await recipients.ProfilePhoneAsync(user.Id, cancellationToken);
        return await db.Set<NotificationPreference>().SingleOrDefaultAsync(p => p.UserId == user.Id, cancellationToken);
    }
}
