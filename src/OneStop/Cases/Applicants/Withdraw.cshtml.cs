using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OneStop.Cases.Engine;
using OneStop.Forms.Filling;
using OneStop.Identity;
using OneStop.Platform.Localisation;
using OneStop.Platform.Web.Forms;

namespace OneStop.Cases.Applicants;

/// <summary>Withdrawing an open application, with an optional reason; the case ends in the built-in withdrawn state.</summary>
[Authorize]
public sealed class WithdrawModel(ApplicantCases cases, CaseActions actions, Text text) : FormPageModel
{
    public const int MaxReason = 2000;

    public ApplicantCase View { get; private set; } = null!;
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public int Revision { get; set; }

    public async Task<IActionResult> OnGetAsync(string reference, CancellationToken cancellationToken)
    {
        if (await LoadAsync(reference, cancellationToken) is { } refusal) return refusal;
        Revision = View.Case!.Revision;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string reference, CancellationToken cancellationToken)
    {
        if (await LoadAsync(reference, cancellationToken) is { } refusal) return refusal;
        var reason = string.IsNullOrWhiteSpace(Reason) ? null : Reason.Trim();
        if (reason?.Length > MaxReason)
        {
            AddError(nameof(Reason), text["cases.applicant.withdraw.tooLong", MaxReason]);
            return Page();
        }
        switch (await actions.WithdrawAsync(User.UserId()!.Value, View.Case!.Id, Revision, reason, cancellationToken))
        {
            case CaseResult.Done:
                return Redirect(Url.Content("~" + SentApplications.Path(View.Reference) + "?withdrawn=true"));
            case CaseResult.Stale:
                // Show what changed (a request, a decision) before the person confirms again.
                Revision = View.Case.Revision;
                AddError("", text["cases.applicant.stale"]);
                return Page();
            case CaseResult.Refused:
                AddError("", text["cases.applicant.withdraw.refused"]);
                return Page();
            default:
                return NotFound();
        }
    }

    private async Task<IActionResult?> LoadAsync(string reference, CancellationToken cancellationToken)
    {
        if (User.UserId() is not { } userId) return Challenge();
        if (await cases.FindAsync(userId, reference, cancellationToken) is not { } view) return NotFound();
        View = view;
        return view.MayWithdraw ? null : Redirect(Url.Content("~" + SentApplications.Path(view.Reference)));
    }
}
