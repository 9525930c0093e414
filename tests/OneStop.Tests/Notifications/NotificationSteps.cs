using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using OneStop.Identity;
using OneStop.Notifications;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;
using OneStop.Platform.Outbox;
using OneStop.Tests.Identity;
using OneStop.Tests.Identity.Staff;
using OneStop.Tests.Office;

namespace OneStop.Tests.Notifications;

/// <summary>The portal with its sandbox SMS folder in the test's own folder, and few attempts before a delivery fails for good.</summary>
public sealed class NotificationsApp(Provider provider = Provider.Sqlite) : OneStopApp(provider)
{
    public string SmsFolder { get; } = Directory.CreateTempSubdirectory("onestop-sms-").FullName;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Notifications:Sandbox:Folder", SmsFolder);
        builder.UseSetting("Notifications:MaxAttempts", "2");
        builder.UseSetting("Outbox:FirstRetryDelay", "00:00:30");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try { Directory.Delete(SmsFolder, recursive: true); } catch (IOException) { }
    }
}

/// <summary>Arranging and triggering notifications the way Cases will: Notifier in a unit of work, then the outbox.</summary>
public static class NotificationSteps
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static NotificationRequest Request(Guid? userId, string @event = "case.approved", string department = "TD",
        string? guestEmail = null, string guestLanguage = "en", Guid? caseId = null, string? key = null,
        IReadOnlyDictionary<string, string>? values = null) =>
        new(@event, department, userId, guestEmail, guestLanguage, caseId, key ?? "test:" + Guid.NewGuid().ToString("N"),
            values ?? new Dictionary<string, string> { ["reference"] = "TD-2026-000042", ["service"] = "Renew a driving licence", ["link"] = "/applications" });

    /// <summary>Enqueues in a unit of work of its own and saves, as a caller's change would.</summary>
    public static async Task EnqueueAsync(this OneStopApp app, params NotificationRequest[] requests)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
        foreach (var request in requests) notifier.Enqueue(request);
        await scope.ServiceProvider.GetRequiredService<OneStopDb>().SaveChangesAsync(Cancel);
    }

    public static Task RunOutboxAsync(this OneStopApp app) => app.Services.GetRequiredService<OutboxDispatcher>().RunOnceAsync(Cancel);

    /// <summary>A citizen account (confirmed, with the test password) in a language; its id and email.</summary>
    public static async Task<(Guid Id, string Email)> CitizenAsync(this OneStopApp app, Language language = Language.En)
    {
        var email = await app.NewAccountAsync();
        var id = await app.UserIdAsync(email);
        await app.QueryAsync(db => db.Users.Where(u => u.Id == id).ExecuteUpdateAsync(s => s.SetProperty(u => u.PreferredLanguage, language), Cancel));
        return (id, email);
    }

    public static async Task<HttpClient> SignedInAsync(this OneStopApp app, string email)
    {
        var client = app.NewBrowser();
        using var response = await client.SignInAsync(email);
        Assert.Equal("/account", response.Location());
        return client;
    }

    /// <summary>Chooses a channel on /account/notifications, with a phone number when given.</summary>
    public static async Task ChooseAsync(this HttpClient client, string channel, string? phone = null)
    {
        var fields = new Dictionary<string, string> { ["Channel"] = channel };
        if (phone is not null) fields["Phone"] = phone;
        using var response = await client.SubmitAsync("/account/notifications", fields);
        Assert.Equal("/account/notifications", response.Location());
    }

    /// <summary>The sandbox's texts to one number (E.164), as files in its folder.</summary>
    public static string[] TextsTo(this NotificationsApp app, string phone) =>
        Directory.Exists(app.SmsFolder)
            ? Directory.GetFiles(app.SmsFolder, "*.txt").Select(File.ReadAllText).Where(t => t.StartsWith($"To: {phone}\n", StringComparison.Ordinal)).ToArray()
            : [];

    /// <summary>A Hong Kong mobile number no other test uses, ending as asked (the sandbox fails 0000 and 9999 endings).</summary>
    public static string NewPhone(string ending = "") =>
        "9" + Random.Shared.Next(0, 10_000_000).ToString("D7", System.Globalization.CultureInfo.InvariantCulture)[..(7 - ending.Length)] + ending;

    public static Task<List<NotificationDelivery>> DeliveriesAsync(this OneStopApp app, string key) =>
        app.QueryAsync(db => (from n in db.Set<Notification>() join d in db.Set<NotificationDelivery>() on n.Id equals d.NotificationId
                              where n.IdempotencyKey == key orderby d.CreatedAt select d).AsNoTracking().ToListAsync(Cancel));

    public static Task<List<InboxMessage>> InboxOfAsync(this OneStopApp app, Guid userId) =>
        app.QueryAsync(db => db.Set<InboxMessage>().AsNoTracking().Where(m => m.UserId == userId).ToListAsync(Cancel));

    public static string Text(this MimeMessage message) => message.TextBody ?? "";
}
