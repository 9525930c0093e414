using OneStop.Cases.Engine;
using OneStop.Forms.Submitting;
using OneStop.Payments.Callbacks;
using OneStop.Payments.Engine;
using OneStop.Payments.Fees;
using OneStop.Payments.Links;
using OneStop.Payments.Paying;
using OneStop.Payments.Providers;
using OneStop.Payments.Receipts;
using OneStop.Payments.Sandbox;
using OneStop.Payments.Stripe;
using OneStop.Platform.Jobs;

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
        services.AddStripePayments(configuration);
        services.AddPaymentReceipts();
        services.AddPaymentLinks();
        Office.Payments.PaymentsOfficeModule.AddPaymentsOffice(services);
        return services;
    }

    public static IEndpointRouteBuilder MapPayments(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPaymentCallbacks();
        endpoints.MapPaymentPages();
        endpoints.MapSandboxGateway();
        endpoints.MapPaymentReceipts();
        return endpoints;
    }
}
