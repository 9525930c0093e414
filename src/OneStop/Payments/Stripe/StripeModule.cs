using OneStop.Payments.Providers;
using Stripe;

namespace OneStop.Payments.Stripe;

/// <summary>Registers the Stripe adapter (<see cref="StripeGateway"/>) when <c>Payments:Stripe:SecretKey</c> is set.</summary>
public static class StripeModule
{
    /// <summary>The named <see cref="HttpClient"/> every Stripe call goes through; tests give it a replaying handler.</summary>
    public const string Client = "stripe";

    public static IServiceCollection AddStripePayments(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(StripeOptions.Section);
        // Off unless configured: a node without a key has no Stripe, and Payments:Provider=stripe then fails at the first payment.
        if (string.IsNullOrWhiteSpace(section[nameof(StripeOptions.SecretKey)])) return services;
        // Idempotent, so the module's own call and a test host's call do not register the adapter twice.
        if (services.Any(d => d.ServiceType == typeof(StripeGateway))) return services;
        services.AddOptions<StripeOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient(Client, c => c.Timeout = TimeSpan.FromSeconds(40));
        services.AddScoped<StripeGateway>();
        services.AddScoped<IPaymentProvider>(s => s.GetRequiredService<StripeGateway>());
        return services;
    }

    /// <summary>A Stripe.net client over the named <see cref="HttpClient"/> (so handlers, timeouts and tests apply to it).</summary>
    internal static StripeClient CreateClient(IHttpClientFactory http, StripeOptions options) =>
        new(options.SecretKey,
            httpClient: new SystemNetHttpClient(http.CreateClient(Client), options.NetworkRetries, appInfo: null, enableTelemetry: false),
            apiBase: string.IsNullOrEmpty(options.ApiBase) ? null : options.ApiBase.TrimEnd('/'));
}
