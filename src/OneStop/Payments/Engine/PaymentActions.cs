using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneStop.Forms;
using OneStop.Forms.Submitting;
using OneStop.Payments.Providers;
using OneStop.Platform.Audit;
using OneStop.Platform.Database;
using OneStop.Platform.Outbox;

namespace OneStop.Payments.Engine;

/// <summary>What a provider's news did.</summary>
public enum ApplyOutcome { Applied, Unchanged, UnknownPayment, AmountMismatch }

/// <summary>
/// Every change to a payment goes through here: starting a checkout, the provider's news (callbacks, the
/// payer's return, expiry) and paying again. A state change, its audit entry and everything it sets off (the
/// application accepted, the case moved on, the receipt and notification) are saved together; the payment's
/// revision makes concurrent callbacks and returns settle on exactly one transition.
/// </summary>
public sealed class PaymentActions(OneStopDb db, PaymentProviders providers, PaymentSettlement settle, AuditLog audit,
    TimeProvider clock, IOptions<PaymentsOptions> options, ILogger<PaymentActions> logger)
{
    /// <summary>A new payment in the unit of work (not saved), due by <c>Payments:ExpireAfter</c> from now.</summary>
    public Payment New(PaymentPurpose purpose, string reference, string departmentCode, decimal amount, string lines, string idempotencyKey, int attempt, string language)
    {
        var now = Now();
        var payment = new Payment
        {
            Id = Guid.CreateVersion7(new DateTimeOffset(now, TimeSpan.Zero)),
            Reference = reference,
            Purpose = purpose,
            DepartmentCode = departmentCode,
            Amount = amount,
            Lines = lines,
            State = PaymentState.Created,
            Provider = options.Value.Provider,
            IdempotencyKey = idempotencyKey,
            Attempt = attempt,
            Language = language,
            AccessKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_'),
            CreatedAt = now,
            UpdatedAt = now,
            ExpiresAt = now + options.Value.ExpireAfter,
        };
        db.Add(payment);
        audit.Record(PaymentAuditEvents.Created, null, null, "payment", reference, $"purpose={purpose};amount={amount:0.00}", departmentCode);
        return payment;
    }

    /// <summary>
    /// Sends the payer to the provider's hosted page: starts the checkout once (the payment's id is the provider's
    /// idempotency key, so two clicks that both get here start one), and returns its address.
    /// </summary>
    public async Task<string?> StartCheckoutAsync(Payment payment, string returnUrl, string cancelUrl, string description, CancellationToken cancellationToken)
    {
        if (!PaymentMoves.IsOpen(payment.State) || payment.ExpiresAt <= Now()) return null;
        if (payment.CheckoutUrl is { } started) return started;
        var provider = providers.Get(payment.Provider);
        var session = await provider.StartCheckoutAsync(new CheckoutRequest(payment.Id, payment.Reference, payment.Amount, payment.Currency,
            description, payment.Language, returnUrl, cancelUrl, payment.ExpiresAt, payment.Id.ToString()), cancellationToken);
        payment.ProviderReference = session.ProviderReference;
        payment.CheckoutUrl = session.RedirectUrl;
        payment.UpdatedAt = Now();
        audit.Record(PaymentAuditEvents.Started, payment.PayerId, payment.PayerId, "payment", payment.Reference, $"provider={provider.Name}", payment.DepartmentCode);
        if (await SaveAsync(payment, cancellationToken)) return session.RedirectUrl;
        // The other click saved the same checkout first.
        return await db.Set<Payment>().AsNoTracking().Where(p => p.Id == payment.Id).Select(p => p.CheckoutUrl).SingleAsync(cancellationToken);
    }

    /// <summary>Applies one verified piece of news from <paramref name="providerName"/>; safe to call any number of times, concurrently.</summary>
    public async Task<ApplyOutcome> ApplyAsync(string providerName, ProviderEvent news, CancellationToken cancellationToken)
    {
        if (news.Outcome is not { } outcome) return ApplyOutcome.Unchanged;
        for (var attempt = 0; ; attempt++)
        {
            var payment = news.PaymentId is { } id
                ? await db.Set<Payment>().SingleOrDefaultAsync(p => p.Id == id && p.Provider == providerName, cancellationToken)
                : await db.Set<Payment>().SingleOrDefaultAsync(p => p.Provider == providerName && p.ProviderReference == news.ProviderReference, cancellationToken);
            if (payment is null) return ApplyOutcome.UnknownPayment;
            // A success for another amount or currency is not this payment's: someone changed what was charged.
            if (outcome == ProviderOutcome.Succeeded && (news.Amount is { } amount && amount != payment.Amount
                || news.Currency is { } currency && !currency.Equals(payment.Currency, StringComparison.OrdinalIgnoreCase)))
            {
                logger.LogWarning("Payment {Reference} reported paid with another amount; left unchanged", payment.Reference);
                return ApplyOutcome.AmountMismatch;
            }
            if (PaymentMoves.After(payment.State, outcome) is not { } next) return ApplyOutcome.Unchanged;
            await MoveAsync(payment, next, news.Method, cancellationToken);
            if (await SaveAsync(payment, cancellationToken)) return ApplyOutcome.Applied;
            // Another callback or the payer's return moved it first: look again.
            if (attempt >= 5) throw new DbUpdateConcurrencyException($"Payment {payment.Reference} kept changing.");
        }
    }

    /// <summary>
    /// The payer came back from the provider: ask where the checkout stands, as the callback may still be on its way.
    /// A failed payment is asked too: after a decline the provider's page stays open, and the payer may have paid on it.
    /// </summary>
    public async Task RefreshAsync(Payment payment, CancellationToken cancellationToken)
    {
        if (!(PaymentMoves.IsOpen(payment.State) || payment.State == PaymentState.Failed) || payment.ProviderReference is not { } reference) return;
        var status = await providers.Get(payment.Provider).StatusAsync(reference, cancellationToken);
        await ApplyAsync(payment.Provider, new ProviderEvent($"status:{payment.Id}", "status", payment.Id, reference, status.Outcome, status.Method, status.Amount), cancellationToken);
    }

    /// <summary>Closes a payment whose time ran out: the provider's checkout is expired first, and a last-moment success is kept.</summary>
    public async Task ExpireAsync(Payment payment, CancellationToken cancellationToken)
    {
        var outcome = ProviderOutcome.Expired;
        string? method = null;
        decimal? amount = null;
        if (payment.ProviderReference is { } reference)
            (outcome, method, amount) = await providers.Get(payment.Provider).ExpireAsync(reference, cancellationToken);
        // A checkout still pending at the provider (a transfer being settled) is left for its callback.
        if (outcome == ProviderOutcome.Pending) return;
        await ApplyAsync(payment.Provider, new ProviderEvent($"expire:{payment.Id}", "expire", payment.Id, payment.ProviderReference, outcome, method, amount), cancellationToken);
    }

    /// <summary>
    /// After a failure, cancellation or expiry: a new payment of the same amount for the same purpose. The key
    /// names the attempt, so a double click makes one. Null when the purpose is paid or a payment is still open.
    /// </summary>
    public async Task<Payment?> PayAgainAsync(Payment failed, CancellationToken cancellationToken)
    {
        var purposeKey = failed.IdempotencyKey[..failed.IdempotencyKey.LastIndexOf(':')];
        var attempts = await db.Set<Payment>().AsNoTracking()
            .Where(p => p.IdempotencyKey.StartsWith(purposeKey + ":"))
            .Select(p => new { p.Id, p.State, p.Attempt }).ToListAsync(cancellationToken);
        var latest = attempts.MaxBy(a => a.Attempt)!;
        if (attempts.Any(a => PaymentMoves.IsPaid(a.State))) return null;
        if (PaymentMoves.IsOpen(latest.State))
            return await db.Set<Payment>().SingleAsync(p => p.Id == latest.Id, cancellationToken);
        var again = New(failed.Purpose, failed.Reference.Split('/')[0] + "/" + (latest.Attempt + 1), failed.DepartmentCode, failed.Amount, failed.Lines,
            $"{purposeKey}:{latest.Attempt + 1}", latest.Attempt + 1, failed.Language);
        (again.ServiceSlug, again.SubmissionId, again.ApplicationReference, again.CaseId) = (failed.ServiceSlug, failed.SubmissionId, failed.ApplicationReference, failed.CaseId);
        (again.LinkCode, again.PayerReference, again.PayerId, again.PayerEmail) = (failed.LinkCode, failed.PayerReference, failed.PayerId, failed.PayerEmail);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return again;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return await db.Set<Payment>().SingleOrDefaultAsync(p => p.IdempotencyKey == again.IdempotencyKey, cancellationToken);
        }
    }

    private async Task MoveAsync(Payment payment, PaymentState next, string? method, CancellationToken cancellationToken)
    {
        var now = Now();
        var from = payment.State;
        payment.State = next;
        payment.UpdatedAt = now;
        payment.Method = method ?? payment.Method;
        var @event = next switch
        {
            PaymentState.Succeeded => PaymentAuditEvents.Succeeded,
            PaymentState.Failed => PaymentAuditEvents.Failed,
            PaymentState.Cancelled => PaymentAuditEvents.Cancelled,
            PaymentState.Expired => PaymentAuditEvents.Expired,
            _ => PaymentAuditEvents.Started,
        };
        if (next == PaymentState.Pending) return;
        audit.Record(@event, null, payment.PayerId, "payment", payment.Reference, $"from={from};method={payment.Method}", payment.DepartmentCode);
        if (next == PaymentState.Succeeded)
        {
            payment.SucceededAt = now;
            await settle.PaidAsync(payment, cancellationToken);
        }
    }

    /// <summary>Saves with the revision check; false when another change to the payment won (the context is cleared).</summary>
    private async Task<bool> SaveAsync(Payment payment, CancellationToken cancellationToken)
    {
        payment.Revision++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException e)
        {
            db.ChangeTracker.Clear();
            // What the change sets off (the notification's unique key, say) may collide before the revision check
            // does: either way another change to the payment won, and this one is looked at again.
            if (e is DbUpdateConcurrencyException
                || await db.Set<Payment>().AsNoTracking().AnyAsync(p => p.Id == payment.Id && p.Revision != payment.Revision - 1, cancellationToken))
                return false;
            throw;
        }
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
