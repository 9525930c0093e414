using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OneStop.Forms.Answers;
using OneStop.Forms.Definitions;
using OneStop.Forms.Guests;
using OneStop.Forms.Submitting;
using OneStop.Identity;
using OneStop.Platform.Localisation;

namespace OneStop.Forms.Filling;

/// <summary>
/// Check your answers, then submit. Submitting is exactly once per draft: the idempotency scope is the
/// draft and the key is "submit", so a double click, a resent form or a retry after a lost response all
/// land on the one acknowledgement.
/// </summary>
public sealed class CheckModel(DraftAccess access, SubmitApplication submit, UserManager<OneStopUser> users, Text text,
    Prefill.Prefills prefills, Declarations.DeclarationSigning declarations, ResumeLinks guestLinks, AmendApplication amend,
    AnswerProtection protection, OneStop.Platform.Database.OneStopDb db, IEnumerable<IFeePreview> fees) : DraftPageModel(access)
{
    /// <summary>The draft changes a sent application (Submitting/AmendApplication): the button reads "Send changes".</summary>
    public bool Amendment => Journey.Draft.AmendsSubmissionId is not null;

    /// <summary>An amendment's sent application reference and the message going with it.</summary>
    public string? AmendedReference { get; private set; }
    public string? AmendmentMessage { get; private set; }

    /// <summary>Answers locked to verified identity values: no Change link (Forms/Prefill).</summary>
    public IReadOnlySet<string> Locked { get; private set; } = new HashSet<string>();

    /// <summary>A shown declaration asks for a signature: the button is "Sign and submit" (Forms/Declarations).</summary>
    public bool SignatureNeeded => !Amendment && Declarations.DeclarationSigning.Required(Journey);

    public List<(PageDefinition Page, List<ShownAnswer> Answers)> Sections { get; } = [];

    /// <summary>What still stops the application being sent, each with a link to the page to put it right.</summary>
    public List<(string? Href, string Message)> Problems { get; } = [];

    /// <summary>A guest's address for the acknowledgement (Forms/Guests): the one given for resume links, or as typed.</summary>
    public string? GuestEmail { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid draftId, CancellationToken cancellationToken)
    {
        if (await OpenAsync(draftId, forSent: false, cancellationToken) is { } refusal) return refusal;
        Locked = (await prefills.LocksAsync(draftId, cancellationToken)).Fields;
        if (Journey.Draft.UserId is null) GuestEmail = guestLinks.StoredEmail(Journey.Draft);
        await AmendmentAsync(cancellationToken);
        Build(FormRules.Validate(Journey.Definition, Journey.Answers, Journey.Today));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid draftId, CancellationToken cancellationToken)
    {
        if (await OpenAsync(draftId, forSent: false, cancellationToken) is { } refusal) return refusal;
        Locked = (await prefills.LocksAsync(draftId, cancellationToken)).Fields;
        if (Amendment) return await SendChangesAsync(cancellationToken);
        var draft = Journey.Draft;
        // "Sign and submit": an account holder signs the answers hash with OneStop ID (advanced) and comes back to
        // /applications/{id}/sign, which submits. A guest cannot sign; SubmitApplication refuses that with its reason.
        if (SignatureNeeded && draft.UserId is not null)
        {
            if (FormRules.Validate(Journey.Definition, Journey.Answers, Journey.Today) is { Count: > 0 } missing)
            {
                Build(missing);
                return Page();
            }
            if (Assurance.Of(User) < AssuranceLevel.Advanced)
                return Redirect(Request.PathBase + Identity.Factors.StepUp.Url(AssuranceLevel.Advanced, Request.PathBase + Request.Path));
            return GoTo(Identity.Signing.DocumentSigning.PagePath(await declarations.RequestAsync(Journey, cancellationToken)));
        }
        var email = draft.UserId is null ? null : (await users.GetUserAsync(User))?.Email;
        if (draft.UserId is null)
        {
            GuestEmail = Request.Form[GuestContact.Field].ToString().Trim();
            (email, var problem) = GuestContact.Choose(GuestEmail, guestLinks.StoredEmail(draft));
            if (problem is not null)
            {
                Build(FormRules.Validate(Journey.Definition, Journey.Answers, Journey.Today));
                AddError(GuestContact.Field, text[problem]);
                return Page();
            }
        }
        switch (await submit.RunAsync(SubmitRequestFor(Journey, email), cancellationToken))
        {
            case SubmitResult.Invalid invalid:
                Build(invalid.Errors);
                return Page();
            default:
                // Accepted now or before; KeyReused cannot follow from a draft (it is marked sent with its one submission).
                return GoTo(Journey.SentPath);
        }
    }

    /// <summary>The submission of a draft: exactly once per draft (scope <c>draft:&lt;id&gt;</c>, key <c>submit</c>), in the page's language.</summary>
    public static SubmitRequest SubmitRequestFor(Journey journey, string? contactEmail) =>
        new(journey.Form, journey.Answers, $"draft:{journey.Draft.Id}", "submit", Languages.Current.Tag())
        {
            ServiceSlug = journey.Draft.ServiceSlug,
            UserId = journey.Draft.UserId,
            ContactEmail = contactEmail,
            DraftId = journey.Draft.Id,
        };

    /// <summary>An amendment is sent as changes to the application, not as a new one; no signature or guest address is asked for.</summary>
    private async Task<IActionResult> SendChangesAsync(CancellationToken cancellationToken)
    {
        await AmendmentAsync(cancellationToken);
        switch (await amend.RunAsync(Journey, cancellationToken))
        {
            case AmendResult.Amended amended:
                return GoTo(SentApplications.Path(amended.Reference) + "?changed=true");
            case AmendResult.Invalid invalid:
                Build(invalid.Errors);
                return Page();
            case AmendResult.Unchanged:
                Build([]);
                AddError("", text["forms.filling.amend.unchanged"]);
                return Page();
            default:
                Build([]);
                AddError("", text["forms.filling.amend.notAllowed"]);
                return Page();
        }
    }

    private async Task AmendmentAsync(CancellationToken cancellationToken)
    {
        if (Journey.Draft.AmendsSubmissionId is not { } amends) return;
        AmendedReference = await db.Set<Submission>().Where(s => s.Id == amends).Select(s => s.Reference).SingleAsync(cancellationToken);
        AmendmentMessage = Journey.Draft.AmendmentMessage is { } message ? protection.UnprotectText(message) : null;
    }

    private void Build(IReadOnlyList<FieldError> errors)
    {
        var language = Languages.Current;
        var display = new AnswerDisplay(text, language);
        foreach (var page in Journey.ShownPages)
        {
            var answers = FormRules.ShownFields(page, Journey.Answers, Journey.Today).Where(f => f.HasAnswer)
                .Select(f => display.Show(f, Journey.Answers[f.Id], Journey.Answers, Journey.Today)).ToList();
            if (answers.Count > 0) Sections.Add((page, answers));
        }
        foreach (var error in errors)
        {
            var message = ErrorMessages.Describe(error, Journey.Definition, text, language);
            var href = Journey.Definition.Field(error.Path.Split('.')[0]) is { } field
                ? Url.Content("~" + Journey.PagePath(Journey.Definition.PageOf(field.Id), change: true)) + "#" + PageForm.Anchor(Journey.Definition, error)
                : null;
            Problems.Add((href, message));
            AddError(href ?? "", message);
        }
    }

    /// <summary>The fee the answers come to, as they will be sent (hidden answers dropped); none for an amendment, which pays nothing again.</summary>
    public async Task<FeePreview?> FeeAsync()
    {
        if (Amendment) return null;
        var answers = FormRules.Prune(Journey.Definition, Journey.Answers, Journey.Today);
        foreach (var preview in fees)
            if (await preview.PreviewAsync(Journey.Draft.ServiceSlug, Journey.Definition.Id, answers, Journey.Draft.UserId, HttpContext.RequestAborted) is { } fee) return fee;
        return null;
    }

    public string ChangeHref(PageDefinition page, FieldDefinition field) =>
        Url.Content("~" + Journey.PagePath(page, change: true)) + "#" + field.Id;
}
