using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Forms.Background;
using OneStop.Identity.Staff;
using OneStop.Platform.Jobs;
using OneStop.Platform.Outbox;
using OneStop.Tests.Office;

namespace OneStop.Tests.Platform.Jobs;

/// <summary>/office/jobs: platform administrators see parked messages and the schedule, and send messages to be tried again.</summary>
public abstract class JobsPageTests(Provider provider) : IAsyncLifetime
{
    private JobsTestApp _app = null!;
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        if (provider == Provider.Postgres) PostgresServer.SkipIfUnavailable();
        _app = new JobsTestApp(provider);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task<(HttpClient Admin, Guid AdminId)> AdminAsync()
    {
        var (admin, email) = await _app.SignedInStaffAsync(StaffRole.PlatformAdmin, null);
        return (admin, await _app.UserIdAsync(email));
    }

    private static async Task<IDocument> PageAsync(HttpClient admin)
    {
        var (status, page) = await admin.GetPageAsync("/office/jobs");
        Assert.Equal(200, status);
        return page;
    }

    private Task<List<string?>> RetryAuditsAsync(Guid adminId) =>
        _app.DbAsync(db => db.AuditEntries.Where(e => e.Event == JobEvents.MessageRetried && e.ActorId == adminId)
            .OrderBy(e => e.Id).Select(e => e.TargetId).ToListAsync(Cancel));

    [Fact]
    public async Task Jobs_ParkedMessage_IsListedAndRetryRunsItAgain()
    {
        var id = await _app.ParkedMessageAsync();
        var (admin, adminId) = await AdminAsync();

        var before = await PageAsync(admin);
        using var retried = await admin.PostFormAsync("/office/jobs?handler=Retry", await admin.TokenAsync(), ("id", id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var released = await _app.MessageAsync(id);
        await _app.RunOutboxAsync();
        var after = await PageAsync(admin);

        var row = before.QuerySelector($"tr[data-message='{id}']");
        Assert.NotNull(row);
        Assert.Contains(RecordingHandler.TestTopic, row.TextContent);
        Assert.Equal("1", before.QuerySelector("[data-count=parked]")!.TextContent.Trim());
        var error = before.QuerySelector($"[data-error='{id}']")!.TextContent;
        Assert.Contains("InvalidOperationException", error);
        Assert.DoesNotContain("person@example.com", before.Body!.TextContent);
        Assert.Equal("/office/jobs", retried.Location());
        Assert.Null(released.ParkedAt);
        Assert.Equal(0, released.Attempts);
        Assert.Equal(4, _app.Script.CallsTo(id));
        Assert.NotNull((await _app.MessageAsync(id)).ProcessedAt);
        Assert.Null(after.QuerySelector($"tr[data-message='{id}']"));
        Assert.Contains(after.QuerySelectorAll(".govuk-notification-banner__heading"), b => b.TextContent.Contains("tried again", StringComparison.Ordinal));
        Assert.Equal("1", after.QuerySelector("[data-count=doneLastDay]")!.TextContent.Trim());
        Assert.Equal([id.ToString(System.Globalization.CultureInfo.InvariantCulture)], await RetryAuditsAsync(adminId));
    }

    [Fact]
    public async Task Jobs_RetryAll_ReleasesEveryParkedMessageAndAuditsEach()
    {
        var first = await _app.ParkedMessageAsync();
        var second = await _app.ParkedMessageAsync();
        var (admin, adminId) = await AdminAsync();

        using var response = await admin.PostFormAsync("/office/jobs?handler=RetryAll", await admin.TokenAsync());
        var page = await PageAsync(admin);

        Assert.Equal("/office/jobs", response.Location());
        Assert.Null((await _app.MessageAsync(first)).ParkedAt);
        Assert.Null((await _app.MessageAsync(second)).ParkedAt);
        Assert.Equal("0", page.QuerySelector("[data-count=parked]")!.TextContent.Trim());
        Assert.Equal("2", page.QuerySelector("[data-count=due]")!.TextContent.Trim());
        Assert.Equal(new[] { first, second }.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).Order(), (await RetryAuditsAsync(adminId)).Order());
    }

    [Fact]
    public async Task Jobs_RetryOfAMessageThatIsNotParked_ChangesNothing()
    {
        var id = (await _app.AddMessagesAsync())[0];
        await _app.RunOutboxAsync();
        var (admin, adminId) = await AdminAsync();

        using var response = await admin.PostFormAsync("/office/jobs?handler=Retry", await admin.TokenAsync(), ("id", id.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal("/office/jobs", response.Location());
        var message = await _app.MessageAsync(id);
        Assert.NotNull(message.ProcessedAt);
        Assert.Equal(1, message.Attempts);
        Assert.Empty(await RetryAuditsAsync(adminId));
    }

    [Fact]
    public async Task Jobs_RecurringJobs_ShowWhenTheyRanAndRunNext()
    {
        var sweep = _app.Services.GetRequiredService<DraftSweep>();
        await _app.Services.GetRequiredService<JobScheduler>().RunIfDueAsync(sweep, Cancel);
        var next = _app.Clock.GetUtcNow().UtcDateTime + sweep.Interval;
        var (admin, _) = await AdminAsync();

        var page = await PageAsync(admin);

        var row = page.QuerySelector($"tr[data-job='{sweep.Name}']");
        Assert.NotNull(row);
        Assert.Contains("Succeeded", row.TextContent);
        var hongKong = TimeZoneInfo.ConvertTimeFromUtc(next, TimeZoneInfo.FindSystemTimeZoneById("Asia/Hong_Kong"));
        Assert.Equal(hongKong.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), row.QuerySelector("[data-next-run]")!.TextContent.Trim()[..16]);
        Assert.Contains("every server", page.QuerySelector("tr[data-job='outbox']")!.TextContent);
    }
}

public sealed class JobsPageSqliteTests() : JobsPageTests(Provider.Sqlite);

public sealed class JobsPagePostgresTests() : JobsPageTests(Provider.Postgres);
