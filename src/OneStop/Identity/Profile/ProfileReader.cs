using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;

namespace OneStop.Identity.Profile;

/// <summary>
/// The profile's values in their agreed exchange formats (docs/identity/profile.md), for recipients that
/// hold consent. Email and language come from the account; the rest from the encrypted profile.
/// </summary>
internal sealed class ProfileReader(OneStopDb db, ProfileStore profiles) : IProfileReader
{
    public async Task<IReadOnlyDictionary<string, ProfileValue>> ReadAsync(Guid userId, IReadOnlyCollection<string> fields, CancellationToken cancellationToken = default)
    {
        var values = new Dictionary<string, ProfileValue>();
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null) return values;
        var details = await profiles.LoadAsync(userId, cancellationToken);
        foreach (var field in fields.Distinct())
        {
            var value = field switch
            {
                ProfileFields.Email => user.Email,
                ProfileFields.PreferredLanguage => user.PreferredLanguage.Tag(),
                _ => Format(details, field),
            };
            if (string.IsNullOrEmpty(value)) continue;
            var verified = field == ProfileFields.Email ? user.EmailConfirmed : details.IsVerified(field);
            values[field] = new ProfileValue(value, verified);
        }
        return values;
    }

    /// <summary>One field of the profile as a string in its exchange format; null when not filled in.</summary>
    public static string? Format(PersonalDetails details, string field) => field switch
    {
        ProfileFields.NameEnglish => details.NameEnglish,
        ProfileFields.NameChinese => details.NameChinese,
        ProfileFields.IdentityCard => details.IdentityCardNumber?.ToString(),
        ProfileFields.DateOfBirth => details.DateOfBirth?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ProfileFields.Sex => details.Sex,
        ProfileFields.Phone => details.Phone,
        ProfileFields.ResidentialAddress => details.ResidentialAddress?.ToJson(),
        ProfileFields.CorrespondenceAddress => details.CorrespondenceAddress?.ToJson(),
        ProfileFields.ContactChannels => details.ContactChannels.Count == 0 ? null : string.Join(' ', ContactChannel.All.Where(details.ContactChannels.Contains)),
        _ => null,
    };
}
