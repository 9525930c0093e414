using System.Text.Json;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using OneStop.Notifications.Sms;
using OneStop.Notifications.Templates;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;
using OneStop.Platform.Mail;
using OneStop.Platform.Outbox;
using OneStop.Platform.Web;

namespace OneStop.Notifications.Sending;

/// <summary>
/// Sends a queued notification (topic <see cref="Notifier.Topic"/>). Plans one delivery per channel (the
/// inbox copy for accounts, plus the person's chosen channel; email for guests), then sends each that is
/// not yet done. Exactly once in effect: a delivery is claimed with a conditional UPDATE (Pending → Sending)
/// before it is sent and marked Sent after, so a repeated or concurrent run skips it; a claim that outlived
/// <see cref="NotificationOptions.SendingLease"/> (a crash mid-send) may be taken over, and then the email
/// carries the same Message-Id and the SMS the same idempotency key, so receivers see one message.
/// A text that fails for good falls back to email; an email that fails for good leaves the inbox copy.
/// </summary>
public sealed class SendNotification(OneStopDb db, Recipients recipients, DeliveryClaims claims, NotificationRenderer renderer,
    NotificationProtection protection, IMailer mailer, ISmsProvider sms, IOptions<MailOptions> mailOptions,
    ILogger<SendNotification> logger) : IOutboxHandler
{
    public string Topic => Notifier.Topic;

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var queued = JsonSerializer.Deserialize<NotificationQueued>(message.Payload, JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException("The message has no payload.");
        var notification = await db.Set<Notification>().AsNoTracking().SingleOrDefaultAsync(n => n.Id == queued.NotificationId, cancellationToken);
        if (notification is null) return;
        var recipient = await recipients.FindAsync(notification, cancellationToken);
        if (recipient is null)
        {
            logger.LogWarning("Notification {NotificationId} has no recipient: the account is gone", notification.Id);
            return;
        }
        IEnumerable<string> planned = recipient.HasAccount ? [NotificationChannels.Inbox, recipient.PreferredChannel] : [NotificationChannels.Email];
        foreach (var channel in planned) await claims.PlanAsync(notification.Id, channel, cancellationToken);

        var values = protection.UnprotectValues(notification.Values);
        var tried = new HashSet<Guid>();
        var retry = false;
        while (await claims.NextAsync(notification.Id, tried, cancellationToken) is { } delivery)
        {
            tried.Add(delivery.Id);
            if (await claims.ClaimAsync(delivery.Id, cancellationToken) is not { } claim) continue;
            var rendered = await renderer.RenderAsync(notification, delivery.Channel, recipient.Language, values, cancellationToken);
            var outcome = rendered is null ? await claims.RecordAsync(claim, SendResult.Permanent("template:missing"), cancellationToken)
                : delivery.Channel == NotificationChannels.Inbox ? await claims.PutInInboxAsync(claim, notification, rendered, cancellationToken)
                : await claims.RecordAsync(claim, await SendAsync(delivery, recipient, rendered, cancellationToken), cancellationToken);
            if (outcome == DeliveryOutcome.Retry) retry = true;
            if (outcome == DeliveryOutcome.FailedForGood && delivery.Channel == NotificationChannels.Sms)
                await claims.PlanAsync(notification.Id, NotificationChannels.Email, cancellationToken);
        }
        // The outbox tries the message again later, with backoff; deliveries already sent are skipped then.
        if (retry) throw new DeliveryRetryException();
    }

    private async Task<SendResult> SendAsync(NotificationDelivery delivery, Recipient recipient, RenderedMessage rendered, CancellationToken cancellationToken) =>
        delivery.Channel switch
        {
            NotificationChannels.Email => await EmailAsync(delivery, recipient, rendered, cancellationToken),
            NotificationChannels.Sms => await TextAsync(delivery, recipient, rendered, cancellationToken),
            _ => SendResult.Permanent("channel:unknown"),
        };

    private async Task<SendResult> EmailAsync(NotificationDelivery delivery, Recipient recipient, RenderedMessage rendered, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(recipient.Email)) return SendResult.Permanent("email:no-address");
        if (!MailboxAddress.TryParse(recipient.Email, out _)) return SendResult.Permanent("email:invalid-address");
        var from = mailOptions.Value.From;
        // The same id on every attempt at this delivery: a resend after a crash is one message to the receiver.
        var messageId = $"notification-{delivery.Id:N}@{from[(from.IndexOf('@') + 1)..]}";
        try
        {
            await mailer.SendAsync(new OutgoingMail(recipient.Email, rendered.Subject, rendered.Body, recipient.Language.Tag()) { MessageId = messageId }, cancellationToken);
            return SendResult.Sent(messageId);
        }
        catch (SmtpCommandException e) when (e.ErrorCode == SmtpErrorCode.RecipientNotAccepted && (int)e.StatusCode >= 500)
        {
            return SendResult.Bounced("email:recipient-refused");
        }
        catch (SmtpCommandException e) when ((int)e.StatusCode >= 500)
        {
            return SendResult.Permanent("email:refused");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The exception's message may quote the address: its type only.
            logger.LogWarning("Email for delivery {DeliveryId} failed with {Exception}", delivery.Id, e.GetType().Name);
            return SendResult.Transient("email:" + (e is SmtpCommandException ? "smtp-busy" : "unreachable"));
        }
    }

    private async Task<SendResult> TextAsync(NotificationDelivery delivery, Recipient recipient, RenderedMessage rendered, CancellationToken cancellationToken)
    {
        if (recipient.Phone is not { Length: > 0 } phone) return SendResult.Permanent("sms:no-number");
        var result = await sms.SendAsync(new SmsMessage(phone, rendered.Body, "delivery:" + delivery.Id.ToString("N")), cancellationToken);
        return result.Outcome switch
        {
            SmsOutcome.Sent => SendResult.Sent(result.ProviderMessageId),
            SmsOutcome.PermanentFailure => SendResult.Permanent(result.FailureCode ?? "sms:failed"),
            _ => SendResult.Transient(result.FailureCode ?? "sms:failed"),
        };
    }
}

/// <summary>Thrown so that the outbox retries a notification with a delivery that failed for now; carries no personal data.</summary>
public sealed class DeliveryRetryException() : Exception("A delivery failed transiently and will be retried.");
