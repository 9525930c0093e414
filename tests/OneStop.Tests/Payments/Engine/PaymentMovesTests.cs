using FsCheck;
using FsCheck.Fluent;
using OneStop.Payments;
using OneStop.Payments.Engine;

namespace OneStop.Tests.Payments.Engine;

/// <summary>The payment state machine: the whole table, and properties any order of news must keep.</summary>
public sealed class PaymentMovesTests
{
    [Theory]
    [InlineData(PaymentState.Created, ProviderOutcome.Pending, PaymentState.Pending)]
    [InlineData(PaymentState.Created, ProviderOutcome.Succeeded, PaymentState.Succeeded)]
    [InlineData(PaymentState.Pending, ProviderOutcome.Succeeded, PaymentState.Succeeded)]
    [InlineData(PaymentState.Pending, ProviderOutcome.Failed, PaymentState.Failed)]
    [InlineData(PaymentState.Pending, ProviderOutcome.Cancelled, PaymentState.Cancelled)]
    [InlineData(PaymentState.Created, ProviderOutcome.Expired, PaymentState.Expired)]
    [InlineData(PaymentState.Failed, ProviderOutcome.Succeeded, PaymentState.Succeeded)]
    [InlineData(PaymentState.Expired, ProviderOutcome.Succeeded, PaymentState.Succeeded)]
    [InlineData(PaymentState.Cancelled, ProviderOutcome.Succeeded, PaymentState.Succeeded)]
    public void After_NewsForAnOpenOrClosedPayment_MovesOn(PaymentState from, ProviderOutcome news, PaymentState to) =>
        Assert.Equal(to, PaymentMoves.After(from, news));

    [Theory]
    [InlineData(PaymentState.Pending, ProviderOutcome.Pending)]
    [InlineData(PaymentState.Succeeded, ProviderOutcome.Succeeded)]
    [InlineData(PaymentState.Succeeded, ProviderOutcome.Failed)]
    [InlineData(PaymentState.Succeeded, ProviderOutcome.Expired)]
    [InlineData(PaymentState.Refunded, ProviderOutcome.Succeeded)]
    [InlineData(PaymentState.PartlyRefunded, ProviderOutcome.Cancelled)]
    [InlineData(PaymentState.Failed, ProviderOutcome.Pending)]
    [InlineData(PaymentState.Expired, ProviderOutcome.Failed)]
    public void After_DuplicateLateOrStaleNews_ChangesNothing(PaymentState from, ProviderOutcome news) =>
        Assert.Null(PaymentMoves.After(from, news));

    [Theory]
    [InlineData(100, 40, PaymentState.PartlyRefunded)]
    [InlineData(100, 100, PaymentState.Refunded)]
    public void AfterRefund_PartOrAll_SaysWhich(decimal amount, decimal refunded, PaymentState expected) =>
        Assert.Equal(expected, PaymentMoves.AfterRefund(amount, refunded));

    [Fact]
    public void Refundable_OpenPayment_IsNothing()
    {
        var payment = new Payment { Reference = "PAY-1", DepartmentCode = "TD", Lines = "[]", Provider = "sandbox", IdempotencyKey = "k:1", AccessKey = "a", Amount = 80, State = PaymentState.Pending };
        Assert.Equal(0, PaymentMoves.Refundable(payment));
        payment.State = PaymentState.PartlyRefunded;
        payment.RefundedAmount = 30;
        Assert.Equal(50, PaymentMoves.Refundable(payment));
    }

    /// <summary>
    /// Whatever order the news comes in, with any repeats: once a success has been heard the payment is paid,
    /// and it reaches "succeeded" exactly once (nothing moves a paid payment except a refund).
    /// </summary>
    [Fact]
    public void After_AnyOrderOfNewsWithASuccess_EndsPaidWithOneSuccessTransition()
    {
        var outcomes = Gen.Elements(ProviderOutcome.Pending, ProviderOutcome.Failed, ProviderOutcome.Cancelled, ProviderOutcome.Expired, ProviderOutcome.Succeeded);
        var sequences = Gen.ListOf(outcomes).Select(l => l.Append(ProviderOutcome.Succeeded).ToArray())
            .SelectMany(news => Gen.Shuffle(news));
        Prop.ForAll(sequences.ToArbitrary(), news =>
        {
            var state = PaymentState.Created;
            var successes = 0;
            foreach (var n in news)
            {
                if (PaymentMoves.After(state, n) is not { } next) continue;
                if (next == PaymentState.Succeeded) successes++;
                state = next;
            }
            return state == PaymentState.Succeeded && successes == 1;
        }).QuickCheckThrowOnFailure();
    }
}
