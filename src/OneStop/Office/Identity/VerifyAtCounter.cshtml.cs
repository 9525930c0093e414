using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using OneStop.Identity;
using OneStop.Identity.Profile;
using OneStop.Identity.Staff;
using OneStop.Platform.Localisation;
using OneStop.Platform.Web.Forms;

namespace OneStop.Office.Identity;

/// <summary>
/// An officer at a counter has seen the person and their identity card, and raises the person's OneStop ID
/// to Verified. Any department's officer may do it: identity is the platform's, not a department's record.
/// The officer is the actor in the audit entry.
/// </summary>
[Authorize(Policy = StaffPolicies.Officer)]
public sealed class VerifyAtCounterModel(UserManager<OneStopUser> users, CounterVerification counter, Text text, TimeProvider clock) : FormPageModel
{
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? IdentityCard { get; set; }
    [BindProperty] public string? EnglishName { get; set; }
    [BindProperty] public string? DateOfBirthDay { get; set; }
    [BindProperty] public string? DateOfBirthMonth { get; set; }
    [BindProperty] public string? DateOfBirthYear { get; set; }
    [TempData] public string? VerifiedEmail { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Email = Email?.Trim();
        var account = string.IsNullOrEmpty(Email) ? null : await users.FindByEmailAsync(Email);
        if (string.IsNullOrEmpty(Email)) AddError(nameof(Email), text["account.error.emailMissing"]);
        else if (account is null) AddError(nameof(Email), text["office.counter.noAccount"]);
        EnglishName = EnglishName?.Trim();
        var query = ProofDetails.Read(this, text, clock, IdentityCard, EnglishName, DateOfBirthDay, DateOfBirthMonth, DateOfBirthYear);
        if (HasErrors) return Page();

        var outcome = await counter.VerifyAsync(account!.Id, User.UserId()!.Value, query!.IdentityCard, query.EnglishName, query.DateOfBirth, cancellationToken);
        switch (outcome)
        {
            case VerificationOutcome.Verified:
                VerifiedEmail = account.Email;
                return RedirectToPage();
            case VerificationOutcome.CardInUse:
                AddError(nameof(IdentityCard), text["office.counter.cardInUse"]);
                return Page();
            default:
                AddError(nameof(Email), text["office.counter.failed"]);
                return Page();
        }
    }
}
