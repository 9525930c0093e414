namespace OneStop.Identity.Profile;

/// <summary>
/// The names of the profile ("e-ME") fields that can leave the account, with consent: on a consent
/// receipt, in a form's prefill mapping, and behind an OIDC scope. Values are strings in one agreed
/// format each (dates ISO 8601, addresses JSON in Hong Kong's structure, see the profile module).
/// </summary>
public static class ProfileFields
{
    public const string NameEnglish = "name.en";
    public const string NameChinese = "name.zh";
    public const string IdentityCard = "hkid";
    public const string DateOfBirth = "date-of-birth";
    public const string Sex = "sex";
    public const string Phone = "phone";
    public const string Email = "email";
    public const string ResidentialAddress = "address.residential";
    public const string CorrespondenceAddress = "address.correspondence";
    public const string PreferredLanguage = "language";
    public const string ContactChannels = "contact-channels";

    public static readonly IReadOnlyList<string> All =
    [
        NameEnglish, NameChinese, IdentityCard, DateOfBirth, Sex, Phone, Email,
        ResidentialAddress, CorrespondenceAddress, PreferredLanguage, ContactChannels,
    ];

    /// <summary>OIDC scopes and the fields each releases (after consent). <c>openid</c> releases none.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> ByScope = new Dictionary<string, string[]>
    {
        ["profile"] = [NameEnglish, NameChinese, PreferredLanguage],
        ["email"] = [Email],
        ["phone"] = [Phone],
        ["address"] = [ResidentialAddress],
        ["birthdate"] = [DateOfBirth],
        ["hkid"] = [IdentityCard],
    };
}

/// <summary>A field's value and whether it was proved during identity verification.</summary>
public sealed record ProfileValue(string Value, bool Verified);

/// <summary>
/// Reads profile fields for code that already holds a consent receipt covering them (forms prefill,
/// OIDC userinfo). It does not check consent itself: callers must, through <see cref="Consent.ConsentReceipts"/>.
/// </summary>
public interface IProfileReader
{
    /// <summary>The values the person has filled in, among <paramref name="fields"/>; missing ones are left out.</summary>
    Task<IReadOnlyDictionary<string, ProfileValue>> ReadAsync(Guid userId, IReadOnlyCollection<string> fields, CancellationToken cancellationToken = default);
}
