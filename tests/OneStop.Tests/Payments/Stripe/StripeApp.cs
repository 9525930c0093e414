using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Payments.Stripe;

namespace OneStop.Tests.Payments.Stripe;

/// <summary>The portal with Stripe as its payment provider, talking to <see cref="Replay"/> instead of api.stripe.com.</summary>
public sealed class StripeApp(Provider provider) : OneStopApp(provider)
{
    public const string SecretKey = "sk_test_onestop_replay";
    public const string WebhookSecret = "whsec_onestop_replay_0123456789";

    public StripeReplay Replay { get; } = new();

    /// <summary>Left empty by the test that checks the adapter refuses to start without it.</summary>
    public string ConfiguredWebhookSecret { get; init; } = WebhookSecret;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Payments:Provider", "stripe");
        builder.UseSetting("Payments:Stripe:SecretKey", SecretKey);
        builder.UseSetting("Payments:Stripe:WebhookSecret", ConfiguredWebhookSecret);
        builder.ConfigureServices((context, services) =>
        {
            // What PaymentsModule does once the lead wires it; harmless twice.
            services.AddStripePayments(context.Configuration);
            services.AddHttpClient(StripeModule.Client).ConfigurePrimaryHttpMessageHandler(() => Replay.Handler());
        });
    }
}
