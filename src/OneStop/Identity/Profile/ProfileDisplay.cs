using OneStop.Platform.Localisation;

namespace OneStop.Identity.Profile;

/// <summary>A profile field in words for the person to read, in their language; the identity card number always masked.</summary>
public static class ProfileDisplay
{
    /// <summary>The lines to show; empty when the field is not filled in.</summary>
    public static IReadOnlyList<string> Lines(string field, PersonalDetails details, OneStopUser user, Text text) => field switch
    {
        ProfileFields.NameEnglish => One(details.NameEnglish),
        ProfileFields.NameChinese => One(details.NameChinese),
        ProfileFields.IdentityCard => One(details.IdentityCardNumber?.Masked),
        ProfileFields.DateOfBirth => One(details.DateOfBirth is { } dob ? DateInput.Format(dob, text) : null),
        ProfileFields.Sex => One(details.Sex is { } sex ? text["profile.sex." + sex] : null),
        ProfileFields.Phone => One(details.Phone),
        ProfileFields.Email => One(user.Email),
        ProfileFields.ResidentialAddress => Address(details.ResidentialAddress, text),
        ProfileFields.CorrespondenceAddress => Address(details.CorrespondenceAddress, text),
        ProfileFields.PreferredLanguage => [user.PreferredLanguage.Endonym()],
        ProfileFields.ContactChannels => ContactChannel.All.Where(details.ContactChannels.Contains).Select(c => text["profile.channel." + c]).ToArray(),
        _ => [],
    };

    private static string[] One(string? value) => string.IsNullOrEmpty(value) ? [] : [value];

    private static string[] Address(HongKongAddress? address, Text text) =>
        address?.Lines(d => text["profile.district." + d], r => text["profile.region." + r]).ToArray() ?? [];
}
