using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OneStop.Forms.Answers;
using OneStop.Forms.Acknowledgement;
using OneStop.Payments.Engine;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;
using OneStop.Platform.Mail;
using OneStop.Platform.Outbox;
using OneStop.Platform.Web;

namespace OneStop.Payments.Receipts;

/// <summary>
/// Emails the receipt (the PDF attached) when a payment succeeds, in the language the payer paid in, to their
/// account's address or, for a payer without an account, to the address they gave. Sent once: the payment's
/// <see cref="Payment.ReceiptSentAt"/> is claimed with a conditional update before sending, so a second
/// delivery of the message, or another node handling it at the same moment, finds it taken and stops. A send
/// that fails gives the claim back and asks for a retry.
/// </summary>
public sealed class SendReceipt(OneStopDb db, Receipts receipts, PaymentText paymentText, IMailer mailer, Text text,
    PublicLinks links, TimeProvider clock) : IOutboxHandler
{
    public string Topic => PaymentSucceeded.Topic;

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var succeeded = JsonSerializer.Deserialize<PaymentSucceeded>(message.Payload, JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException("The message has no payload.");
        var payment = await db.Set<Payment>().AsNoTracking().SingleAsync(p => p.Id == succeeded.PaymentId, cancellationToken);
        if (payment.ReceiptSentAt is not null || !PaymentMoves.IsPaid(payment.State)) return;
        var to = payment.PayerId is { } payerId
            ? await db.Users.Where(u => u.Id == payerId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken)
            : paymentText.UnprotectOrNull(payment.PayerEmail);
        if (string.IsNullOrWhiteSpace(to)) return;

        var claimedAt = clock.GetUtcNow().UtcDateTime;
        var claimed = await db.Set<Payment>().Where(p => p.Id == payment.Id && p.ReceiptSentAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.ReceiptSentAt, claimedAt), cancellationToken);
        if (claimed == 0) return;

        try
        {
            var language = Languages.FromCulture(payment.Language) ?? Language.En;
            var pdf = await receipts.RenderAsync(payment, language, cancellationToken);
            var department = await db.Departments.AsNoTracking().Where(d => d.Code == payment.DepartmentCode).Select(d => d.Name).FirstOrDefaultAsync(cancellationToken);
            string Say(string key, params object?[] args) => string.Format(language.Culture(), text.Get(language, key), args);
            var body = Say("payments.receipts.mail.body",
                AnswerSummary.Money(payment.Amount),
                department?[language] is { Length: > 0 } name ? name : payment.DepartmentCode,
                Times.Long(payment.SucceededAt ?? claimedAt, language),
                payment.Reference,
                payment.ApplicationReference ?? payment.PayerReference ?? "",
                links.To(PaymentPaths.Page(payment), language));
            body += "\n\n" + text.Get(language, "mail.signature");
            await mailer.SendAsync(new OutgoingMail(to, Say("payments.receipts.mail.subject", payment.Reference), body, language.Tag())
            {
                Attachments = [new MailAttachment(Receipts.FileName(payment), "application/pdf", pdf)],
                // A resend after a lost claim release is recognisably the same message.
                MessageId = $"receipt.{payment.Id:N}@onestop",
            }, cancellationToken);
        }
        catch
        {
            // Not sent: give the claim back so that the retry sends it (the claim is ours: no one else set it after us).
            await db.Set<Payment>().Where(p => p.Id == payment.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.ReceiptSentAt, (DateTime?)null), CancellationToken.None);
            throw;
        }
    }
}
