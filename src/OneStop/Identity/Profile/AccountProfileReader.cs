using Microsoft.EntityFrameworkCore;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;

namespace OneStop.Identity.Profile;

/// <summary>
/// The fields the account row itself holds (email, preferred language). The e-ME profile module
/// replaces this registration with a reader over the encrypted profile that includes these.
/// </summary>
internal sealed class AccountProfileReader(OneStopDb db) : IProfileReader
{
    public async Task<IReadOnlyDictionary<string, ProfileValue>> ReadAsync(Guid userId, IReadOnlyCollection<string> fields, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        var values = new Dictionary<string, ProfileValue>();
        if (user is null) return values;
        if (fields.Contains(ProfileFields.Email) && user.Email is not null) values[ProfileFields.Email] = new(user.Email, user.EmailConfirmed);
        if (fields.Contains(ProfileFields.PreferredLanguage)) values[ProfileFields.PreferredLanguage] = new(user.PreferredLanguage.Tag(), false);
        return values;
    }
}
