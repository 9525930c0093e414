using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OneStop.Platform.Mail;
using OneStop.Tests.Notifications;

namespace OneStop.Tests.Payments.Receipts;

/// <summary>A receipt email whose first send fails is sent on the retry, once.</summary>
public sealed class ReceiptRetryTests : IAsyncLifetime
{
    private readonly FlakyMailApp _app = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task ReceiptEmail_SendFails_ClaimGivenBackAndSentOnTheRetry()
    {
        await _app.SetFeesAsync(ReceiptTests.FleetFees);
        var (userId, email) = await _app.CitizenAsync();
        var accepted = await _app.ApplyAsync(userId, vehicles: 1);
        var payment = await _app.PaymentForAsync(accepted.SubmissionId);
        await _app.PaidAsync(payment.Id);
        _app.FailReceipts = true;

        await _app.RunOutboxAsync();
        var afterFailure = await _app.PaymentAsync(payment.Id);
        _app.FailReceipts = false;
        _app.Clock.Advance(TimeSpan.FromHours(1));
        await _app.RunOutboxAsync();

        Assert.Null(afterFailure.ReceiptSentAt);
        Assert.Single(_app.To(email), m => m.Attachments.Any());
        Assert.NotNull((await _app.PaymentAsync(payment.Id)).ReceiptSentAt);
    }

    /// <summary>The portal with a mailer that refuses messages with attachments while <see cref="FailReceipts"/> is set.</summary>
    private sealed class FlakyMailApp() : OneStopApp(Provider.Sqlite)
    {
        public volatile bool FailReceipts;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services =>
            {
                services.RemoveAll<IMailer>();
                services.AddSingleton<PickupFolderMailer>();
                services.AddSingleton<IMailer>(s => new Flaky(this, s.GetRequiredService<PickupFolderMailer>()));
            });
        }

        private sealed class Flaky(FlakyMailApp app, IMailer inner) : IMailer
        {
            public Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default) =>
                app.FailReceipts && mail.Attachments.Count > 0 ? throw new IOException("The mail server is away.") : inner.SendAsync(mail, cancellationToken);
        }
    }
}
