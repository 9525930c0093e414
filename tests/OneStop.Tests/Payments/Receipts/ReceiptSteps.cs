using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Payments;
using OneStop.Payments.Engine;
using OneStop.Payments.Providers;
using OneStop.Platform.Database;
using OneStop.Platform.Outbox;
using OneStop.Tests.Notifications;
using OneStop.Tests.Office;

namespace OneStop.Tests.Payments.Receipts;

/// <summary>Payments settled the way a verified provider callback settles them, and receipts read back.</summary>
public static class ReceiptSteps
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>The provider reports <paramref name="paymentId"/> paid by <paramref name="method"/> (what a verified callback does).</summary>
    public static async Task PaidAsync(this OneStopApp app, Guid paymentId, string method = "card")
    {
        await using var scope = app.Services.CreateAsyncScope();
        var payment = await scope.ServiceProvider.GetRequiredService<OneStopDb>().Set<Payment>().AsNoTracking().SingleAsync(p => p.Id == paymentId, Cancel);
        var outcome = await scope.ServiceProvider.GetRequiredService<PaymentActions>().ApplyAsync(payment.Provider,
            new ProviderEvent("test:" + Guid.NewGuid().ToString("N"), "test", paymentId, null, ProviderOutcome.Succeeded, method, payment.Amount), Cancel);
        Assert.Equal(ApplyOutcome.Applied, outcome);
    }

    /// <summary>Hands every processed message of <paramref name="topic"/> over again, as after a crash before it was marked done.</summary>
    public static async Task RedeliverAsync(this OneStopApp app, string topic)
    {
        await app.QueryAsync(db => db.Set<OutboxMessage>().Where(m => m.Topic == topic)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ProcessedAt, (DateTime?)null).SetProperty(m => m.AvailableAt, app.Clock.GetUtcNow().UtcDateTime), Cancel));
        await app.RunOutboxAsync();
    }

    public static async Task<byte[]> ReceiptAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url, Cancel);
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}");
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync(Cancel);
    }
}
