namespace OneStop.Payments.Engine;

/// <summary>What a provider says happened to a payment (by callback, or when asked).</summary>
public enum ProviderOutcome { Pending = 1, Succeeded = 2, Failed = 3, Cancelled = 4, Expired = 5 }

/// <summary>
/// The payment state machine, pure. Open payments (created, pending) move on any news; a success reported after
/// a failure, cancellation or expiry is still taken, because the provider holds the money (it is refunded if
/// the purpose was already paid); nothing but a refund moves a successful payment.
/// </summary>
public static class PaymentMoves
{
    public static bool IsOpen(PaymentState state) => state is PaymentState.Created or PaymentState.Pending;

    public static bool IsPaid(PaymentState state) => state is PaymentState.Succeeded or PaymentState.PartlyRefunded or PaymentState.Refunded;

    /// <summary>The state after <paramref name="outcome"/>, or null when it changes nothing (a duplicate, late or stale report).</summary>
    public static PaymentState? After(PaymentState current, ProviderOutcome outcome) => (current, outcome) switch
    {
        (PaymentState.Created, ProviderOutcome.Pending) => PaymentState.Pending,
        (PaymentState.Created or PaymentState.Pending, ProviderOutcome.Succeeded) => PaymentState.Succeeded,
        (PaymentState.Created or PaymentState.Pending, ProviderOutcome.Failed) => PaymentState.Failed,
        (PaymentState.Created or PaymentState.Pending, ProviderOutcome.Cancelled) => PaymentState.Cancelled,
        (PaymentState.Created or PaymentState.Pending, ProviderOutcome.Expired) => PaymentState.Expired,
        (PaymentState.Failed or PaymentState.Cancelled or PaymentState.Expired, ProviderOutcome.Succeeded) => PaymentState.Succeeded,
        _ => null,
    };

    /// <summary>After <paramref name="refunded"/> in all has gone back: partly or fully refunded.</summary>
    public static PaymentState AfterRefund(decimal amount, decimal refunded) =>
        refunded >= amount ? PaymentState.Refunded : PaymentState.PartlyRefunded;

    /// <summary>How much may still be refunded.</summary>
    public static decimal Refundable(Payment payment) => IsPaid(payment.State) ? Math.Max(0, payment.Amount - payment.RefundedAmount) : 0;
}
