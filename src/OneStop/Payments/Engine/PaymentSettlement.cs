using Microsoft.EntityFrameworkCore;
using OneStop.Cases.Engine;
using OneStop.Forms;
using OneStop.Forms.Submitting;
using OneStop.Notifications;
using OneStop.Notifications.Templates;
using OneStop.Platform.Database;
using OneStop.Platform.Outbox;

namespace OneStop.Payments.Engine;

/// <summary>
/// What a successful payment sets off, added to the same unit of work as the success itself: the held
/// application is accepted (its outbox message to case processing), or the case waiting for payment is told;
/// the receipt is queued; the payer is notified once. A second success for a purpose already paid is refunded.
/// </summary>
public sealed class PaymentSettlement(OneStopDb db, Outbox outbox, Notifier notifier, PaymentText text)
{
    public async Task PaidAsync(Payment payment, CancellationToken cancellationToken)
    {
        outbox.Add(PaymentSucceeded.Topic, new PaymentSucceeded(payment.Id));
        var purposeKey = payment.IdempotencyKey[..payment.IdempotencyKey.LastIndexOf(':')] + ":";
        if (await db.Set<Payment>().AnyAsync(p => p.Id != payment.Id && p.IdempotencyKey.StartsWith(purposeKey)
                && (p.State == PaymentState.Succeeded || p.State == PaymentState.PartlyRefunded || p.State == PaymentState.Refunded), cancellationToken))
        {
            outbox.Add(DuplicatePayment.Topic, new DuplicatePayment(payment.Id));
            return;
        }
        switch (payment.Purpose)
        {
            case PaymentPurpose.Application when payment.SubmissionId is { } submissionId:
                var submission = await db.Set<Submission>().SingleAsync(s => s.Id == submissionId, cancellationToken);
                if (submission.HeldForPayment)
                {
                    submission.HeldForPayment = false;
                    outbox.Add(ApplicationSubmitted.Topic, new ApplicationSubmitted(submission.Id, submission.Reference, submission.FormId,
                        submission.Version, submission.DepartmentCode, submission.ServiceSlug));
                }
                break;
            case PaymentPurpose.Approval when payment.CaseId is { } caseId:
                outbox.Add(CasePaymentReceived.Topic, new CasePaymentReceived(caseId, payment.Id));
                break;
        }
        await notifier.EnqueueAsync(new NotificationRequest(NotificationEvents.PaymentReceived, payment.DepartmentCode, payment.PayerId,
            text.UnprotectOrNull(payment.PayerEmail), payment.Language, payment.CaseId, $"payment-succeeded:{payment.Id}",
            new Dictionary<string, string>
            {
                ["reference"] = payment.Reference,
                ["amount"] = $"HK${payment.Amount:#,0.00}",
                ["application"] = payment.ApplicationReference ?? payment.PayerReference ?? "",
                ["link"] = PaymentPaths.Page(payment),
            }), cancellationToken);
    }
}
