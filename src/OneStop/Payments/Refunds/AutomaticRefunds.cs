using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OneStop.Cases.Engine;
using OneStop.Cases.Workflows;
using OneStop.Payments.Engine;
using OneStop.Payments.Fees;
using OneStop.Platform.Database;
using OneStop.Platform.Outbox;

namespace OneStop.Payments.Refunds;

/// <summary>
/// A purpose paid twice (two checkouts both completed): the second payment goes back in full, reason "paid
/// twice". Delivered at least once; the refund's id comes from the payment's, so a repeat refunds nothing more.
/// </summary>
public sealed class RefundDuplicatePayment(RefundPayment refunds) : IOutboxHandler
{
    public string Topic => DuplicatePayment.Topic;

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var duplicate = JsonSerializer.Deserialize<DuplicatePayment>(message.Payload, JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException("The message has no payload.");
        var outcome = await refunds.AutomaticallyAsync(duplicate.PaymentId, $"duplicate:{duplicate.PaymentId}", AutomaticReasons.PaidTwice, cancellationToken);
        // The payment kept changing under us: throwing hands the message back for a later try.
        if (outcome is RefundOutcome.Stale) throw new InvalidOperationException("The payment kept changing; retrying.");
    }
}

/// <summary>
/// A case ended rejected and its service's fees say <c>refundOnRejection</c>: every paid payment of the
/// application (its fee on submission, or an approval fee) goes back, whatever an officer has not refunded yet.
/// Idempotent per payment: the refund's id comes from the payment's.
/// </summary>
public sealed class RefundOnRejection(OneStopDb db, FeeSchedules schedules, RefundPayment refunds) : IOutboxHandler
{
    public string Topic => CaseClosed.Topic;

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var closed = JsonSerializer.Deserialize<CaseClosed>(message.Payload, JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException("The message has no payload.");
        if (closed.Outcome != Outcome.Rejected) return;
        var paid = await db.Set<Payment>().AsNoTracking()
            .Where(p => (p.SubmissionId == closed.SubmissionId || p.CaseId == closed.CaseId)
                && (p.State == PaymentState.Succeeded || p.State == PaymentState.PartlyRefunded))
            .Select(p => new { p.Id, p.ServiceSlug }).ToListAsync(cancellationToken);
        foreach (var payment in paid)
        {
            if (await schedules.ForServiceAsync(payment.ServiceSlug, cancellationToken) is not { RefundOnRejection: true }) continue;
            var outcome = await refunds.AutomaticallyAsync(payment.Id, $"rejected:{payment.Id}", AutomaticReasons.Rejected, cancellationToken);
            if (outcome is RefundOutcome.Stale) throw new InvalidOperationException("The payment kept changing; retrying.");
        }
    }
}
