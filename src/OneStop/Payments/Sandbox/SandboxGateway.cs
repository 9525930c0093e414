using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneStop.Payments.Engine;
using OneStop.Payments.Providers;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;

namespace OneStop.Payments.Sandbox;

/// <summary>
/// OneStop's side of the sandbox gateway: the <see cref="IPaymentProvider"/> adapter. It talks to the gateway's
/// tables directly (the gateway runs in the same process), but only as a real adapter would talk to its
/// provider's API: create a checkout, read one, expire it, refund, list a day's settlement.
/// </summary>
public sealed class SandboxGateway(OneStopDb db, SandboxCallbacks callbacks, SandboxSettlements settlements, TimeProvider clock, IOptions<SandboxOptions> options)
    : IPaymentProvider
{
    public const string ProviderName = "sandbox";
    public const string CallbackPath = "/api/v1/payments/callbacks/sandbox";

    public string Name => ProviderName;

    public async Task<CheckoutSession> StartCheckoutAsync(CheckoutRequest request, CancellationToken cancellationToken)
    {
        if (await FindByKeyAsync(request.IdempotencyKey, cancellationToken) is { } earlier) return Session(earlier);
        var origin = new Uri(request.ReturnUrl).GetLeftPart(UriPartial.Authority);
        var checkout = new SandboxCheckout
        {
            Id = $"sbx_cs_{Guid.NewGuid():N}",
            MerchantPaymentId = request.PaymentId,
            MerchantReference = request.Reference,
            Amount = request.Amount,
            Currency = request.Currency,
            Description = request.Description.Length > 300 ? request.Description[..300] : request.Description,
            Language = request.Language,
            ReturnUrl = request.ReturnUrl,
            CancelUrl = request.CancelUrl,
            CallbackUrl = origin + CallbackPath,
            IdempotencyKey = request.IdempotencyKey,
            State = SandboxCheckoutState.Open,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            ExpiresAt = request.ExpiresAt,
        };
        db.Add(checkout);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return Session(checkout);
        }
        catch (DbUpdateException)
        {
            // The same key at the same moment (two clicks): the gateway answers both with the one checkout.
            db.Entry(checkout).State = EntityState.Detached;
            return Session(await FindByKeyAsync(request.IdempotencyKey, cancellationToken) ?? throw new InvalidOperationException("Sandbox checkout lost."));
        }
    }

    public CallbackReading ReadCallback(IHeaderDictionary headers, byte[] body, DateTimeOffset now)
    {
        if (SandboxSignature.Check(options.Value.SigningSecret, headers[SandboxSignature.Header].ToString(), body, now, options.Value.ReplayWindow) is { } refusal)
            return CallbackReading.Refused(refusal);
        SandboxEvent? e;
        try { e = JsonSerializer.Deserialize<SandboxEvent>(body, JsonSerializerOptions.Web); }
        catch (JsonException) { return CallbackReading.Refused("unreadable"); }
        if (e?.Data is null) return CallbackReading.Refused("unreadable");
        ProviderOutcome? outcome = e.Type switch
        {
            SandboxCallbacks.PaymentProcessing => ProviderOutcome.Pending,
            SandboxCallbacks.PaymentSucceeded => ProviderOutcome.Succeeded,
            SandboxCallbacks.PaymentFailed => ProviderOutcome.Failed,
            SandboxCallbacks.CheckoutCancelled => ProviderOutcome.Cancelled,
            SandboxCallbacks.CheckoutExpired => ProviderOutcome.Expired,
            _ => null,
        };
        return new CallbackReading([new ProviderEvent(e.Id, e.Type, e.Data.Payment, e.Data.Checkout, outcome, e.Data.Method, e.Data.Amount, e.Data.Currency)], null);
    }

    public async Task<ProviderStatus> StatusAsync(string providerReference, CancellationToken cancellationToken)
    {
        var checkout = await db.Set<SandboxCheckout>().AsNoTracking().SingleAsync(c => c.Id == providerReference, cancellationToken);
        return Status(checkout);
    }

    public async Task<ProviderStatus> ExpireAsync(string providerReference, CancellationToken cancellationToken)
    {
        var checkout = await db.Set<SandboxCheckout>().SingleAsync(c => c.Id == providerReference, cancellationToken);
        if (checkout.State != SandboxCheckoutState.Open) return Status(checkout);
        checkout.State = SandboxCheckoutState.Expired;
        checkout.Revision++;
        callbacks.Queue(checkout, SandboxCallbacks.CheckoutExpired);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return Status(checkout);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The payer paid at that very moment: what they did stands.
            db.ChangeTracker.Clear();
            return await StatusAsync(providerReference, cancellationToken);
        }
    }

    public async Task<RefundResult> RefundAsync(RefundRequest request, CancellationToken cancellationToken)
    {
        if (await db.Set<SandboxRefund>().AsNoTracking().SingleOrDefaultAsync(r => r.IdempotencyKey == request.IdempotencyKey, cancellationToken) is { } earlier)
            return new RefundResult(true, earlier.Id, null);
        var checkout = await db.Set<SandboxCheckout>().SingleOrDefaultAsync(c => c.Id == request.ProviderReference, cancellationToken);
        if (checkout is not { State: SandboxCheckoutState.Paid }) return new RefundResult(false, null, "not_paid");
        var refunded = (await db.Set<SandboxRefund>().AsNoTracking().Where(r => r.CheckoutId == checkout.Id).Select(r => r.Amount).ToListAsync(cancellationToken)).Sum();
        if (request.Amount <= 0 || refunded + request.Amount > checkout.Amount) return new RefundResult(false, null, "amount_too_large");
        var refund = new SandboxRefund
        {
            Id = $"sbx_re_{Guid.NewGuid():N}", CheckoutId = checkout.Id, Amount = request.Amount,
            IdempotencyKey = request.IdempotencyKey, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(refund);
        // Two refunds of one checkout at once would both see the old total: the checkout's revision serialises them.
        checkout.Revision++;
        callbacks.Queue(checkout, SandboxCallbacks.RefundSucceeded, refund: refund);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new RefundResult(true, refund.Id, null);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return await db.Set<SandboxRefund>().AsNoTracking().SingleOrDefaultAsync(r => r.IdempotencyKey == request.IdempotencyKey, cancellationToken) is { } winner
                ? new RefundResult(true, winner.Id, null)
                : new RefundResult(false, null, "try_again");
        }
    }

    /// <summary>
    /// The day's settlement file, read as a merchant reads the download: the same text, through the one
    /// reader, so the file's format is what reconciliation really depends on.
    /// </summary>
    public async Task<IReadOnlyList<SettlementLine>> SettlementAsync(DateOnly day, CancellationToken cancellationToken) =>
        SandboxSettlementFile.Read(await settlements.CsvAsync(day, cancellationToken)).Select(r => r.ToLine()).ToList();

    /// <summary>A Hong Kong day as a UTC range.</summary>
    public static (DateTime From, DateTime To) DayInUtc(DateOnly day)
    {
        var start = TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), HongKongTime.Zone);
        return (start, start.AddDays(1));
    }

    private static ProviderStatus Status(SandboxCheckout checkout) => new(checkout.State switch
    {
        SandboxCheckoutState.Paid => ProviderOutcome.Succeeded,
        SandboxCheckoutState.Cancelled => ProviderOutcome.Cancelled,
        SandboxCheckoutState.Expired => ProviderOutcome.Expired,
        SandboxCheckoutState.Open when checkout.DeclineCode is not null => ProviderOutcome.Failed,
        _ => ProviderOutcome.Pending,
    }, checkout.Method, checkout.Amount);

    private Task<SandboxCheckout?> FindByKeyAsync(string key, CancellationToken cancellationToken) =>
        db.Set<SandboxCheckout>().AsNoTracking().SingleOrDefaultAsync(c => c.IdempotencyKey == key, cancellationToken);

    private static CheckoutSession Session(SandboxCheckout checkout) =>
        new(checkout.Id, new Uri(new Uri(checkout.ReturnUrl), LanguagePrefix(checkout.Language) + "/sandbox-gateway/checkout/" + checkout.Id).ToString());

    /// <summary>The hosted page opens in the payer's language, as the portal's own pages do (by path prefix).</summary>
    private static string LanguagePrefix(string language) => language switch { "zh-HK" => "/zh-hk", "zh-CN" => "/zh-cn", _ => "" };
}
