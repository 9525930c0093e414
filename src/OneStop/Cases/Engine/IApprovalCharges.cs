using OneStop.Platform.Outbox;

namespace OneStop.Cases.Engine;

/// <summary>The fee due on approval: how much, and the app-relative page where it is paid.</summary>
public sealed record ApprovalCharge(decimal Amount, string Path);

/// <summary>
/// A service paid for on approval (made by Payments, which case processing does not otherwise know about).
/// Works in the case action's unit of work, so the decision and the payment it asks for commit together.
/// </summary>
public interface IApprovalCharges
{
    /// <summary>Adds the payment due for <paramref name="c"/>'s approval to the unit of work; null when its service charges nothing then.</summary>
    Task<ApprovalCharge?> ChargeAsync(Case c, CancellationToken cancellationToken);
}

/// <summary>Payments' message that an approved case's fee was paid; <see cref="CasePaid"/> ends the case.</summary>
public sealed record CasePaymentReceived(Guid CaseId, Guid PaymentId)
{
    public const string Topic = "cases.payment-received";
}

/// <summary>Ends a case waiting for payment once its fee is paid (at least once in; the state check makes it once).</summary>
public sealed class CasePaid(CaseActions actions) : IOutboxHandler
{
    public string Topic => CasePaymentReceived.Topic;

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var paid = System.Text.Json.JsonSerializer.Deserialize<CasePaymentReceived>(message.Payload, System.Text.Json.JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException("The message has no payload.");
        // Stale: an officer changed the case at the same moment; throwing retries the message.
        if (await actions.PaidAsync(paid.CaseId, paid.PaymentId, cancellationToken) is CaseResult.Stale)
            throw new InvalidOperationException("The case changed while it was being completed; retrying.");
    }
}
