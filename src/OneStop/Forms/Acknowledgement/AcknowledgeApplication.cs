using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OneStop.Forms.Answers;
using OneStop.Forms.Store;
using OneStop.Forms.Submitting;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;
using OneStop.Platform.Mail;
using OneStop.Platform.Outbox;
using OneStop.Platform.Web;

namespace OneStop.Forms.Acknowledgement;

/// <summary>
/// Emails the applicant that their application arrived, in the language they applied in: the reference in
/// the subject; the form, reference, time, what happens next and a link to My applications in the body;
/// a copy of the answers attached when <see cref="IAnswersCopy"/> makes one. Sent once: the time it went is
/// recorded on the submission and a second delivery of the message finds it and stops. Submissions without
/// a contact address (API clients may leave it out) get no email.
/// </summary>
public sealed class AcknowledgeApplication(OneStopDb db, FormStore forms, AnswerProtection protection, IAnswersCopy copy,
    IMailer mailer, Text text, PublicLinks links, TimeProvider clock) : IOutboxHandler
{
    public string Topic => ApplicationSubmitted.Topic;

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var submitted = JsonSerializer.Deserialize<ApplicationSubmitted>(message.Payload, JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException("The message has no payload.");
        // Written in the same transaction as the message, so it is there.
        var submission = await db.Set<Submission>().SingleAsync(s => s.Id == submitted.SubmissionId, cancellationToken);
        if (submission.AcknowledgedAt is not null || submission.ContactEmail is null) return;

        var form = await forms.VersionAsync(submission.FormId, submission.Version, cancellationToken)
            ?? throw new InvalidOperationException("The submission's form version is missing.");
        var language = Languages.FromCulture(submission.Language) ?? Language.En;
        var department = await db.Departments.Where(d => d.Code == submission.DepartmentCode).Select(d => d.Name).SingleOrDefaultAsync(cancellationToken);

        var body = string.Format(language.Culture(), text.Get(language, "forms.ack.body"),
            form.Definition.Title[language],
            submission.Reference,
            Times.Long(submission.SubmittedAt, language),
            department?[language] is { Length: > 0 } name ? name : text.Get(language, "forms.ack.theDepartment"),
            links.To("/applications", language));
        var attachments = new List<MailAttachment>();
        var answers = protection.Unprotect(submission.Answers);
        if (await copy.RenderAsync(submission, form.Definition, answers, language, cancellationToken) is { } pdf)
        {
            attachments.Add(new MailAttachment($"{submission.Reference}.pdf", "application/pdf", pdf));
            body += "\n\n" + text.Get(language, "forms.ack.attached");
        }
        body += "\n\n" + text.Get(language, "mail.signature");

        var subject = string.Format(language.Culture(), text.Get(language, "forms.ack.subject"), submission.Reference);
        await mailer.SendAsync(new OutgoingMail(protection.UnprotectText(submission.ContactEmail), subject, body, language.Tag())
        {
            Attachments = attachments,
        }, cancellationToken);

        // After sending: a crash in between sends it again (at least once), never not at all.
        submission.AcknowledgedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(CancellationToken.None);
    }
}
