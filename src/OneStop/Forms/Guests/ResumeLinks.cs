using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneStop.Forms.Acknowledgement;
using OneStop.Forms.Answers;
using OneStop.Forms.Filling;
using OneStop.Forms.Store;
using OneStop.Platform.Audit;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;
using OneStop.Platform.Mail;
using OneStop.Platform.Web;

namespace OneStop.Forms.Guests;

/// <summary>Section <c>Forms:Guests</c>: resume links for people without an account.</summary>
public sealed class GuestOptions
{
    public const string Section = "Forms:Guests";

    /// <summary>Resume links one draft may have sent in 24 hours, whoever asks (on top of the per-address attempts limit).</summary>
    [Range(1, 100)] public int LinksPerDraftPerDay { get; set; } = 5;
}

/// <summary>Audit events of guests' drafts. Targets are draft ids; details never carry the address.</summary>
public static class GuestEvents
{
    /// <summary>A new resume secret was made and emailed (detail: <c>form=…</c>, and <c>by=reminder</c> from the draft sweep).</summary>
    public const string LinkSent = "form.resume-link-sent";
    /// <summary>A browser took a guest draft's secret from a resume link.</summary>
    public const string LinkUsed = "form.resume-link-used";
}

public enum LinkRequest { Sent, TooMany }

/// <summary>A guest's reminder: where to write and the resume link's path (secret included; no language prefix).</summary>
public sealed record GuestReminder(string Email, string Path);

/// <summary>
/// Resume links for guests' drafts. A draft has one secret: its SHA-256 in <see cref="FormDraft.ResumeSecretHash"/>,
/// the secret itself in the guest's cookie and in the newest link. Sending a link makes a new secret, so
/// older links stop working; the browser that asked gets the new secret in its cookie and carries on.
/// The guest's address is kept encrypted on the draft (<see cref="FormDraft.GuestEmail"/>) for reminders and
/// to prefill the acknowledgement address; it is never logged or audited.
/// </summary>
public sealed class ResumeLinks(OneStopDb db, AnswerProtection protection, FormStore forms, Text text, PublicLinks links,
    IMailer mailer, AuditLog audit, TimeProvider clock, IOptions<GuestOptions> options)
{
    public const int SecretBytes = 32;

    public string? StoredEmail(FormDraft draft) => draft.GuestEmail is { } stored ? protection.UnprotectText(stored) : null;

    /// <summary>Makes a new secret, keeps the address, emails the link in <paramref name="language"/> and gives this browser the new secret.</summary>
    public async Task<LinkRequest> SendAsync(HttpContext http, Journey journey, string email, Language language, CancellationToken cancellationToken)
    {
        var draft = journey.Draft;
        if (!await MayAskAsync(draft.Id, cancellationToken)) return LinkRequest.TooMany;
        var secret = await RotateAsync(draft.Id, protection.ProtectText(email), journey.Form, reminder: false, cancellationToken);
        if (secret is null) return LinkRequest.TooMany;
        DraftAccess.PutSecretCookie(http, draft.Id, secret, draft.ExpiresAt);

        var title = journey.Definition.Title[language];
        var body = string.Format(language.Culture(), text.Get(language, "forms.guests.mail.body"),
            title, links.To(PathFor(draft.Id, secret), language), Times.Long(draft.ExpiresAt, language))
            + "\n\n" + text.Get(language, "mail.signature");
        var subject = string.Format(language.Culture(), text.Get(language, "forms.guests.mail.subject"), title);
        await mailer.SendAsync(new OutgoingMail(email, subject, body, language.Tag()), cancellationToken);
        return LinkRequest.Sent;
    }

    /// <summary>For the draft sweep: a fresh secret for a guest's draft that left an address, or null when it has none.</summary>
    public async Task<GuestReminder?> RenewForReminderAsync(Guid draftId, CancellationToken cancellationToken)
    {
        var draft = await db.Set<FormDraft>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == draftId && d.UserId == null, cancellationToken);
        if (draft?.GuestEmail is not { } stored) return null;
        var form = await forms.VersionAsync(draft.FormId, draft.Version, cancellationToken);
        if (form is null) return null;
        var secret = await RotateAsync(draftId, stored, form, reminder: true, cancellationToken);
        return secret is null ? null : new GuestReminder(protection.UnprotectText(stored), PathFor(draftId, secret));
    }

    /// <summary>
    /// The guest draft a link's secret opens, with its journey; null for a wrong or expired link, a draft that
    /// does not exist or an account's draft (all the same to the caller, so links reveal nothing).
    /// </summary>
    public async Task<Journey?> FindAsync(Guid draftId, string? secret, CancellationToken cancellationToken)
    {
        if (Decode(secret) is not { } bytes) return null;
        var draft = await db.Set<FormDraft>().SingleOrDefaultAsync(d => d.Id == draftId && d.UserId == null, cancellationToken);
        if (draft?.ResumeSecretHash is not { Length: 32 } stored || !CryptographicOperations.FixedTimeEquals(SHA256.HashData(bytes), stored)) return null;
        if (draft.SubmissionId is null && draft.ExpiresAt <= clock.GetUtcNow().UtcDateTime) return null;
        var form = await forms.VersionAsync(draft.FormId, draft.Version, cancellationToken);
        if (form is null) return null;
        var answers = draft.Answers.Length == 0 ? new JsonObject() : protection.Unprotect(draft.Answers);
        return new Journey(draft, form, answers, HongKongTime.Today(clock));
    }

    /// <summary>Gives this browser the draft's secret from the link, as starting the draft did.</summary>
    public async Task ResumeAsync(HttpContext http, Journey journey, string secret, CancellationToken cancellationToken)
    {
        DraftAccess.PutSecretCookie(http, journey.Draft.Id, Decode(secret)!, journey.Draft.ExpiresAt);
        audit.Record(GuestEvents.LinkUsed, null, null, "draft", journey.Draft.Id.ToString(), $"form={journey.Form.FormId}", journey.Form.DepartmentCode);
        await db.SaveChangesAsync(cancellationToken);
    }

    public static string PathFor(Guid draftId, byte[] secret) => $"/applications/{draftId}/resume?secret={WebEncoders.Base64UrlEncode(secret)}";

    private async Task<bool> MayAskAsync(Guid draftId, CancellationToken cancellationToken)
    {
        // Filtered by time here: SQLite cannot compare the audit table's DateTimeOffset; the (type, id) index finds the rows.
        var since = clock.GetUtcNow().AddDays(-1);
        var times = await db.Set<AuditEntry>().AsNoTracking()
            .Where(e => e.TargetType == "draft" && e.TargetId == draftId.ToString() && e.Event == GuestEvents.LinkSent)
            .Select(e => e.At).ToListAsync(cancellationToken);
        return times.Count(t => t > since) < options.Value.LinksPerDraftPerDay;
    }

    /// <summary>Replaces the draft's secret (and keeps the address) with a statement of its own, so the draft's answers and revision are untouched.</summary>
    private async Task<byte[]?> RotateAsync(Guid draftId, string protectedEmail, LoadedForm form, bool reminder, CancellationToken cancellationToken)
    {
        var secret = RandomNumberGenerator.GetBytes(SecretBytes);
        var hash = SHA256.HashData(secret);
        var changed = await db.Set<FormDraft>()
            .Where(d => d.Id == draftId && d.UserId == null && d.SubmissionId == null)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.ResumeSecretHash, hash).SetProperty(d => d.GuestEmail, protectedEmail), cancellationToken);
        if (changed == 0) return null;
        audit.Record(GuestEvents.LinkSent, null, null, "draft", draftId.ToString(), $"form={form.FormId}" + (reminder ? ";by=reminder" : ""), form.DepartmentCode);
        await db.SaveChangesAsync(cancellationToken);
        return secret;
    }

    private static byte[]? Decode(string? secret)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length > 100) return null;
        try
        {
            var bytes = WebEncoders.Base64UrlDecode(secret);
            return bytes.Length == SecretBytes ? bytes : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
