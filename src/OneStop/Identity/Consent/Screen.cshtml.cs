using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Identity.Profile;
using OneStop.Platform.Localisation;

namespace OneStop.Identity.Consent;

/// <summary>
/// The consent screen: exactly which of the person's details, with their current values, would go to
/// which recipient, for what and for how long. Approve grants a receipt; either answer goes back to the
/// service's return URL with the outcome. Only the request's owner can see it; others get 404.
/// </summary>
[Authorize]
public sealed class ScreenModel(PendingConsents pending, ConsentReceipts receipts, ProfileStore profiles, UserManager<OneStopUser> users,
    Platform.Database.OneStopDb db, Text text) : PageModel
{
    public const string Granted = "granted";
    public const string Declined = "declined";
    public const string Expired = "expired";

    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public PendingConsent Pending { get; private set; } = null!;
    public IReadOnlyList<(string Field, IReadOnlyList<string> Lines)> Values { get; private set; } = [];
    public bool Open { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        if (await pending.FindAsync(user.Id, Id, cancellationToken) is not { } request) return NotFound();
        Pending = request;
        Open = pending.IsOpen(request);
        var details = await profiles.LoadAsync(user.Id, cancellationToken);
        Values = request.FieldList.Select(f => (f, ProfileDisplay.Lines(f, details, user, text))).ToList();
        return Page();
    }

    public Task<IActionResult> OnPostApproveAsync(CancellationToken cancellationToken) => AnswerAsync(approve: true, cancellationToken);

    public Task<IActionResult> OnPostDeclineAsync(CancellationToken cancellationToken) => AnswerAsync(approve: false, cancellationToken);

    private async Task<IActionResult> AnswerAsync(bool approve, CancellationToken cancellationToken)
    {
        var me = User.UserId()!.Value;
        if (await pending.FindAsync(me, Id, cancellationToken) is not { } request) return NotFound();
        // Answered already (a double click, the back button): send them on with the first answer.
        if (request.Outcome is not null) return LocalRedirect(Request.PathBase + PendingConsents.WithOutcome(request.ReturnUrl, request.Outcome, request.ReceiptId));
        if (!pending.IsOpen(request)) return LocalRedirect(Request.PathBase + PendingConsents.WithOutcome(request.ReturnUrl, Expired, null));

        if (approve)
        {
            // GrantAsync saves the receipt, its audit entry and this request's outcome in one SaveChanges.
            request.Outcome = Granted;
            var receipt = await receipts.GrantAsync(me, request.ToRequest(), cancellationToken);
            request.ReceiptId = receipt.Id;
            await db.SaveChangesAsync(cancellationToken);
        }
        else
        {
            request.Outcome = Declined;
            await db.SaveChangesAsync(cancellationToken);
        }
        return LocalRedirect(Request.PathBase + PendingConsents.WithOutcome(request.ReturnUrl, request.Outcome, request.ReceiptId));
    }

    /// <summary>"For 30 days" / "until you withdraw it", in words.</summary>
    public string DurationText()
    {
        if (Pending.Duration is not { } d) return text["consents.untilRevoked"];
        return d.TotalDays >= 1 && d.TotalDays == Math.Floor(d.TotalDays)
            ? text.Count("consents.forDays", (int)d.TotalDays)
            : text.Count("consents.forHours", Math.Max(1, (int)Math.Ceiling(d.TotalHours)));
    }
}
