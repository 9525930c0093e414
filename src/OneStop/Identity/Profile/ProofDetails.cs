using OneStop.Identity.Profile.Registry;
using OneStop.Platform.Localisation;
using OneStop.Platform.Web.Forms;

namespace OneStop.Identity.Profile;

/// <summary>
/// The three details that prove an identity — card number, English name, date of birth — as typed on a
/// form, checked the same way whether the person types them online or an officer at a counter does.
/// Errors go to the form under the field names IdentityCard, EnglishName and DateOfBirthDay.
/// </summary>
public static class ProofDetails
{
    public const int NameLength = 100;

    public static RegistryQuery? Read(FormPageModel form, Text text, TimeProvider clock,
        string? identityCard, string? englishName, string? day, string? month, string? year)
    {
        var card = HongKongId.Parse(identityCard);
        if (string.IsNullOrWhiteSpace(identityCard)) form.AddError("IdentityCard", text["profile.error.hkidMissing"]);
        else if (card is null) form.AddError("IdentityCard", text["profile.error.hkidInvalid"]);
        var name = englishName?.Trim();
        if (string.IsNullOrEmpty(name)) form.AddError("EnglishName", text["profile.error.nameEnglishMissing"]);
        else if (name.Length > NameLength) form.AddError("EnglishName", text["profile.error.tooLong", NameLength]);
        var (dob, dobError) = DateInput.ParseDateOfBirth(day, month, year, HongKongTime.Today(clock));
        if (dobError is not null) form.AddError("DateOfBirthDay", text[dobError]);
        return card is { } c && !string.IsNullOrEmpty(name) && name.Length <= NameLength && dob is { } d ? new RegistryQuery(c, name, d) : null;
    }
}
