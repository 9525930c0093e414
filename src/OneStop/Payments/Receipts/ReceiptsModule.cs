using Microsoft.EntityFrameworkCore;
using OneStop.Cases.Applicants;
using OneStop.Payments.Engine;
using OneStop.Payments.Paying;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;
using OneStop.Platform.Outbox;

namespace OneStop.Payments.Receipts;

/// <summary>
/// The payer after paying (docs/payments/receipts-and-links.md): the receipt PDF to download, the receipt
/// email, and the payments shown on "My applications" and an application's page.
/// </summary>
public static class ReceiptsModule
{
    public static IServiceCollection AddPaymentReceipts(this IServiceCollection services)
    {
        services.AddScoped<Receipts>();
        services.AddScoped<IApplicantPayments, ApplicantPayments>();
        services.AddOutboxHandler<SendReceipt>();
        return services;
    }

    public static IEndpointRouteBuilder MapPaymentReceipts(this IEndpointRouteBuilder endpoints)
    {
        // Whoever may open the payment's page may download its receipt, once it is paid; anyone else gets 404.
        endpoints.MapGet("/payments/{id:guid}/receipt.pdf", async (Guid id, string? key, HttpContext http, PaymentAccess access, Receipts receipts,
            OneStopDb db, CancellationToken cancellationToken) =>
        {
            if (await access.FindAsync(http.User, id, key, tracked: false, cancellationToken) is not { } payment)
            {
                // As the payment page: an account holder whose session ended signs in and comes back.
                if (http.User.Identity?.IsAuthenticated != true && key is null
                    && await db.Set<Payment>().AnyAsync(p => p.Id == id && p.PayerId != null, cancellationToken)) return Results.Challenge();
                return Results.NotFound();
            }
            if (!PaymentMoves.IsPaid(payment.State)) return Results.NotFound();
            var pdf = await receipts.RenderAsync(payment, Languages.Current, cancellationToken);
            // Personal: never kept by a shared cache.
            http.Response.Headers.CacheControl = "private, no-store";
            return Results.File(pdf, "application/pdf", Receipts.FileName(payment));
        }).WithName("PaymentReceipt").ExcludeFromDescription();
        return endpoints;
    }
}
