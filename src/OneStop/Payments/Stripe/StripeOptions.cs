using System.ComponentModel.DataAnnotations;

namespace OneStop.Payments.Stripe;

/// <summary>
/// Section <c>Payments:Stripe</c> (docs/payments/stripe.md). The adapter is registered only when
/// <see cref="SecretKey"/> is set; the webhook secret is then required too, as no callback could be trusted without it.
/// </summary>
public sealed class StripeOptions
{
    public const string Section = "Payments:Stripe";

    /// <summary>The account's secret API key (<c>sk_live_…</c>, <c>sk_test_…</c>) or a restricted key (<c>rk_…</c>).</summary>
    [Required, RegularExpression(@"^(sk|rk)_(live|test)_\S+$", ErrorMessage = "Payments:Stripe:SecretKey must be a Stripe secret or restricted key (sk_… or rk_…).")]
    public string SecretKey { get; set; } = "";

    /// <summary>The webhook endpoint's signing secret (<c>whsec_…</c>), shown in the Stripe dashboard for the endpoint.</summary>
    [Required, RegularExpression(@"^whsec_\S+$", ErrorMessage = "Payments:Stripe:WebhookSecret must be the endpoint's signing secret (whsec_…).")]
    public string WebhookSecret { get; set; } = "";

    /// <summary>Another API origin instead of https://api.stripe.com (a local mock); null in production.</summary>
    [Url]
    public string? ApiBase { get; set; }

    /// <summary>A webhook signed longer ago than this (or this far ahead) is refused as a possible replay. Stripe's own default is 300 s.</summary>
    [Range(typeof(TimeSpan), "00:00:30", "01:00:00")]
    public TimeSpan WebhookTolerance { get; set; } = TimeSpan.FromSeconds(300);

    /// <summary>How often Stripe.net retries a request that failed in the network or with a 409/5xx (with the same idempotency key).</summary>
    [Range(0, 5)]
    public int NetworkRetries { get; set; } = 2;
}
