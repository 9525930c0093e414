using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
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
public sealed class CheckModel(DraftAccess access, SubmitApplication submit, UserManager<OneStopUser> users, Text text, ResumeLinks guestLinks) : DraftPageModel(access)
{
    public List<(PageDefinition Page, List<ShownAnswer> Answers)> Sections { get; } = [];

    /// <summary>What still stops the application being sent, each with a link to the page to put it right.</summary>
    public List<(string? Href, string Message)> Problems { get; } = [];

    /// <summary>A guest's address for the acknowledgement (Forms/Guests): the one given for resume links, or as typed.</summary>
    public string? GuestEmail { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid draftId, CancellationToken cancellationToken)
    {
        if (await OpenAsync(draftId, forSent: false, cancellationToken) is { } refusal) return refusal;
        if (Journey.Draft.UserId is null) GuestEmail = guestLinks.StoredEmail(Journey.Draft);
        Build(FormRules.Validate(Journey.Definition, Journey.Answers, Journey.Today));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid draftId, CancellationToken cancellationToken)
    {
        if (await OpenAsync(draftId, forSent: false, cancellationToken) is { } refusal) return refusal;
        var draft = Journey.Draft;
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
        var request = new SubmitRequest(Journey.Form, Journey.Answers, $"draft:{draft.Id}", "submit", Languages.Current.Tag())
        {
            ServiceSlug = draft.ServiceSlug,
            UserId = draft.UserId,
            ContactEmail = email,
            DraftId = draft.Id,
        };
        switch (await submit.RunAsync(request, cancellationToken))
        {
            case SubmitResult.Invalid invalid:
                Build(invalid.Errors);
                return Page();
            default:
                // Accepted now or before; KeyReused cannot follow from a draft (it is marked sent with its one submission).
                return GoTo(Journey.SentPath);
        }
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

    public string ChangeHref(PageDefinition page, FieldDefinition field) =>
        Url.Content("~" + Journey.PagePath(page, change: true)) + "#" + field.Id;
}
