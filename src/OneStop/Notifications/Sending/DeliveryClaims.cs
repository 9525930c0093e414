using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneStop.Platform.Database;

namespace OneStop.Notifications.Sending;

/// <summary>What one attempt at a delivery came to.</summary>
public sealed record SendResult(DeliveryStatus Status, string? ProviderMessageId, string? Failure, bool IsTransient)
{
    public static SendResult Sent(string? providerMessageId) => new(DeliveryStatus.Sent, providerMessageId, null, false);
    public static SendResult Permanent(string code) => new(DeliveryStatus.Failed, null, code, false);
    public static SendResult Bounced(string code) => new(DeliveryStatus.Bounced, null, code, false);
    public static SendResult Transient(string code) => new(DeliveryStatus.Pending, null, code, true);
}

public enum DeliveryOutcome { Sent, Retry, FailedForGood, LostClaim }

/// <summary>A sender's hold on one delivery: its id, the attempt number and the lease that doubles as the claim's token.</summary>
public sealed record Claim(Guid DeliveryId, int Attempt, DateTime Until);

/// <summary>
/// The state changes of deliveries, each a conditional UPDATE so that two senders (a retried message, two
/// nodes) never both act on one delivery: plan (insert once per channel), claim, record.
/// </summary>
public sealed class DeliveryClaims(OneStopDb db, NotificationProtection protection, IOptions<NotificationOptions> options, TimeProvider clock)
{
    /// <summary>Adds the delivery on <paramref name="channel"/> unless the notification has one.</summary>
    public async Task PlanAsync(Guid notificationId, string channel, CancellationToken cancellationToken)
    {
        if (await db.Set<NotificationDelivery>().AnyAsync(d => d.NotificationId == notificationId && d.Channel == channel, cancellationToken)) return;
        var now = Now();
        db.Add(new NotificationDelivery
        {
            Id = Guid.NewGuid(), NotificationId = notificationId, Channel = channel, Status = DeliveryStatus.Pending, CreatedAt = now, UpdatedAt = now,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another sender planned it at the same moment (the unique index on notification and channel): theirs stands.
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>The next delivery to attempt: the inbox copy first, then by age; null when none is due.</summary>
    public async Task<NotificationDelivery?> NextAsync(Guid notificationId, IReadOnlySet<Guid> skip, CancellationToken cancellationToken)
    {
        var now = Now();
        var open = await db.Set<NotificationDelivery>().AsNoTracking()
            .Where(d => d.NotificationId == notificationId
                && (d.Status == DeliveryStatus.Pending || (d.Status == DeliveryStatus.Sending && d.SendingUntil < now)))
            .ToListAsync(cancellationToken);
        return open.Where(d => !skip.Contains(d.Id)).OrderBy(d => d.Channel == NotificationChannels.Inbox ? 0 : 1).ThenBy(d => d.CreatedAt).FirstOrDefault();
    }

    /// <summary>Pending → Sending (or an expired Sending taken over); null when another sender holds it or it is done.</summary>
    public async Task<Claim?> ClaimAsync(Guid deliveryId, CancellationToken cancellationToken)
    {
        var now = Now();
        var until = Milliseconds(now + options.Value.SendingLease);
        var claimed = await db.Set<NotificationDelivery>()
            .Where(d => d.Id == deliveryId && (d.Status == DeliveryStatus.Pending || (d.Status == DeliveryStatus.Sending && d.SendingUntil < now)))
            .ExecuteUpdateAsync(s => s
                .SetProperty(d => d.Status, DeliveryStatus.Sending)
                .SetProperty(d => d.SendingUntil, until)
                .SetProperty(d => d.Attempts, d => d.Attempts + 1)
                .SetProperty(d => d.UpdatedAt, now), cancellationToken);
        if (claimed == 0) return null;
        var attempt = await db.Set<NotificationDelivery>().Where(d => d.Id == deliveryId).Select(d => d.Attempts).SingleAsync(cancellationToken);
        return new Claim(deliveryId, attempt, until);
    }

    /// <summary>
    /// Writes the attempt's result while the claim still holds. A transient failure goes back to Pending until
    /// <see cref="NotificationOptions.MaxAttempts"/>, then counts as failed for good.
    /// </summary>
    public async Task<DeliveryOutcome> RecordAsync(Claim claim, SendResult result, CancellationToken cancellationToken)
    {
        var status = result.Status;
        var outcome = status == DeliveryStatus.Sent ? DeliveryOutcome.Sent : DeliveryOutcome.FailedForGood;
        if (result.IsTransient)
        {
            if (claim.Attempt < options.Value.MaxAttempts) outcome = DeliveryOutcome.Retry;
            else status = DeliveryStatus.Failed;
        }
        var now = Now();
        // Recorded even when the caller is being cancelled: the message went, and the record must say so.
        var written = await Mine(claim).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.Status, status)
            .SetProperty(d => d.ProviderMessageId, result.ProviderMessageId)
            .SetProperty(d => d.Failure, result.Failure)
            .SetProperty(d => d.SendingUntil, (DateTime?)null)
            .SetProperty(d => d.UpdatedAt, now), CancellationToken.None);
        return written == 0 ? DeliveryOutcome.LostClaim : outcome;
    }

    /// <summary>The inbox copy and the delivery's Sent status in one transaction: both or neither.</summary>
    public async Task<DeliveryOutcome> PutInInboxAsync(Claim claim, Notification notification, RenderedMessage rendered, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var id = await db.Set<InboxMessage>().Where(m => m.NotificationId == notification.Id).Select(m => (Guid?)m.Id).SingleOrDefaultAsync(cancellationToken);
        if (id is null)
        {
            var message = new InboxMessage
            {
                Id = Guid.NewGuid(),
                UserId = notification.UserId!.Value,
                NotificationId = notification.Id,
                CaseId = notification.CaseId,
                Subject = protection.Protect(rendered.Subject),
                Body = protection.Protect(rendered.Body),
                CreatedAt = Now(),
            };
            db.Add(message);
            await db.SaveChangesAsync(cancellationToken);
            id = message.Id;
        }
        var now = Now();
        var written = await Mine(claim).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.Status, DeliveryStatus.Sent)
            .SetProperty(d => d.ProviderMessageId, id.Value.ToString())
            .SetProperty(d => d.Failure, (string?)null)
            .SetProperty(d => d.SendingUntil, (DateTime?)null)
            .SetProperty(d => d.UpdatedAt, now), cancellationToken);
        // Lost the claim: whoever holds it now makes the copy, and this one is rolled back.
        if (written == 0) return DeliveryOutcome.LostClaim;
        await transaction.CommitAsync(cancellationToken);
        return DeliveryOutcome.Sent;
    }

    private IQueryable<NotificationDelivery> Mine(Claim claim) =>
        db.Set<NotificationDelivery>().Where(d => d.Id == claim.DeliveryId && d.Status == DeliveryStatus.Sending && d.SendingUntil == claim.Until);

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;

    /// <summary>Whole milliseconds, so the lease compares equal after a round trip through either database.</summary>
    private static DateTime Milliseconds(DateTime t) => new(t.Ticks - t.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
}
