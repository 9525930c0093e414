using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneStop.Documents.Templates;
using OneStop.Forms.Answers;
using OneStop.Notifications;
using OneStop.Notifications.Templates;
using OneStop.Platform.Database;
using OneStop.Platform.Jobs;
using OneStop.Platform.Localisation;

namespace OneStop.Documents.Lifecycle;

/// <summary>
/// Tells holders their document is about to lapse, at each of the template's <c>reminderDays</c> (e.g. 30 and 7
/// days before). Each threshold goes once: the document's <see cref="IssuedDocument.ReminderDaysSent"/> is claimed
/// with a conditional UPDATE (only when no reminder that small has gone yet), in the same transaction as the
/// notification, so two nodes never both send it. The smallest due threshold is sent first in a pass, so a document
/// found late (issued 5 days before it ends, or the job off for weeks) gets the 7-day reminder, not the 30-day one
/// and then the 7-day one. Only valid documents: a revoked or superseded one (its successor has its own) is never reminded.
/// </summary>
public sealed class ExpiryReminders(IServiceScopeFactory scopes, IOptions<RemindersOptions> options, TimeProvider clock, ILogger<ExpiryReminders> logger) : IRecurringJob
{
    public string Name => "documents-expiry-reminders";
    public bool Enabled => options.Value.BackgroundJobs;
    public TimeSpan Interval => options.Value.Interval;

    public async Task<bool> RunOnceAsync(CancellationToken cancellationToken)
    {
        var today = HongKongTime.Today(clock);
        var batch = options.Value.BatchSize;
        var more = false;
        foreach (var (slug, thresholds) in await TemplatesWithRemindersAsync(cancellationToken))
        {
            // Smallest first: a document already within 7 days takes the 7-day reminder, which makes the 30-day one moot.
            foreach (var days in thresholds.Order())
            {
                var last = today.AddDays(days);
                List<Guid> due;
                await using (var scope = scopes.CreateAsyncScope())
                {
                    due = await scope.ServiceProvider.GetRequiredService<OneStopDb>().Set<IssuedDocument>().AsNoTracking()
                        .Where(d => d.ServiceSlug == slug && d.State == DocumentState.Valid && d.HolderId != null
                            && d.ValidUntil != null && d.ValidUntil >= today && d.ValidUntil <= last
                            && (d.ReminderDaysSent == null || d.ReminderDaysSent > days))
                        .OrderBy(d => d.ValidUntil).Select(d => d.Id).Take(batch).ToListAsync(cancellationToken);
                }
                foreach (var id in due) await RemindAsync(id, days, cancellationToken);
                more |= due.Count == batch;
            }
        }
        return more;
    }

    /// <summary>Claims the threshold and queues the notification together; nothing if another pass claimed it first.</summary>
    private async Task RemindAsync(Guid id, int days, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDb>();
        var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Not the Revision: a reminder changes nothing an officer's open page should be warned of.
        var claimed = await db.Set<IssuedDocument>()
            .Where(d => d.Id == id && d.State == DocumentState.Valid && (d.ReminderDaysSent == null || d.ReminderDaysSent > days))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.ReminderDaysSent, days), cancellationToken);
        if (claimed == 0) return;
        var document = await db.Set<IssuedDocument>().AsNoTracking().SingleAsync(d => d.Id == id, cancellationToken);
        var until = document.ValidUntil!.Value;
        await notifier.EnqueueAsync(new NotificationRequest(NotificationEvents.DocumentExpiring, document.DepartmentCode, document.HolderId, null,
            document.Language, document.CaseId, $"document-expiring:{document.Id}:{days}", new Dictionary<string, string>
            {
                ["document"] = document.Title.En, ["document:zh-HK"] = document.Title.ZhHk, ["document:zh-CN"] = document.Title.ZhCn,
                ["reference"] = document.Number,
                ["expires"] = Dates.Long(until, Language.En),
                ["expires:zh-HK"] = Dates.Long(until, Language.ZhHk),
                ["expires:zh-CN"] = Dates.Long(until, Language.ZhCn),
                ["link"] = DocumentPaths.Document(document.Id),
            }), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Services whose template names reminder days, with those days. Templates are few; a broken one is skipped and logged.</summary>
    private async Task<List<(string Slug, IReadOnlyList<int> Days)>> TemplatesWithRemindersAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var templates = await scope.ServiceProvider.GetRequiredService<OneStopDb>().Set<DocumentTemplate>().AsNoTracking()
            .Select(t => new { t.ServiceSlug, t.Definition }).ToListAsync(cancellationToken);
        var found = new List<(string, IReadOnlyList<int>)>();
        foreach (var t in templates)
        {
            var definition = DocumentJson.Parse(t.Definition, out var problem);
            if (definition is null) logger.LogWarning("Document template of {Service} cannot be read for reminders: {Problem}", t.ServiceSlug, problem);
            else if (definition.ReminderDays.Count > 0) found.Add((t.ServiceSlug, definition.ReminderDays.Distinct().ToList()));
        }
        return found;
    }
}
