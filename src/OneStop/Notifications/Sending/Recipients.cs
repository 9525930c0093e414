using Microsoft.EntityFrameworkCore;
using OneStop.Identity.Profile;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;

namespace OneStop.Notifications.Sending;

/// <summary>Who a notification goes to, in which language, on which channel, at which address.</summary>
public sealed record Recipient(Guid? UserId, Language Language, string? Email, string PreferredChannel, string? Phone)
{
    public bool HasAccount => UserId is not null;
}

/// <summary>
/// Reads the recipient at sending time, so a change of language, address or preference made after the
/// event still counts. Accounts: the account's language and email, the channel chosen on
/// /account/notifications, the profile's phone (else the one given there). Guests: their address and language, email only.
/// </summary>
public sealed class Recipients(OneStopDb db, IProfileReader profiles, NotificationProtection protection)
{
    /// <summary>Null when the account no longer exists.</summary>
    public async Task<Recipient?> FindAsync(Notification notification, CancellationToken cancellationToken)
    {
        if (notification.UserId is not { } userId)
        {
            var guestEmail = notification.GuestEmail is null ? null : protection.Unprotect(notification.GuestEmail);
            return new Recipient(null, Languages.FromCulture(notification.GuestLanguage) ?? Language.En, guestEmail, NotificationChannels.Email, null);
        }
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.Email, u.PreferredLanguage }).SingleOrDefaultAsync(cancellationToken);
        if (user is null) return null;
        var preference = await db.Set<NotificationPreference>().AsNoTracking().SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        var channel = preference?.Channel == NotificationChannels.Sms ? NotificationChannels.Sms : NotificationChannels.Email;
        // Read whatever the channel: a text planned before the person switched to email is still sent (or falls back).
        var phone = await PhoneAsync(userId, preference, cancellationToken);
        return new Recipient(userId, user.PreferredLanguage, user.Email, channel, phone);
    }

    /// <summary>The profile's phone when it has one, else the number kept with the preference.</summary>
    public async Task<string?> PhoneAsync(Guid userId, NotificationPreference? preference, CancellationToken cancellationToken)
    {
        var profile = await ProfilePhoneAsync(userId, cancellationToken);
        if (profile is not null) return profile;
        return preference?.Phone is { } stored ? protection.Unprotect(stored) : null;
    }

    public async Task<string?> ProfilePhoneAsync(Guid userId, CancellationToken cancellationToken)
    {
        // The person's own channel to them: no consent is needed to text a person on their own profile's number.
        var values = await profiles.ReadAsync(userId, [ProfileFields.Phone], cancellationToken);
        return values.TryGetValue(ProfileFields.Phone, out var phone) ? phone.Value : null;
    }
}
