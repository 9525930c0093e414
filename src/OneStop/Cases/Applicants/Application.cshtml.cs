using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Forms.Acknowledgement;
using OneStop.Forms.Answers;
using OneStop.Identity;
using OneStop.Platform.Localisation;

namespace OneStop.Cases.Applicants;

/// <summary>
/// One sent application: where it stands, what happens next and by when, its history in plain words, the
/// answers as they stand, and what the applicant can do (reply to a request, withdraw). Only its applicant
/// finds it; anyone else gets 404.
/// </summary>
[Authorize]
public sealed class ApplicationModel(ApplicantCases cases, CaseWords words, AnswerSummary summary, IApplicantPayments payments,
    IApplicantDocuments documents) : PageModel
{
    public ApplicantCase View { get; private set; } = null!;
    public IReadOnlyList<TimelineLine> Timeline { get; private set; } = [];
    public IReadOnlyList<AnswerSection> Answers { get; private set; } = [];
    /// <summary>The fees paid or due for the application, newest first.</summary>
    public IReadOnlyList<ApplicantPayment> Payments { get; private set; } = [];
    /// <summary>What the decision issued (a licence, a permit), once it has.</summary>
    public IReadOnlyList<ApplicantDocument> Documents { get; private set; } = [];
    /// <summary>The success banner after an action: replied, changed, withdrawn.</summary>
    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(string reference, bool replied, bool changed, bool withdrawn, CancellationToken cancellationToken)
    {
        if (User.UserId() is not { } userId) return Challenge();
        if (await cases.FindAsync(userId, reference, cancellationToken) is not { } view) return NotFound();
        View = view;
        var language = Languages.Current;
        // Newest first, as people read a history.
        Timeline = view.Timeline.Select(e => words.Line(e, view, language)).Reverse().ToList();
        if (view.Form is { } form) Answers = summary.Build(form.Definition, view.Answers, language, Times.Day(view.SubmittedAt));
        Payments = (await payments.ForAsync(userId, [view.SubmissionId], language, cancellationToken)).GetValueOrDefault(view.SubmissionId) ?? [];
        if (view.Case is { } c) Documents = await documents.ForCaseAsync(userId, c.Id, language, cancellationToken);
        Done = replied ? "replied" : changed ? "changed" : withdrawn ? "withdrawn" : null;
        return Page();
    }
}
