using OneStop.Cases.Engine;
using OneStop.Forms.Submitting;
using OneStop.Payments.Callbacks;
using OneStop.Payments.Engine;
using OneStop.Payments.Fees;
using OneStop.Payments.Paying;
using OneStop.Payments.Providers;
using OneStop.Payments.Sandbox;
using OneStop.Platform.Jobs;
using OneStop.Platform.Outbox;

namespace OneStop.Payments;

/// <summary>
/// Payments: fees worked out from answers (<see cref="FeeRules"/>), payments through a provider adapter (the
/// sandbox gateway or Stripe), callbacks, receipts, refunds and reconciliation. See docs/payments/.
/// </summary>
public static class PaymentsModule
{
    public static IServiceCollection AddPayments(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PaymentsOptions>().Bind(configuration.GetSection(PaymentsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<FeeSchedules>();
        services.AddScoped<Charges>();
        services.AddScoped<ISubmissionCharges>(s => s.GetRequiredService<Charges>());
        services.AddScoped<IApprovalCharges>(s => s.GetRequiredService<Charges>());
        services.AddScoped<OneStop.Forms.Filling.IFeePreview, FeePreviews>();
        services.AddScoped<PaymentText>();
        services.AddScoped<PaymentSettlement>();
        services.AddScoped<PaymentActions>();
        services.AddScoped<PaymentProviders>();
        services.AddScoped<PaymentAccess>();
        services.AddRecurringJob<ExpirePayments>();
        services.AddSandboxGateway(configuration);
        return services;
    }

    private static void AddSandboxGateway(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SandboxOptions>().Bind(configuration.GetSection(SandboxOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<SandboxCallbacks>();
        services.AddScoped<IPaymentProvider, SandboxGateway>();
        services.AddHttpClient(SendSandboxCallback.Client, c => c.Timeout = TimeSpan.FromSeconds(20));
        services.AddOutboxHandler<SendSandboxCallback>();
        services.AddOutboxHandler<SettleSandboxCheckout>();
    }

    public static IEndpointRouteBuilder MapPayments(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPaymentCallbacks();
        endpoints.MapPaymentPages();
        return endpoints;
    }
}
