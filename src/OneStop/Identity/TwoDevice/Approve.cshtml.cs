using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OneStop.Identity.TwoDevice;

/// <summary>
/// The phone's side: a signed-in person sees the service and the short code and approves or declines.
/// Someone not signed in is sent to sign in first (the cookie challenge brings them back here).
/// </summary>
[Authorize]
public sealed class ApproveModel(PhoneSignIns requests) : PageModel
{
    public enum Screen { Ask, Approved, Declined, Used, Expired, AnsweredElsewhere }

    public PhoneSignInRequest PhoneRequest { get; private set; } = null!;
    public Screen Shown { get; private set; }
    public TimeSpan TimeLeft { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (await requests.FindAsync(id, cancellationToken) is not { } request) return NotFound();
        PhoneRequest = request;
        var now = requests.Now;
        TimeLeft = request.ExpiresAt - now;
        var mine = request.ApprovedBy == User.UserId();
        Shown = request.State switch
        {
            PhoneSignInState.Pending when request.IsExpiredAt(now) => Screen.Expired,
            PhoneSignInState.Pending => Screen.Ask,
            PhoneSignInState.Expired => Screen.Expired,
            _ when !mine => Screen.AnsweredElsewhere,
            PhoneSignInState.Approved when request.IsExpiredAt(now) => Screen.Expired,
            PhoneSignInState.Approved => Screen.Approved,
            PhoneSignInState.Declined => Screen.Declined,
            _ => Screen.Used,
        };
        return Page();
    }

    public Task<IActionResult> OnPostApproveAsync(string id, CancellationToken cancellationToken) =>
        DecideAsync(id, approve: true, cancellationToken);

    public Task<IActionResult> OnPostDeclineAsync(string id, CancellationToken cancellationToken) =>
        DecideAsync(id, approve: false, cancellationToken);

    private async Task<IActionResult> DecideAsync(string id, bool approve, CancellationToken cancellationToken)
    {
        if (User.UserId() is not { } me) return Challenge();
        var outcome = approve
            ? await requests.ApproveAsync(id, me, Assurance.Of(User), cancellationToken)
            : await requests.DeclineAsync(id, me, cancellationToken);
        // Every outcome is shown by the page itself, from the row's new state.
        return outcome == PhoneSignInOutcome.NotFound ? NotFound() : Redirect(Url.Content("~/account/approve/" + id));
    }
}
