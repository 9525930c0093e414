using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using OneStop.Forms.Filling;
using OneStop.Identity;
using OneStop.Identity.Account;
using OneStop.Platform.Localisation;

namespace OneStop.Forms.Guests;

/// <summary>
/// "Save and come back later" for people without an account: asks where to send a link that opens the
/// draft in any browser. The answer reads the same whatever the address; posts are limited per address
/// and page (the identity attempts policy) and per draft (<see cref="GuestOptions.LinksPerDraftPerDay"/>).
/// </summary>
[EnableRateLimiting(IdentitySetup.AttemptsPolicy)]
public sealed class ResumeLinkModel(DraftAccess access, ResumeLinks links, Text text) : DraftPageModel(access)
{
    private const string SentFlag = "forms.guests.linkSent";

    [BindProperty] public string? Email { get; set; }

    public bool Sent { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid draftId, CancellationToken cancellationToken)
    {
        if (await OpenAsync(draftId, forSent: false, cancellationToken) is { } refusal) return refusal;
        if (Journey.Draft.UserId is not null) return GoTo("/applications");
        Sent = TempData[SentFlag] is true;
        Email = links.StoredEmail(Journey.Draft);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid draftId, CancellationToken cancellationToken)
    {
        if (await OpenAsync(draftId, forSent: false, cancellationToken) is { } refusal) return refusal;
        if (Journey.Draft.UserId is not null) return GoTo("/applications");
        Email = Email?.Trim();
        if (!EmailAddress.IsValid(Email))
        {
            AddError(nameof(Email), text[string.IsNullOrEmpty(Email) ? "forms.guests.error.emailMissing" : "forms.guests.error.emailInvalid"]);
            return Page();
        }
        if (await links.SendAsync(HttpContext, Journey, Email!, Languages.Current, cancellationToken) == LinkRequest.TooMany)
        {
            AddError(nameof(Email), text["forms.guests.error.tooMany"]);
            return Page();
        }
        TempData[SentFlag] = true;
        return GoTo($"/applications/{draftId}/resume-link");
    }
}
