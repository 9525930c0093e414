using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Notifications;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;
using OneStop.Platform.Outbox;
using OneStop.Tests.Office;

namespace OneStop.Tests.Notifications;

/// <summary>Sending through the outbox: language, guests, channels, fallback, and never twice.</summary>
public abstract class SendingTests(NotificationsFixture fixture)
{
    private NotificationsApp App => fixture.App;
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("en", "Your application TD-2026-000042 has been approved", "Renew a driving licence")]
    [InlineData("zh-HK", "你的申請 TD-2026-000042 已獲批准", "續領駕駛執照")]
    [InlineData("zh-CN", "你的申请 TD-2026-000042 已获批准", "续领驾驶执照")]
    public async Task Send_AccountLanguage_EmailAndInboxInThatLanguage(string tag, string subject, string service)
    {
        var language = Languages.FromCulture(tag)!.Value;
        var (id, email) = await App.CitizenAsync(language);
        var values = new Dictionary<string, string>
        {
            ["reference"] = "TD-2026-000042", ["service"] = "Renew a driving licence",
            ["service:zh-HK"] = "續領駕駛執照", ["service:zh-CN"] = "续领驾驶执照", ["link"] = "/applications",
        };

        await App.EnqueueAsync(NotificationSteps.Request(id, values: values));
        await App.RunOutboxAsync();

        var mail = App.LastMailTo(email);
        Assert.Equal(subject, mail.Subject);
        Assert.Contains(service, mail.Text());
        Assert.Contains(language.PathPrefix() + "/applications", mail.Text());
        Assert.Equal(tag, mail.Headers[MimeKit.HeaderId.ContentLanguage] ?? mail.Body!.Headers[MimeKit.HeaderId.ContentLanguage]);
        var inbox = Assert.Single(await App.InboxOfAsync(id));
        Assert.Null(inbox.ReadAt);
    }

    [Fact]
    public async Task Send_Guest_EmailsTheGuestInTheirLanguageWithNoInbox()
    {
        var email = Identity.Accounts.NewEmail();
        var key = "guest:" + Guid.NewGuid();

        await App.EnqueueAsync(NotificationSteps.Request(null, "case.received", guestEmail: email, guestLanguage: "zh-CN", key: key));
        await App.RunOutboxAsync();

        var mail = Assert.Single(App.To(email));
        Assert.Equal("已收到你的申请 TD-2026-000042", mail.Subject);
        var delivery = Assert.Single(await App.DeliveriesAsync(key));
        Assert.Equal((NotificationChannels.Email, DeliveryStatus.Sent), (delivery.Channel, delivery.Status));
    }

    [Fact]
    public async Task Send_SmsPreferred_TextsTheNumberAndSendsNoEmail()
    {
        var (id, email) = await App.CitizenAsync();
        var phone = NotificationSteps.NewPhone();
        var client = await App.SignedInAsync(email);
        await client.ChooseAsync(NotificationChannels.Sms, phone);
        var key = "sms:" + Guid.NewGuid();

        await App.EnqueueAsync(NotificationSteps.Request(id, key: key));
        await App.RunOutboxAsync();

        var text = Assert.Single(App.TextsTo("+852" + phone));
        Assert.Contains("TD-2026-000042", text);
        Assert.Empty(App.To(email));
        Assert.Equal([NotificationChannels.Inbox, NotificationChannels.Sms], (await App.DeliveriesAsync(key)).Select(d => d.Channel).Order());
        Assert.All(await App.DeliveriesAsync(key), d => Assert.Equal(DeliveryStatus.Sent, d.Status));
    }

    [Fact]
    public async Task Send_SmsFailsPermanently_FallsBackToEmail()
    {
        var (id, email) = await App.CitizenAsync();
        var phone = NotificationSteps.NewPhone("0000");
        var client = await App.SignedInAsync(email);
        await client.ChooseAsync(NotificationChannels.Sms, phone);
        var caseId = Guid.NewGuid();

        await App.EnqueueAsync(NotificationSteps.Request(id, caseId: caseId));
        await App.RunOutboxAsync();

        Assert.Empty(App.TextsTo("+852" + phone));
        Assert.Single(App.To(email));
        await using var scope = App.Services.CreateAsyncScope();
        var views = await scope.ServiceProvider.GetRequiredService<NotificationDeliveries>().ForCaseAsync(caseId, Cancel);
        Assert.Contains(views, v => v is { Channel: "sms", Status: "failed", Failure: "sms:invalid-number", Attempts: 1 });
        Assert.Contains(views, v => v is { Channel: "email", Status: "sent" });
        Assert.Contains(views, v => v is { Channel: "inbox", Status: "sent" });
    }

    [Fact]
    public async Task Send_SmsFailsTransientlyUntilTheLimit_RetriesThenFallsBackToEmail()
    {
        var (id, email) = await App.CitizenAsync();
        var client = await App.SignedInAsync(email);
        await client.ChooseAsync(NotificationChannels.Sms, NotificationSteps.NewPhone("9999"));
        var key = "transient:" + Guid.NewGuid();

        await App.EnqueueAsync(NotificationSteps.Request(id, key: key));
        await App.RunOutboxAsync();
        var first = (await App.DeliveriesAsync(key)).Single(d => d.Channel == NotificationChannels.Sms);
        var emailBeforeRetry = App.To(email).Count;
        App.Clock.Advance(TimeSpan.FromMinutes(1));
        await App.RunOutboxAsync();

        Assert.Equal((DeliveryStatus.Pending, "sms:provider-unavailable", 1), (first.Status, first.Failure, first.Attempts));
        Assert.Equal(0, emailBeforeRetry);
        var sms = (await App.DeliveriesAsync(key)).Single(d => d.Channel == NotificationChannels.Sms);
        Assert.Equal((DeliveryStatus.Failed, 2), (sms.Status, sms.Attempts));
        Assert.Single(App.To(email));
    }

    [Fact]
    public async Task Send_DispatchedAgainAndHandledTwice_SendsEachMessageOnce()
    {
        var (id, email) = await App.CitizenAsync();
        var phone = NotificationSteps.NewPhone();
        var (smsId, smsEmail) = await App.CitizenAsync();
        var client = await App.SignedInAsync(smsEmail);
        await client.ChooseAsync(NotificationChannels.Sms, phone);
        var emailKey = "twice-email:" + Guid.NewGuid();
        var smsKey = "twice-sms:" + Guid.NewGuid();
        await App.EnqueueAsync(NotificationSteps.Request(id, key: emailKey), NotificationSteps.Request(smsId, key: smsKey));
        await App.RunOutboxAsync();

        // The same notifications handed over again: a duplicate outbox message each, and the handler run by hand.
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OneStopDb>();
            var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
            var ids = await db.Set<Notification>().Where(n => n.IdempotencyKey == emailKey || n.IdempotencyKey == smsKey).Select(n => n.Id).ToListAsync(Cancel);
            foreach (var notification in ids) outbox.Add(Notifier.Topic, new NotificationQueued(notification));
            await db.SaveChangesAsync(Cancel);
            var handler = scope.ServiceProvider.GetServices<IOutboxHandler>().Single(h => h.Topic == Notifier.Topic);
            foreach (var notification in ids)
                await handler.HandleAsync(new OutboxMessage { Topic = Notifier.Topic, Payload = $$"""{"notificationId":"{{notification}}"}""" }, Cancel);
        }
        await App.RunOutboxAsync();

        Assert.Single(App.To(email));
        Assert.Single(App.TextsTo("+852" + phone));
        Assert.Single(await App.InboxOfAsync(id));
        Assert.Single(await App.InboxOfAsync(smsId));
        Assert.All(await App.DeliveriesAsync(emailKey), d => Assert.Equal(1, d.Attempts));
    }

    [Fact]
    public async Task Send_ClaimOutlivedAfterACrash_ResendsEmailWithTheSameMessageIdAndNoSecondText()
    {
        var (id, email) = await App.CitizenAsync();
        var (smsId, smsEmail) = await App.CitizenAsync();
        var phone = NotificationSteps.NewPhone();
        var client = await App.SignedInAsync(smsEmail);
        await client.ChooseAsync(NotificationChannels.Sms, phone);
        var emailKey = "crash-email:" + Guid.NewGuid();
        var smsKey = "crash-sms:" + Guid.NewGuid();
        await App.EnqueueAsync(NotificationSteps.Request(id, key: emailKey), NotificationSteps.Request(smsId, key: smsKey));
        await App.RunOutboxAsync();

        // As if the node died after sending and before recording: Sending, with a claim that has run out.
        var past = App.Clock.GetUtcNow().UtcDateTime.AddMinutes(-1);
        await App.QueryAsync(db => db.Set<NotificationDelivery>()
            .Where(d => d.Channel != NotificationChannels.Inbox && db.Set<Notification>().Any(n => n.Id == d.NotificationId && (n.IdempotencyKey == emailKey || n.IdempotencyKey == smsKey)))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeliveryStatus.Sending).SetProperty(d => d.SendingUntil, past), Cancel));
        await App.QueryAsync(db => db.Set<OutboxMessage>().Where(m => m.Topic == Notifier.Topic)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ProcessedAt, (DateTime?)null), Cancel));
        await App.RunOutboxAsync();

        var mails = App.To(email);
        Assert.Equal(2, mails.Count);
        Assert.Equal(mails[0].MessageId, mails[1].MessageId);
        Assert.StartsWith("notification-", mails[0].MessageId);
        Assert.Single(App.TextsTo("+852" + phone));
        Assert.All(await App.DeliveriesAsync(smsKey), d => Assert.Equal(DeliveryStatus.Sent, d.Status));
    }

    [Fact]
    public async Task Enqueue_SameIdempotencyKeyAgain_IsIgnored()
    {
        var (id, email) = await App.CitizenAsync();
        var key = "repeat:" + Guid.NewGuid();

        await App.EnqueueAsync(NotificationSteps.Request(id, key: key), NotificationSteps.Request(id, key: key));
        await App.EnqueueAsync(NotificationSteps.Request(id, "case.rejected", key: key));
        await App.RunOutboxAsync();

        Assert.Equal(1, await App.QueryAsync(db => db.Set<Notification>().CountAsync(n => n.IdempotencyKey == key, Cancel)));
        Assert.Equal("Your application TD-2026-000042 has been approved", Assert.Single(App.To(email)).Subject);
        Assert.Single(await App.InboxOfAsync(id));
    }

    [Fact]
    public async Task EnqueueAsync_SameIdempotencyKeyInThisUnitAndAlreadySaved_IsIgnored()
    {
        var (id, email) = await App.CitizenAsync();
        var key = "repeat-async:" + Guid.NewGuid();
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
            await notifier.EnqueueAsync(NotificationSteps.Request(id, key: key), Cancel);
            await notifier.EnqueueAsync(NotificationSteps.Request(id, key: key), Cancel);
            await scope.ServiceProvider.GetRequiredService<OneStop.Platform.Database.OneStopDb>().SaveChangesAsync(Cancel);
        }
        await using (var scope = App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Notifier>().EnqueueAsync(NotificationSteps.Request(id, "case.rejected", key: key), Cancel);
            await scope.ServiceProvider.GetRequiredService<OneStop.Platform.Database.OneStopDb>().SaveChangesAsync(Cancel);
        }
        await App.RunOutboxAsync();

        Assert.Equal(1, await App.QueryAsync(db => db.Set<Notification>().CountAsync(n => n.IdempotencyKey == key, Cancel)));
        Assert.Equal("Your application TD-2026-000042 has been approved", Assert.Single(App.To(email)).Subject);
    }

    [Fact]
    public async Task Send_EmailFailsPermanently_InboxCopyStandsAndTheFailureIsRecorded()
    {
        var (id, _) = await App.CitizenAsync();
        await App.QueryAsync(db => db.Users.Where(u => u.Id == id).ExecuteUpdateAsync(s => s.SetProperty(u => u.Email, "no address here"), Cancel));
        var key = "bad-email:" + Guid.NewGuid();

        await App.EnqueueAsync(NotificationSteps.Request(id, key: key));
        await App.RunOutboxAsync();

        var deliveries = await App.DeliveriesAsync(key);
        Assert.Contains(deliveries, d => d is { Channel: NotificationChannels.Email, Status: DeliveryStatus.Failed, Failure: "email:invalid-address" });
        Assert.Contains(deliveries, d => d is { Channel: NotificationChannels.Inbox, Status: DeliveryStatus.Sent });
        Assert.Single(await App.InboxOfAsync(id));
        Assert.Null(await App.QueryAsync(db => db.Set<OutboxMessage>().Where(m => m.Topic == Notifier.Topic && m.LastError != null).Select(m => m.LastError).FirstOrDefaultAsync(Cancel)));
    }

    [Fact]
    public async Task Send_UnknownPlaceholderAndMissingValue_AreLeftOut()
    {
        var (id, email) = await App.CitizenAsync();

        await App.EnqueueAsync(NotificationSteps.Request(id, "case.rejected",
            values: new Dictionary<string, string> { ["reference"] = "TD-2026-000077", ["surprise"] = "unused" }));
        await App.RunOutboxAsync();

        var text = App.LastMailTo(email).Text();
        Assert.Contains("Reference: TD-2026-000077", text);
        Assert.Contains("Reason: \n", text.ReplaceLineEndings("\n"));
        Assert.DoesNotContain("{", text);
        Assert.DoesNotContain("unused", text);
    }
}

public sealed class SendingTests_Sqlite(SqliteNotificationsFixture fixture) : SendingTests(fixture), IClassFixture<SqliteNotificationsFixture>;

public sealed class SendingTests_Postgres(PostgresNotificationsFixture fixture) : SendingTests(fixture), IClassFixture<PostgresNotificationsFixture>;
