using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Mvc;
using OneStop.Payments.Engine;

namespace OneStop.Payments.Paying;

/// <summary>
/// Where the provider sends the payer back (paid, cancelled or not): ask the provider where the checkout
/// stands, since its callback may not have arrived yet, then show the payment page. Also behind "Check again".
/// </summary>
public static class ReturnFromProvider
{
    public static IEndpointRouteBuilder MapPaymentPages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/payments/{id:guid}/return", async (Guid id, string? key, HttpContext http, PaymentAccess access, PaymentActions actions, CancellationToken cancellationToken) =>
        {
            if (await access.FindAsync(http.User, id, key, tracked: true, cancellationToken) is not { } payment)
                return http.User.Identity?.IsAuthenticated == true || key is not null ? Results.NotFound() : Results.Challenge();
            await actions.RefreshAsync(payment, cancellationToken);
            return Results.Redirect(http.Request.PathBase + PaymentPaths.Page(id, payment.PayerId is null ? key : null));
        });
        // An application held for payment (from the acknowledgement or My applications): its newest payment.
        endpoints.MapGet("/payments/application/{submissionId:guid}", async (Guid submissionId, HttpContext http, Fees.Charges charges, OneStop.Platform.Database.OneStopDb db, CancellationToken cancellationToken) =>
        {
            var userId = OneStop.Identity.Assurance.UserId(http.User);
            if (userId is null) return Results.Challenge();
            var owner = await db.Set<OneStop.Forms.Submission>().AnyAsync(s => s.Id == submissionId && s.UserId == userId, cancellationToken);
            if (!owner || await charges.PaymentPathAsync(submissionId, cancellationToken) is not { } path) return Results.NotFound();
            return Results.Redirect(http.Request.PathBase + path);
        });
        return endpoints;
    }
}
