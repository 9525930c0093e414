namespace OneStop.Payments.Links;

/// <summary>
/// Payment links (docs/payments/receipts-and-links.md): items a department takes payment for without an
/// application, paid at /pay/{code} and kept by department administrators at /office/payments/links.
/// </summary>
public static class LinksModule
{
    public static IServiceCollection AddPaymentLinks(this IServiceCollection services)
    {
        services.AddScoped<LinkPayments>();
        return services;
    }
}

/// <summary>Audit event names of payment items; the activity page words them as <c>audit.{event}</c>.</summary>
public static class LinkAuditEvents
{
    public const string Added = "payment.link-added";
    public const string Changed = "payment.link-changed";
    public const string Deactivated = "payment.link-deactivated";
    public const string Activated = "payment.link-activated";
}
