using OneStop.Payments.Reconciliation;
using OneStop.Payments.Refunds;
using OneStop.Platform.Jobs;
using OneStop.Platform.Outbox;

namespace OneStop.Office.Payments;

/// <summary>
/// The payments back office (docs/payments/officers.md): officers' search and payment page, refunds by hand and
/// automatic (paid twice; rejected when the fees say so), and the daily reconciliation with its report.
/// </summary>
public static class PaymentsOfficeModule
{
    public static IServiceCollection AddPaymentsOffice(this IServiceCollection services)
    {
        services.AddScoped<PaymentSearch>();
        services.AddScoped<PaymentReader>();
        services.AddScoped<RefundPayment>();
        services.AddOutboxHandler<RefundDuplicatePayment>();
        services.AddOutboxHandler<RefundOnRejection>();
        services.AddScoped<ReconcileDay>();
        services.AddScoped<ReconciliationReport>();
        services.AddRecurringJob<ReconcilePayments>();
        return services;
    }
}
