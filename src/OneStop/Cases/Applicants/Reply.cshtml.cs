using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OneStop.Cases.Engine;
using OneStop.Forms.Filling;
using OneStop.Forms.Submitting;
using OneStop.Identity;
using OneStop.Platform.Localisation;
using OneStop.Platform.Web.Forms;

namespace OneStop.Cases.Applicants;

/// <summary>
/// Answering the department's request: a message ("Send reply", straight to the case), or changed answers
/// ("Change your answers": an amendment draft through the usual form pages, sent from its check page with the
/// message written here). Only while the case waits for the applicant; otherwise back to the application.
/// </summary>
[Authorize]
public sealed class ReplyModel(ApplicantCases cases, CaseActions actions, AmendApplication amend, Text text) : FormPageModel
{
    public const int MaxMessage = 5000;

    public ApplicantCase View { get; private set; } = null!;
    [BindProperty] public string? Message { get; set; }
    /// <summary>The case revision the person saw: a reply to a case that changed since is refused as stale.</summary>
    [BindProperty] public int Revision { get; set; }

    public async Task<IActionResult> OnGetAsync(string reference, CancellationToken cancellationToken)
    {
        if (await LoadAsync(reference, cancellationToken) is { } refusal) return refusal;
        Revision = View.Case!.Revision;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string reference, string? intent, CancellationToken cancellationToken)
    {
        if (await LoadAsync(reference, cancellationToken) is { } refusal) return refusal;
        var userId = User.UserId()!.Value;
        var message = string.IsNullOrWhiteSpace(Message) ? null : Message.Trim();
        if (message?.Length > MaxMessage)
        {
            AddError(nameof(Message), text["cases.applicant.reply.tooLong", MaxMessage]);
            return Page();
        }
        if (intent == "amend")
        {
            if (await amend.OpenDraftAsync(userId, View.SubmissionId, message, cancellationToken) is not { } draft) return NotWaiting();
            return Redirect(Url.Content($"~/applications/{draft.Id}/check"));
        }
        switch (await actions.ReplyAsync(userId, View.Case!.Id, Revision, message, [], cancellationToken))
        {
            case CaseResult.Done:
                return Redirect(Url.Content("~" + SentApplications.Path(View.Reference) + "?replied=true"));
            case CaseResult.Stale:
                Revision = View.Case.Revision;
                AddError("", text["cases.applicant.stale"]);
                return Page();
            case CaseResult.Refused { Why.Code: "replyRequired" }:
                AddError(nameof(Message), text["cases.applicant.reply.required"]);
                return Page();
            case CaseResult.Refused:
                return NotWaiting();
            default:
                return NotFound();
        }
    }

    private async Task<IActionResult?> LoadAsync(string reference, CancellationToken cancellationToken)
    {
        if (User.UserId() is not { } userId) return Challenge();
        if (await cases.FindAsync(userId, reference, cancellationToken) is not { } view) return NotFound();
        View = view;
        // Nothing is asked (any more): the application's page says where it stands.
        return view.WaitingForReply ? null : Redirect(Url.Content("~" + SentApplications.Path(view.Reference)));
    }

    private IActionResult NotWaiting()
    {
        AddError("", text["cases.applicant.reply.notWaiting"]);
        return Page();
    }
}
