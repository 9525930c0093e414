using OneStop.Notifications;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OneStop.Cases.Engine;
using OneStop.Cases.Workflows;
using OneStop.Identity;
using OneStop.Identity.Staff;
using OneStop.Platform.Localisation;
using OneStop.Platform.Web.Forms;

namespace OneStop.Office.Cases;

/// <summary>
/// One case: summary and targets, assignment, the applicant, the answers (changed ones marked), files,
/// the timeline with internal notes, and the moves the officer's role allows. Every form posts the revision
/// the officer saw, so acting on a case someone else has just moved says so instead of overwriting it.
/// </summary>
[Authorize(Policy = StaffPolicies.Officer)]
public sealed class ShowModel(CaseReader reader, CaseActions actions, CaseDocuments documents, NotificationDeliveries deliveries, Text text, TimeProvider clock) : FormPageModel
{
    [BindProperty] public int Revision { get; set; }
    [BindProperty] public string? Assignee { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public string? Question { get; set; }
    [BindProperty] public IFormFile? Document { get; set; }
    [TempData] public string? Done { get; set; }

    public CaseView View { get; private set; } = null!;
    /// <summary>What the applicant was sent about this case, and whether it arrived.</summary>
    public IReadOnlyList<DeliveryView> Deliveries { get; private set; } = [];
    public DateTime Now { get; private set; }
    /// <summary>Which form was posted and failed ("assign", "note", "request" or an action id): only it gets its input back.</summary>
    public string? Posted { get; private set; }

    public StaffRole Role => User.StaffRole()!.Value;
    public Guid Me => User.UserId()!.Value;
    public bool IsSupervisor => Role.Includes(StaffRole.Supervisor);
    public IEnumerable<ActionDefinition> Moves => CaseMoves.Available(View.Workflow.Definition, View.Case.State, Role);
    public bool CanRequestInformation => CaseMoves.CanRequestInformation(View.Workflow.Definition, View.Case.State, Role);

    public async Task<IActionResult> OnGetAsync(string reference, CancellationToken cancellationToken) =>
        await ShowAsync(reference, cancellationToken);

    public async Task<IActionResult> OnPostAssignAsync(string reference, CancellationToken cancellationToken)
    {
        Posted = "assign";
        if (await reader.FindAsync(User, reference, cancellationToken) is not { } c) return NotFound();
        Guid? assignee = Assignee switch
        {
            "me" => Me,
            "none" => null,
            _ when Guid.TryParse(Assignee, out var id) => id,
            _ => Guid.Empty,
        };
        if (assignee == Guid.Empty)
        {
            AddError("assignee", text["office.cases.assign.missing"]);
            return await ShowAsync(reference, cancellationToken);
        }
        return await AfterAsync(reference, await actions.AssignAsync(User, c.Id, Revision, assignee, cancellationToken),
            assignee == Me ? "claimed" : assignee is null ? "released" : "assigned", "assignee", cancellationToken);
    }

    public async Task<IActionResult> OnPostNoteAsync(string reference, CancellationToken cancellationToken)
    {
        Posted = "note";
        if (await reader.FindAsync(User, reference, cancellationToken) is not { } c) return NotFound();
        return await AfterAsync(reference, await actions.AddNoteAsync(User, c.Id, Note, cancellationToken), "noted", "note", cancellationToken);
    }

    public async Task<IActionResult> OnPostRequestAsync(string reference, CancellationToken cancellationToken)
    {
        Posted = "request";
        if (await reader.FindAsync(User, reference, cancellationToken) is not { } c) return NotFound();
        return await AfterAsync(reference, await actions.RequestInformationAsync(User, c.Id, Revision, Question, cancellationToken), "returned", "question", cancellationToken);
    }

    public async Task<IActionResult> OnPostTakeAsync(string reference, string? actionId, CancellationToken cancellationToken)
    {
        Posted = actionId;
        if (await reader.FindAsync(User, reference, cancellationToken) is not { } c) return NotFound();
        var workflow = await reader.WorkflowAsync(c, cancellationToken);
        var action = actionId is null ? null : workflow.Action(actionId);
        var requires = action?.Requires ?? new Requirements();
        // Every missing input at once (the engine stops at the first), so the officer fixes them in one go.
        if (action is not null && CaseMoves.Available(workflow, c.State, Role).Contains(action))
        {
            if (requires.Reason && string.IsNullOrWhiteSpace(Reason)) AddError(action.Id + "-reason", text["cases.refused.reasonRequired"]);
            if (requires.Note && string.IsNullOrWhiteSpace(Note)) AddError(action.Id + "-note", text["cases.refused.noteRequired"]);
            if (requires.Document && Document is not { Length: > 0 }) AddError(action.Id + "-document", text["cases.refused.documentRequired"]);
            if (HasErrors) return await ShowAsync(reference, cancellationToken);
        }

        Guid? documentId = null;
        if (action is not null && requires.Document && Document is { } file)
        {
            var intake = await documents.AddAsync(c, Me, file, cancellationToken);
            if (intake.Id is null)
            {
                AddError(action.Id + "-document", text["office.cases.document." + intake.Refusal, intake.Args]);
                return await ShowAsync(reference, cancellationToken);
            }
            documentId = intake.Id;
        }
        var result = await actions.TakeAsync(User, c.Id, new ActionInput(actionId ?? "", Revision, Reason, Note, documentId), cancellationToken);
        if (result is not CaseResult.Done && documentId is { } unused) await documents.RemoveAsync(unused, cancellationToken);
        return await AfterAsync(reference, result, "moved", actionId, cancellationToken);
    }

    /// <summary>Done: back to the case (post, redirect, get). Otherwise the page again with the reason, input kept.</summary>
    private async Task<IActionResult> AfterAsync(string reference, CaseResult result, string done, string? fieldPrefix, CancellationToken cancellationToken)
    {
        switch (result)
        {
            case CaseResult.Done:
                Done = done;
                return RedirectToPage(new { reference });
            case CaseResult.NotFound:
                return NotFound();
            case CaseResult.Stale:
                AddError("", text["office.cases.stale"]);
                break;
            case CaseResult.Refused refused:
                AddError(FieldId(refused.Why.Field, fieldPrefix), text["cases.refused." + refused.Why.Code]);
                break;
        }
        return await ShowAsync(reference, cancellationToken);
    }

    /// <summary>The element a refusal concerns on this page; the summary alone (no link) when it is none of the form's fields.</summary>
    private static string FieldId(string? field, string? form) => (field, form) switch
    {
        (null, _) or (_, null) => "",
        ("Assignee", "assignee") => "assignee",
        ("Note", "note") => "note",
        ("Reason", "question") => "question",
        ("Reason" or "Note" or "Document", _) when form is not ("assignee" or "note" or "question") => $"{form}-{field.ToLowerInvariant()}",
        _ => "",
    };

    private async Task<IActionResult> ShowAsync(string reference, CancellationToken cancellationToken)
    {
        if (await reader.LoadAsync(User, reference, cancellationToken) is not { } view) return NotFound();
        View = view;
        Deliveries = await deliveries.ForCaseAsync(view.Case.Id, cancellationToken);
        Now = clock.GetUtcNow().UtcDateTime;
        // After a failed post the form shows the case as it is now: a second try goes with the current revision.
        Revision = view.Case.Revision;
        ModelState.Remove(nameof(Revision));
        return Page();
    }

    /// <summary>What the officer typed into a field, only for the form that was posted.</summary>
    public string? Kept(string form, string? value) => Posted == form ? value : null;
}
