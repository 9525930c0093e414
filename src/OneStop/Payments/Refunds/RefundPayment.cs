using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OneStop.Identity;
using OneStop.Identity.Staff;
using OneStop.Notifications;
using OneStop.Notifications.Templates;
using OneStop.Payments.Engine;
using OneStop.Payments.Providers;
using OneStop.Platform.Audit;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;

namespace OneStop.Payments.Refunds;

/// <summary>What became of a refund request.</summary>
public abstract record RefundOutcome
{
    /// <summary>The refund as it stands: succeeded, failed with the provider's code, or still with the provider.</summary>
    public sealed record Done(Refund Refund) : RefundOutcome;
    /// <summary>No such payment for this officer (another department's): pages answer 404.</summary>
    public sealed record NotFound : RefundOutcome;
    /// <summary>The officer's role does not allow refunds (officers see payments but do not refund them).</summary>
    public sealed record Forbidden : RefundOutcome;
    /// <summary>The input was wrong: <see cref="Field"/> (Amount, Reason or "") and a code for the message.</summary>
    public sealed record Invalid(string Field, string Code) : RefundOutcome;
    /// <summary>The payment changed since the page was shown (another refund, a double click from another page).</summary>
    public sealed record Stale : RefundOutcome;
    /// <summary>Nothing left to refund (automatic refunds of a payment already refunded by hand).</summary>
    public sealed record NothingToRefund : RefundOutcome;
}

/// <summary>An officer's refund: the id comes from the form (so a double click makes one), the revision they saw, how much and why.</summary>
public sealed record RefundInput(Guid RefundId, int Revision, string? Amount, string? Reason);

/// <summary>
/// Gives money back, in part or in full. A refund is reserved first — its row and the payment's
/// <see cref="Payment.RefundedAmount"/> saved together under the payment's revision — so two refunds at once
/// can never give back more than was paid: the second sees the first's reservation or loses the revision check.
/// Then the provider is asked with the refund's id as idempotency key, and the outcome is recorded, audited and
/// told to the payer. A refund left "requested" (the provider did not answer) is finished by asking again with
/// the same id: the provider answers a repeated key with the refund it already made.
/// </summary>
public sealed class RefundPayment(OneStopDb db, PaymentProviders providers, PaymentText paymentText, AuditLog audit, Notifier notifier,
    Text text, TimeProvider clock, ILogger<RefundPayment> logger)
{
    public const int ReasonMaxLength = 500;

    /// <summary>Supervisors and department administrators refund; officers only look.</summary>
    public static bool MayRefund(ClaimsPrincipal officer) => officer.StaffRole() is { } role && role.Includes(StaffRole.Supervisor);

    public async Task<RefundOutcome> ByOfficerAsync(ClaimsPrincipal officer, Guid paymentId, RefundInput input, CancellationToken cancellationToken)
    {
        if (!MayRefund(officer)) return new RefundOutcome.Forbidden();
        var payment = await db.Set<Payment>().InDepartmentOf(officer, p => p.DepartmentCode).SingleOrDefaultAsync(p => p.Id == paymentId, cancellationToken);
        if (payment is null) return new RefundOutcome.NotFound();
        // The same form posted again (a double click, or "check again" on a refund the provider had not answered).
        if (await db.Set<Refund>().SingleOrDefaultAsync(r => r.Id == input.RefundId && r.PaymentId == payment.Id, cancellationToken) is { } earlier)
            return await FinishAsync(payment.Id, earlier.Id, cancellationToken);
        var reason = input.Reason?.Trim();
        if (string.IsNullOrEmpty(reason)) return new RefundOutcome.Invalid("Reason", "reasonRequired");
        if (reason.Length > ReasonMaxLength) return new RefundOutcome.Invalid("Reason", "reasonTooLong");
        if (RefundAmounts.Parse(input.Amount) is not { } amount) return new RefundOutcome.Invalid("Amount", "amountInvalid");
        if (payment.Revision != input.Revision) return new RefundOutcome.Stale();
        var refundable = PaymentMoves.Refundable(payment);
        if (refundable <= 0 || payment.ProviderReference is null) return new RefundOutcome.Invalid("", "notRefundable");
        if (amount > refundable) return new RefundOutcome.Invalid("Amount", "amountTooLarge");
        return await ReserveAndFinishAsync(payment, input.RefundId, amount, reason, officer.UserId(), automatic: false, cancellationToken);
    }

    /// <summary>
    /// Refunds what is left of a payment without an officer (paid twice; the application rejected). <paramref name="key"/>
    /// names the occasion, and the refund's id is derived from it, so a message delivered twice refunds once.
    /// </summary>
    public async Task<RefundOutcome> AutomaticallyAsync(Guid paymentId, string key, string reasonCode, CancellationToken cancellationToken)
    {
        var refundId = IdFor(key);
        for (var attempt = 0; ; attempt++)
        {
            if (await db.Set<Refund>().AsNoTracking().AnyAsync(r => r.Id == refundId, cancellationToken))
                return await FinishAsync(paymentId, refundId, cancellationToken);
            if (await db.Set<Payment>().SingleOrDefaultAsync(p => p.Id == paymentId, cancellationToken) is not { } payment) return new RefundOutcome.NotFound();
            var amount = PaymentMoves.Refundable(payment);
            if (amount <= 0 || payment.ProviderReference is null) return new RefundOutcome.NothingToRefund();
            var outcome = await ReserveAndFinishAsync(payment, refundId, amount, AutomaticReasons.Prefix + reasonCode, null, automatic: true, cancellationToken);
            // An officer's refund or a callback changed the payment meanwhile: look again.
            if (outcome is not RefundOutcome.Stale || attempt >= 5) return outcome;
        }
    }

    /// <summary>A stable id for an automatic refund's occasion (a version-8 GUID from its hash).</summary>
    public static Guid IdFor(string key)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes("OneStop.Payments.Refund:" + key))[..16];
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    private async Task<RefundOutcome> ReserveAndFinishAsync(Payment payment, Guid refundId, decimal amount, string reason, Guid? by, bool automatic,
        CancellationToken cancellationToken)
    {
        var now = Now();
        db.Add(new Refund
        {
            Id = refundId, PaymentId = payment.Id, Amount = amount, Reason = paymentText.Protect(reason), State = RefundState.Requested,
            RequestedBy = by, Automatic = automatic, RequestedAt = now,
        });
        payment.RefundedAmount += amount;
        payment.UpdatedAt = now;
        payment.Revision++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new RefundOutcome.Stale();
        }
        catch (DbUpdateException)
        {
            // The same refund id saved at the same moment (two clicks of one form): that one goes on.
            db.ChangeTracker.Clear();
            return await db.Set<Refund>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == refundId, cancellationToken) is { } twin
                ? new RefundOutcome.Done(twin) : new RefundOutcome.Stale();
        }
        return await FinishAsync(payment.Id, refundId, cancellationToken);
    }

    /// <summary>Asks the provider for a reserved refund (again, with the same key, when it is still requested) and records its answer.</summary>
    private async Task<RefundOutcome> FinishAsync(Guid paymentId, Guid refundId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var refund = await db.Set<Refund>().AsNoTracking().SingleAsync(r => r.Id == refundId, cancellationToken);
        if (refund.State != RefundState.Requested) return new RefundOutcome.Done(refund);
        var payment = await db.Set<Payment>().AsNoTracking().SingleAsync(p => p.Id == paymentId, cancellationToken);
        var result = await providers.Get(payment.Provider).RefundAsync(
            new RefundRequest(refund.Id, payment.ProviderReference!, refund.Amount, payment.Currency, refund.Id.ToString()), cancellationToken);
        for (var attempt = 0; ; attempt++)
        {
            db.ChangeTracker.Clear();
            refund = await db.Set<Refund>().SingleAsync(r => r.Id == refundId, cancellationToken);
            // Another request for the same refund recorded the answer first.
            if (refund.State != RefundState.Requested) return new RefundOutcome.Done(refund);
            payment = await db.Set<Payment>().SingleAsync(p => p.Id == paymentId, cancellationToken);
            if (Record(payment, refund, result)) await NotifyAsync(payment, refund, cancellationToken);
            payment.Revision++;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return new RefundOutcome.Done(refund);
            }
            catch (DbUpdateConcurrencyException) when (attempt < 5)
            {
                // A callback or another refund moved the payment meanwhile: record again on the fresh copy.
            }
        }
    }

    /// <summary>Writes the provider's answer into the refund and the payment, with its audit entry; true when the money went back.</summary>
    private bool Record(Payment payment, Refund refund, RefundResult result)
    {
        var now = Now();
        refund.CompletedAt = now;
        refund.ProviderReference = result.ProviderReference;
        payment.UpdatedAt = now;
        var detail = $"refund={refund.Id};amount={refund.Amount:0.00};automatic={(refund.Automatic ? "yes" : "no")}";
        if (!result.Succeeded)
        {
            refund.State = RefundState.Failed;
            refund.FailureCode = result.FailureCode ?? "unknown";
            // The reservation is let go: the money can be refunded another time.
            payment.RefundedAmount = Math.Max(0, payment.RefundedAmount - refund.Amount);
            audit.Record(PaymentAuditEvents.RefundFailed, refund.RequestedBy, payment.PayerId, "payment", payment.Reference,
                detail + ";code=" + refund.FailureCode, payment.DepartmentCode);
            logger.LogWarning("Refund {Refund} of payment {Reference} refused by the provider: {Code}", refund.Id, payment.Reference, refund.FailureCode);
            return false;
        }
        refund.State = RefundState.Succeeded;
        payment.State = PaymentMoves.AfterRefund(payment.Amount, payment.RefundedAmount);
        audit.Record(PaymentAuditEvents.Refunded, refund.RequestedBy, payment.PayerId, "payment", payment.Reference, detail, payment.DepartmentCode);
        return true;
    }

    /// <summary>Tells the payer (their account, or the email a guest gave); the refund's id is the notification's key.</summary>
    private async Task NotifyAsync(Payment payment, Refund refund, CancellationToken cancellationToken)
    {
        var email = paymentText.UnprotectOrNull(payment.PayerEmail);
        if (payment.PayerId is null && email is null) return;
        var values = new Dictionary<string, string>
        {
            ["reference"] = payment.Reference,
            ["refund"] = $"HK${refund.Amount:#,0.00}",
            ["link"] = PaymentPaths.Page(payment),
        };
        var reason = paymentText.UnprotectOrNull(refund.Reason)!;
        if (AutomaticReasons.Key(reason) is { } key)
        {
            values["reason"] = text.Get(Language.En, key);
            values["reason:zh-HK"] = text.Get(Language.ZhHk, key);
            values["reason:zh-CN"] = text.Get(Language.ZhCn, key);
        }
        else
        {
            values["reason"] = reason;
        }
        await notifier.EnqueueAsync(new NotificationRequest(NotificationEvents.PaymentRefunded, payment.DepartmentCode, payment.PayerId, email,
            payment.Language, payment.CaseId, $"payment-refunded:{refund.Id}", values), cancellationToken);
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}

/// <summary>The reasons OneStop gives for refunds it makes by itself, stored as <c>auto:{code}</c> and worded in each language.</summary>
public static class AutomaticReasons
{
    public const string Prefix = "auto:";
    public const string PaidTwice = "paidTwice";
    public const string Rejected = "rejected";

    /// <summary>The strings key of a stored automatic reason, or null for an officer's own words.</summary>
    public static string? Key(string storedReason) =>
        storedReason.StartsWith(Prefix, StringComparison.Ordinal) ? "payments.refunds.reason." + storedReason[Prefix.Length..] : null;
}

/// <summary>Amounts as officers type them: HK dollars, optionally with "HK$", thousands commas and up to two decimals.</summary>
public static class RefundAmounts
{
    public static decimal? Parse(string? typed)
    {
        var s = typed?.Trim().Replace("HK$", "", StringComparison.OrdinalIgnoreCase).Replace("$", "").Replace(",", "").Trim();
        if (string.IsNullOrEmpty(s)) return null;
        if (!decimal.TryParse(s, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var amount)) return null;
        return amount > 0 && decimal.Round(amount, 2) == amount && amount < 100_000_000m ? amount : null;
    }
}
