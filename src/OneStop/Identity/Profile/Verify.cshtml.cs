using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using OneStop.Identity.Profile.Registry;
using OneStop.Platform.Localisation;
using OneStop.Platform.Web.Forms;

namespace OneStop.Identity.Profile;

/// <summary>
/// Prove your identity online: the identity card number, English name and date of birth are checked with
/// the population registry. On a match the account becomes Verified at once (the session is refreshed so
/// that it carries the claim) and the person goes back where they came from, e.g. a step-up.
/// </summary>
[Authorize]
[EnableRateLimiting(IdentitySetup.AttemptsPolicy)]
public sealed class VerifyModel(UserManager<OneStopUser> users, SignInManager<OneStopUser> signIn, IdentityVerification verification,
    ProfileStore profiles, Text text, TimeProvider clock) : FormPageModel
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty] public string? IdentityCard { get; set; }
    [BindProperty] public string? EnglishName { get; set; }
    [BindProperty] public string? DateOfBirthDay { get; set; }
    [BindProperty] public string? DateOfBirthMonth { get; set; }
    [BindProperty] public string? DateOfBirthYear { get; set; }

    public bool AlreadyVerified { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        AlreadyVerified = user.IdentityVerifiedAt is not null;
        // Start from what the profile holds, so proving again is mostly confirming.
        var details = await profiles.LoadAsync(user.Id, cancellationToken);
        IdentityCard = details.IdentityCardNumber?.ToString();
        EnglishName = details.NameEnglish;
        if (details.DateOfBirth is { } dob) (DateOfBirthDay, DateOfBirthMonth, DateOfBirthYear) = ($"{dob.Day}", $"{dob.Month}", $"{dob.Year}");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        AlreadyVerified = user.IdentityVerifiedAt is not null;
        EnglishName = EnglishName?.Trim();
        var query = ProofDetails.Read(this, text, clock, IdentityCard, EnglishName, DateOfBirthDay, DateOfBirthMonth, DateOfBirthYear);
        if (HasErrors) return Page();

        var outcome = await verification.VerifyWithRegistryAsync(user, query!, cancellationToken);
        switch (outcome)
        {
            case VerificationOutcome.Verified:
                await signIn.RefreshSignInAsync(user);
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : Url.Content("~/account"));
            case VerificationOutcome.NotMatched:
                AddError(nameof(IdentityCard), text["profile.verify.notMatched"]);
                break;
            case VerificationOutcome.TooManyAttempts:
                AddError(nameof(IdentityCard), text["profile.verify.tooMany"]);
                break;
            case VerificationOutcome.CardInUse:
                AddError(nameof(IdentityCard), text["profile.verify.cardInUse"]);
                break;
            default:
                AddError(nameof(IdentityCard), text["profile.verify.unavailable"]);
                break;
        }
        return Page();
    }
}
