using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Documents;
using OneStop.Documents.Lifecycle;
using OneStop.Identity.Staff;
using OneStop.Notifications.Templates;
using OneStop.Platform.Localisation;
using OneStop.Forms.Answers;
using OneStop.Tests.Notifications;
using OneStop.Tests.Office.Documents;

namespace OneStop.Tests.Documents.Lifecycle;

/// <summary>Expiry reminders at the template's 30 and 7 days, each once, with the fake clock moved on to each day.</summary>
public abstract class ExpiryReminderTests(Provider provider) : IAsyncLifetime
{
    private OneStopApp _app = null!;
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        if (provider == Provider.Postgres) PostgresServer.SkipIfUnavailable();
        _app = new OneStopApp(provider);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private Task<bool> RunAsync() => _app.Services.GetRequiredService<ExpiryReminders>().RunOnceAsync(Cancel);

    /// <summary>Moves the clock to <paramref name="days"/> days before the document's last day (Hong Kong).</summary>
    private void DaysBefore(IssuedDocument document, int days)
    {
        var target = document.ValidUntil!.Value.AddDays(-days);
        _app.Clock.Advance(TimeSpan.FromDays(target.DayNumber - HongKongTime.Today(_app.Clock).DayNumber));
    }

    private async Task<string[]> RemindersAsync(IssuedDocument document) =>
        (await _app.NotificationsAsync(NotificationEvents.DocumentExpiring, document.Id)).Select(n => n.IdempotencyKey).ToArray();

    private static ClaimsPrincipal Supervisor() => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()),
        new Claim(StaffClaims.Role, StaffRole.Supervisor.Name()),
        new Claim(StaffClaims.Department, "TD"),
    ], "test"));

    [Fact]
    public async Task Reminders_ThirtyThenSevenDaysBefore_EachSentOnce()
    {
        var (_, email, _, document) = await _app.IssuedDocumentAsync();
        await RunAsync();
        Assert.Empty(await RemindersAsync(document));

        DaysBefore(document, 30);
        await RunAsync();
        await RunAsync();
        Assert.Equal([$"document-expiring:{document.Id}:30"], await RemindersAsync(document));

        DaysBefore(document, 7);
        await RunAsync();
        await _app.RunOutboxAsync();

        Assert.Equal([$"document-expiring:{document.Id}:30", $"document-expiring:{document.Id}:7"], await RemindersAsync(document));
        var expires = Dates.Long(document.ValidUntil!.Value, Language.En);
        Assert.Equal(2, _app.To(email).Count(m => m.Subject == $"Your Vehicle test licence expires on {expires}"));
        Assert.Equal(7, (await _app.DocumentAsync(document.Id)).ReminderDaysSent);
    }

    [Fact]
    public async Task Reminders_FirstLookedAtFiveDaysBefore_OnlyTheSevenDayOne()
    {
        var (_, _, _, document) = await _app.IssuedDocumentAsync();
        DaysBefore(document, 5);

        await RunAsync();
        await RunAsync();

        Assert.Equal([$"document-expiring:{document.Id}:7"], await RemindersAsync(document));
    }

    [Fact]
    public async Task Reminders_RevokedOrSupersededDocument_None()
    {
        var (_, _, _, revoked) = await _app.IssuedDocumentAsync();
        var (_, _, _, replaced) = await _app.IssuedDocumentAsync();
        IssuedDocument next;
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var actions = scope.ServiceProvider.GetRequiredService<DocumentActions>();
            Assert.IsType<LifecycleResult.Done>(await actions.RevokeAsync(Supervisor(), revoked.Id, revoked.Revision, "Issued in error.", Cancel));
            next = Assert.IsType<LifecycleResult.Done>(await actions.ReissueAsync(Supervisor(), replaced.Id, replaced.Revision, Cancel)).Document;
        }
        DaysBefore(revoked, 30);

        await RunAsync();

        Assert.Empty(await RemindersAsync(revoked));
        Assert.Empty(await RemindersAsync(replaced));
        // The re-issued version has the same validity and is reminded in its place.
        Assert.Equal([$"document-expiring:{next.Id}:30"], await RemindersAsync(next));
    }

    [Fact]
    public async Task Reminders_ReissuedAfterTheThirtyDayOne_TheNewVersionWaitsForTheSevenDayOne()
    {
        var (_, _, _, document) = await _app.IssuedDocumentAsync();
        DaysBefore(document, 30);
        await RunAsync();
        IssuedDocument next;
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var current = await _app.DocumentAsync(document.Id);
            next = Assert.IsType<LifecycleResult.Done>(await scope.ServiceProvider.GetRequiredService<DocumentActions>()
                .ReissueAsync(Supervisor(), document.Id, current.Revision, Cancel)).Document;
        }

        await RunAsync();
        Assert.Empty(await RemindersAsync(next));
        DaysBefore(document, 7);
        await RunAsync();

        Assert.Equal([$"document-expiring:{next.Id}:7"], await RemindersAsync(next));
    }

    [Fact]
    public async Task Reminders_TwoNodesAtOnce_SendEachReminderOnce()
    {
        var (_, _, _, document) = await _app.IssuedDocumentAsync();
        await using var second = new OneStopApp(_app);
        DaysBefore(document, 30);

        await Task.WhenAll(RunAsync(), second.Services.GetRequiredService<ExpiryReminders>().RunOnceAsync(Cancel));

        Assert.Equal([$"document-expiring:{document.Id}:30"], await RemindersAsync(document));
    }
}

public sealed class ExpiryReminderSqliteTests() : ExpiryReminderTests(Provider.Sqlite);

public sealed class ExpiryReminderPostgresTests() : ExpiryReminderTests(Provider.Postgres);
