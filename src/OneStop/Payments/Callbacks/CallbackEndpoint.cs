using System.Security.Cryptography;
using OneStop.Payments.Engine;
using OneStop.Payments.Providers;
using OneStop.Platform.Audit;
using OneStop.Platform.Database;

namespace OneStop.Payments.Callbacks;

/// <summary>
/// <c>POST /api/v1/payments/callbacks/{provider}</c>: the provider's news. The raw body is verified by the
/// provider's adapter (signature and replay window) before anything is read from it; a refused callback is
/// recorded, audited and answered 400 with problem details, and changes nothing. Verified news is applied
/// idempotently, so duplicates and any order are harmless; the answer is 200 once it is safely recorded.
/// </summary>
public static class CallbackEndpoint
{
    /// <summary>Providers' events are small; anything larger is not one.</summary>
    public const int MaxBody = 256 * 1024;

    public static IEndpointRouteBuilder MapPaymentCallbacks(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/v1/payments/callbacks/{provider}", ReceiveAsync).WithName("PaymentCallback").DisableAntiforgery();
        return endpoints;
    }

    private static async Task<IResult> ReceiveAsync(string provider, HttpRequest request, PaymentProviders providers, PaymentActions actions,
        OneStopDb db, AuditLog audit, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (providers.Find(provider) is not { } adapter)
            return TypedResults.Problem(statusCode: 404, title: "Unknown payment provider", detail: $"No provider named '{provider}' is configured.");
        var body = await ReadAsync(request, cancellationToken);
        if (body is null) return TypedResults.Problem(statusCode: 413, title: "Callback too large");
        var now = clock.GetUtcNow();
        var reading = adapter.ReadCallback(request.Headers, body, now);
        var hash = Convert.ToHexStringLower(SHA256.HashData(body));
        if (reading.Refusal is { } refusal)
        {
            db.Add(new PaymentCallback { Id = Guid.CreateVersion7(now), Provider = adapter.Name, ReceivedAt = now.UtcDateTime, Verified = false, Outcome = refusal, BodySha256 = hash });
            audit.Record(PaymentAuditEvents.CallbackRefused, null, null, "payment-callback", adapter.Name, $"reason={refusal}");
            await db.SaveChangesAsync(cancellationToken);
            return TypedResults.Problem(statusCode: 400, title: "Callback refused", detail: refusal switch
            {
                "outsideWindow" => "The signature's timestamp is outside the accepted window.",
                "unreadable" => "The body is not an event this endpoint understands.",
                _ => "The signature does not match the body.",
            }, extensions: new Dictionary<string, object?> { ["code"] = refusal });
        }
        foreach (var news in reading.Events)
        {
            var outcome = await actions.ApplyAsync(adapter.Name, news, cancellationToken);
            db.ChangeTracker.Clear();
            db.Add(new PaymentCallback
            {
                Id = Guid.CreateVersion7(now), Provider = adapter.Name, ReceivedAt = now.UtcDateTime, Verified = true,
                Outcome = char.ToLowerInvariant(outcome.ToString()[0]) + outcome.ToString()[1..], EventId = news.EventId, EventType = news.Type, PaymentId = news.PaymentId, BodySha256 = hash,
            });
            await db.SaveChangesAsync(cancellationToken);
        }
        return TypedResults.Ok(new { received = true });
    }

    private static async Task<byte[]?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBody) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBody) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
