using System.Globalization;
using Microsoft.Extensions.Options;
using OneStop.Payments.Engine;
using OneStop.Payments.Providers;
using OneStop.Payments.Sandbox;
using Stripe;
using Stripe.Checkout;

namespace OneStop.Payments.Stripe;

/// <summary>
/// Stripe behind <see cref="IPaymentProvider"/>: a hosted Checkout Session per payment (cards), its webhooks,
/// its status, expiry, refunds against its PaymentIntent, and the day's balance transactions for reconciliation.
/// Every call goes through the named client <see cref="StripeModule.Client"/>; every create carries our key.
/// </summary>
public sealed class StripeGateway(IHttpClientFactory http, IOptions<StripeOptions> options, TimeProvider clock, ILogger<StripeGateway> logger) : IPaymentProvider
{
    public const string ProviderName = "stripe";
    public const string PaymentIdKey = "payment_id";
    public const string ReferenceKey = "reference";
    public const string RefundIdKey = "refund_id";

    private StripeClient? _client;
    private StripeClient Client => _client ??= StripeModule.CreateClient(http, options.Value);

    public string Name => ProviderName;

    public async Task<CheckoutSession> StartCheckoutAsync(CheckoutRequest request, CancellationToken cancellationToken)
    {
        var metadata = new Dictionary<string, string> { [PaymentIdKey] = request.PaymentId.ToString(), [ReferenceKey] = request.Reference };
        var create = new SessionCreateOptions
        {
            Mode = "payment",
            LineItems =
            [
                new SessionLineItemOptions
                {
                    Quantity = 1,
                    PriceData = new SessionLineItemPriceDataOptions
                    {
                        Currency = request.Currency.ToLowerInvariant(),
                        UnitAmount = StripeMapping.ToCents(request.Amount),
                        // Stripe limits a product name; the payment page shows the full description anyway.
                        ProductData = new SessionLineItemPriceDataProductDataOptions { Name = Truncate(request.Description, 250) },
                    },
                },
            ],
            ClientReferenceId = request.PaymentId.ToString(),
            Metadata = metadata,
            // On the PaymentIntent too: its charges and refunds are what the balance (settlement) lists.
            PaymentIntentData = new SessionPaymentIntentDataOptions { Metadata = new Dictionary<string, string>(metadata) },
            SuccessUrl = request.ReturnUrl,
            CancelUrl = request.CancelUrl,
            ExpiresAt = StripeMapping.ExpiresAt(request.ExpiresAt, clock.GetUtcNow().UtcDateTime),
            Locale = StripeMapping.Locale(request.Language),
            // API versions from 2026-09-30 (endive) no longer take payment_method_types on create; this is its replacement.
            AllowedPaymentMethodTypes = ["card"],
        };
        var session = await Sessions.CreateAsync(create, new RequestOptions { IdempotencyKey = request.IdempotencyKey }, cancellationToken);
        return new CheckoutSession(session.Id, session.Url);
    }

    public CallbackReading ReadCallback(IHeaderDictionary headers, byte[] body, DateTimeOffset now) =>
        StripeWebhook.Read(headers[StripeWebhook.SignatureHeader].ToString(), body, now, options.Value.WebhookSecret, options.Value.WebhookTolerance);

    public async Task<ProviderStatus> StatusAsync(string providerReference, CancellationToken cancellationToken) =>
        StripeMapping.Status(await Sessions.GetAsync(providerReference, cancellationToken: cancellationToken));

    public async Task<ProviderStatus> ExpireAsync(string providerReference, CancellationToken cancellationToken)
    {
        try
        {
            return StripeMapping.Status(await Sessions.ExpireAsync(providerReference, cancellationToken: cancellationToken));
        }
        catch (StripeException ex) when (ex.HttpStatusCode == System.Net.HttpStatusCode.BadRequest)
        {
            // Only an open session can be expired: this one was paid (or expired) first, and what happened stands.
            logger.LogInformation("Stripe session could not be expired ({Code}); asking its status", ex.StripeError?.Code);
            return await StatusAsync(providerReference, cancellationToken);
        }
    }

    public async Task<RefundResult> RefundAsync(RefundRequest request, CancellationToken cancellationToken)
    {
        try
        {
            // The session holds the PaymentIntent once it is paid (Checkout creates it only then).
            var session = await Sessions.GetAsync(request.ProviderReference, cancellationToken: cancellationToken);
            if (session.PaymentIntentId is not { } paymentIntent || session.PaymentStatus != "paid") return new RefundResult(false, null, "not_paid");
            var refund = await new RefundService(Client).CreateAsync(new RefundCreateOptions
            {
                PaymentIntent = paymentIntent,
                Amount = StripeMapping.ToCents(request.Amount),
                Reason = "requested_by_customer",
                Metadata = new Dictionary<string, string> { [RefundIdKey] = request.RefundId.ToString(), [PaymentIdKey] = StripeMapping.PaymentId(session)?.ToString() ?? "" },
            }, new RequestOptions { IdempotencyKey = request.IdempotencyKey }, cancellationToken);
            // A card refund is "pending" until the network confirms it; it is accepted, and almost never fails afterwards.
            return refund.Status is "succeeded" or "pending"
                ? new RefundResult(true, refund.Id, null)
                : new RefundResult(false, refund.Id, refund.FailureReason ?? refund.Status);
        }
        catch (StripeException ex)
        {
            // Stripe's code (charge_already_refunded, amount_too_large, …) is the failure code.
            var code = ex.StripeError?.Code ?? ex.StripeError?.Type ?? "api_error";
            logger.LogWarning("Stripe refused refund {RefundId}: {Code}", request.RefundId, code);
            return new RefundResult(false, null, code);
        }
        catch (Exception ex) when (ex is HttpRequestException || ex is OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // Unreachable or timed out after Stripe.net's own retries; the same key makes a later retry safe.
            logger.LogWarning("Stripe could not be reached for refund {RefundId}", request.RefundId);
            return new RefundResult(false, null, "try_again");
        }
    }

    public async Task<IReadOnlyList<SettlementLine>> SettlementAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var (from, to) = SandboxGateway.DayInUtc(day);
        var lines = new List<SettlementLine>();
        foreach (var type in (string[])["charge", "refund"])
        {
            var list = new BalanceTransactionListOptions
            {
                Created = new DateRangeOptions { GreaterThanOrEqual = from, LessThan = to },
                Type = type,
                Limit = 100,
                // The source (the charge or refund) and its PaymentIntent, whose metadata names our payment.
                Expand = ["data.source", "data.source.payment_intent"],
            };
            await foreach (var transaction in new BalanceTransactionService(Client).ListAutoPagingAsync(list, cancellationToken: cancellationToken))
                lines.Add(Line(transaction));
        }
        return lines.OrderBy(l => l.SettledAt).ToList();
    }

    private static SettlementLine Line(BalanceTransaction transaction)
    {
        var (reference, intent) = transaction.Source switch
        {
            Charge charge => (charge.PaymentIntentId ?? charge.Id, charge.PaymentIntent),
            global::Stripe.Refund refund => (refund.Id, refund.PaymentIntent),
            _ => (transaction.SourceId ?? transaction.Id, null),
        };
        Guid? paymentId = intent?.Metadata is { } metadata && metadata.TryGetValue(PaymentIdKey, out var id) && Guid.TryParse(id, out var parsed) ? parsed : null;
        // The gross amount (a refund's is negative): fees are Stripe's, not the payer's, so they are not reconciled here.
        return new SettlementLine(reference, paymentId, transaction.Type == "refund" ? "refund" : "payment",
            StripeMapping.FromCents(transaction.Amount), transaction.Currency.ToUpper(CultureInfo.InvariantCulture), transaction.Created);
    }

    private SessionService Sessions => new(Client);

    private static string Truncate(string text, int length) => text.Length > length ? text[..length] : text;
}
