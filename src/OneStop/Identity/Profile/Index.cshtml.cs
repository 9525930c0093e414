using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Platform.Localisation;

namespace OneStop.Identity.Profile;

/// <summary>The e-ME profile at a glance: every field with a change link, verified ones marked and locked.</summary>
[Authorize]
public sealed class IndexModel(UserManager<OneStopUser> users, ProfileStore profiles, Text text) : PageModel
{
    public const string SavedKey = "ProfileSaved";

    public sealed record Row(string Field, string Label, IReadOnlyList<string> Lines, string? EditPath, bool Verified);

    /// <summary>The rows in order and the page that edits each. The email belongs to the account and is not changed here.</summary>
    private static readonly (string Field, string? EditPath)[] Layout =
    [
        (ProfileFields.NameEnglish, "name"), (ProfileFields.NameChinese, "name"), (ProfileFields.IdentityCard, "identity-card"),
        (ProfileFields.DateOfBirth, "date-of-birth"), (ProfileFields.Sex, "sex"), (ProfileFields.Phone, "contact"), (ProfileFields.Email, null),
        (ProfileFields.ResidentialAddress, "address/residential"), (ProfileFields.CorrespondenceAddress, "address/correspondence"),
        (ProfileFields.PreferredLanguage, "contact"), (ProfileFields.ContactChannels, "contact"),
    ];

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public bool IdentityVerified { get; private set; }
    public bool Saved { get; private set; }

    public string ProveUrl => Url.Content("~/account/verify") + "?returnUrl=" + Uri.EscapeDataString(Url.Content("~/account/profile"));

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        var details = await profiles.LoadAsync(user.Id, cancellationToken);
        IdentityVerified = user.IdentityVerifiedAt is not null;
        Saved = TempData[SavedKey] is true;
        Rows = Layout.Select(r => new Row(r.Field, text["profile.field." + r.Field], ProfileDisplay.Lines(r.Field, details, user, text),
            r.EditPath, details.IsVerified(r.Field))).ToList();
        return Page();
    }
}
