using OneStop.Forms.Answers;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneStop.Forms.Acknowledgement;
using OneStop.Forms.Store;
using OneStop.Identity;
using OneStop.Platform.Audit;
using OneStop.Platform.Database;
using OneStop.Platform.Jobs;
using OneStop.Platform.Localisation;
using OneStop.Platform.Mail;
using OneStop.Platform.Web;

namespace OneStop.Forms.Background;

public static class DraftEvents
{
    /// <summary>An unsent draft was deleted when it expired. Detail: form and version; never answers.</summary>
    public const string Expired = "form.draft-expired";
}

/// <summary>
/// Looks after unsent drafts: one reminder shortly before a draft expires (to the account's address, in the
/// draft's language, with the date and a link to carry on), and deletion once it has. Both are claimed row by
/// row with conditional statements (the reminder by setting <see cref="FormDraft.ReminderSentAt"/> while
/// it is null, the deletion by deleting only what is still unsent and expired), so nodes running the sweep
/// at the same time never remind twice or audit a deletion twice.
/// </summary>
public sealed class DraftSweep(IServiceScopeFactory scopes, IOptions<DraftSweepOptions> options, TimeProvider clock, ILogger<DraftSweep> logger) : IRecurringJob
{
    public string Name => "forms.drafts";
    public bool Enabled => options.Value.Enabled;
    public TimeSpan Interval => options.Value.SweepInterval;

    public async Task<bool> RunOnceAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var reminders = await RemindAsync(o, cancellationToken);
        var expired = await ExpireAsync(o, cancellationToken);
        return reminders == o.BatchSize || expired == o.BatchSize;
    }

    private async Task<int> RemindAsync(DraftSweepOptions o, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDb>();
        var now = clock.GetUtcNow().UtcDateTime;
        // Also the claim's token, compared for equality after a round trip: whole milliseconds survive PostgreSQL (microseconds) and SQLite.
        var sentAt = new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
        var until = now + o.ReminderBefore;
        // Guests are reminded when they left an address for resume links (Forms/Guests).
        // Amendments answer a department's request and are followed from the application's page: no reminder.
        var due = await db.Set<FormDraft>().AsNoTracking()
            .Where(d => d.SubmissionId == null && d.AmendsSubmissionId == null && d.ReminderSentAt == null && (d.UserId != null || d.GuestEmail != null) && d.ExpiresAt > now && d.ExpiresAt <= until)
            .OrderBy(d => d.ExpiresAt)
            .Select(d => new DueDraft(d.Id, d.UserId, d.FormId, d.Version, d.Language, d.ExpiresAt))
            .Take(o.BatchSize)
            .ToListAsync(cancellationToken);
        foreach (var draft in due)
        {
            var claimed = await db.Set<FormDraft>()
                .Where(d => d.Id == draft.Id && d.ReminderSentAt == null && d.SubmissionId == null)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.ReminderSentAt, sentAt), cancellationToken);
            if (claimed == 0) continue;
            try
            {
                await SendReminderAsync(scope.ServiceProvider, draft, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Let the next pass try again. The exception's message may name the address: its type only.
                await db.Set<FormDraft>().Where(d => d.Id == draft.Id && d.ReminderSentAt == sentAt)
                    .ExecuteUpdateAsync(s => s.SetProperty(d => d.ReminderSentAt, (DateTime?)null), CancellationToken.None);
                logger.LogWarning("Reminder for draft {DraftId} failed with {Exception}; the next sweep tries again", draft.Id, e.GetType().Name);
            }
        }
        return due.Count;
    }

    private static async Task SendReminderAsync(IServiceProvider services, DueDraft draft, CancellationToken cancellationToken)
    {
        var language = Languages.FromCulture(draft.Language) ?? Language.En;
        var links = services.GetRequiredService<PublicLinks>();
        string email, link, bodyKey = "forms.drafts.reminder.body";
        if (draft.UserId is { } userId)
        {
            var user = await services.GetRequiredService<UserManager<OneStopUser>>().FindByIdAsync(userId.ToString());
            if (user?.Email is not { Length: > 0 } address) return;
            (email, link) = (address, links.To($"/applications/{draft.Id}/check", language));
        }
        else
        {
            // A fresh resume link: the secret is stored only as a hash, so the reminder makes a new one.
            if (await services.GetRequiredService<Guests.ResumeLinks>().RenewForReminderAsync(draft.Id, cancellationToken) is not { } guest) return;
            (email, link, bodyKey) = (guest.Email, links.To(guest.Path, language), "forms.guests.reminder.body");
        }
        var form = await services.GetRequiredService<FormStore>().VersionAsync(draft.FormId, draft.Version, cancellationToken);
        var text = services.GetRequiredService<Text>();
        var title = form?.Definition.Title[language] ?? draft.FormId;
        var expires = Times.Long(draft.ExpiresAt, language);
        var body = string.Format(language.Culture(), text.Get(language, bodyKey), title, expires, link) + "\n\n" + text.Get(language, "mail.signature");
        var subject = string.Format(language.Culture(), text.Get(language, "forms.drafts.reminder.subject"), title);
        await services.GetRequiredService<IMailer>().SendAsync(new OutgoingMail(email, subject, body, language.Tag()), cancellationToken);
    }

    private async Task<int> ExpireAsync(DraftSweepOptions o, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDb>();
        var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
        var files = scope.ServiceProvider.GetRequiredService<Attachments.DraftFiles>();
        var now = clock.GetUtcNow().UtcDateTime;
        var expired = await db.Set<FormDraft>().AsNoTracking()
            .Where(d => d.SubmissionId == null && d.ExpiresAt <= now)
            .OrderBy(d => d.ExpiresAt)
            .Select(d => new
            {
                d.Id, d.UserId, d.FormId, d.Version,
                Department = db.Set<Form>().Where(f => f.Id == d.FormId).Select(f => f.DepartmentCode).FirstOrDefault(),
            })
            .Take(o.BatchSize)
            .ToListAsync(cancellationToken);
        foreach (var draft in expired)
        {
            // The deletion and its audit entry commit together; only the node whose DELETE matched records it.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var deleted = await db.Set<FormDraft>()
                .Where(d => d.Id == draft.Id && d.SubmissionId == null && d.ExpiresAt <= now)
                .ExecuteDeleteAsync(cancellationToken);
            IReadOnlyList<string> keys = [];
            if (deleted == 1)
            {
                keys = await files.RemoveRowsAsync(draft.Id, cancellationToken);
                audit.Record(DraftEvents.Expired, null, draft.UserId, "draft", draft.Id.ToString(), $"form={draft.FormId};version={draft.Version}", draft.Department);
                await db.SaveChangesAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
            await files.DeleteFilesAsync(keys, cancellationToken);
        }
        return expired.Count;
    }

    private sealed record DueDraft(Guid Id, Guid? UserId, string FormId, int Version, string Language, DateTime ExpiresAt);
}
