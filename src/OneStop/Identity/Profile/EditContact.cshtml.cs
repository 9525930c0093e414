using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using OneStop.Identity.Account;
using OneStop.Platform.Audit;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;

namespace OneStop.Identity.Profile;

/// <summary>
/// Phone, how the person wants to hear from government and in which language. The language is the
/// account's own (emails and the portal after sign-in follow it), so it is saved on the account.
/// </summary>
public sealed class EditContactModel(ProfileStore profiles, AuditLog audit, OneStopDb db, Text text, UserManager<OneStopUser> users)
    : ProfilePage(profiles, audit, db, text)
{
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public List<string> Channels { get; set; } = [];
    [BindProperty] public string? Language { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        await LoadAsync(cancellationToken);
        Phone = Details.Phone;
        Channels = Details.ContactChannels;
        Language = user.PreferredLanguage.Tag();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        await LoadAsync(cancellationToken);
        Phone = Clean(nameof(Phone), Phone, 30);
        string? phone = null;
        if (Phone is not null && (phone = PhoneNumbers.Normalise(Phone)) is null) AddError(nameof(Phone), Text["profile.error.phoneInvalid"]);
        Channels = ContactChannel.All.Where(Channels.Contains).ToList();
        if (Channels.Contains(ContactChannel.Sms) && Phone is null) AddError(nameof(Phone), Text["profile.error.phoneForSms"]);
        Platform.Localisation.Language? language = Languages.All.Any(l => l.Tag() == Language) ? Languages.All.First(l => l.Tag() == Language) : null;
        if (language is null) AddError(nameof(Language), Text["profile.error.languageMissing"]);
        if (HasErrors) return Page();

        var changed = new List<string>();
        if (phone != Details.Phone) changed.Add(ProfileFields.Phone);
        if (!Channels.SequenceEqual(Details.ContactChannels)) changed.Add(ProfileFields.ContactChannels);
        if (language != user.PreferredLanguage) changed.Add(ProfileFields.PreferredLanguage);
        Details.Phone = phone;
        Details.ContactChannels = Channels;
        // The account row and the profile are in one DbContext, so SaveAsync writes both.
        user.PreferredLanguage = language!.Value;
        LanguageCookie.Set(Response, language.Value);
        _ = await SaveAsync(changed, cancellationToken);
        // Carry on in the language just chosen.
        return Redirect(Request.RootPath(language.Value.PathPrefix() + "/account/profile"));
    }
}

/// <summary>Phone numbers in E.164. Eight digits are a Hong Kong number (+852); others must start with + and a country code.</summary>
public static class PhoneNumbers
{
    public static string? Normalise(string input)
    {
        var compact = new string(input.Where(c => c is not (' ' or '-' or '(' or ')')).ToArray());
        if (compact.Length == 8 && compact.All(char.IsAsciiDigit) && compact[0] is >= '2' and <= '9') return "+852" + compact;
        if (compact.StartsWith('+') && compact.Length is >= 9 and <= 16 && compact[1..].All(char.IsAsciiDigit) && compact[1] != '0')
        {
            var national = compact.StartsWith("+852", StringComparison.Ordinal) ? compact[4..] : null;
            return national is null || (national.Length == 8 && national[0] is >= '2' and <= '9') ? compact : null;
        }
        return null;
    }
}
