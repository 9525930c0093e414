using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Forms;
using OneStop.Forms.Background;
using OneStop.Forms.Definitions;
using OneStop.Platform.Database;
using static OneStop.Tests.Forms.TestForms;

namespace OneStop.Tests.Forms.Background;

/// <summary>Unsent drafts: one reminder shortly before they expire, then deletion (audited) once they have.</summary>
public abstract class DraftSweepTests(Provider provider) : IAsyncLifetime
{
    private BackgroundApp _app = null!;
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private const string Subject = "Your unfinished application will be deleted soon";

    public async ValueTask InitializeAsync()
    {
        if (provider == Provider.Postgres) PostgresServer.SkipIfUnavailable();
        _app = new BackgroundApp(provider);
        await PublishAsync(_app, OnePage("td-draft", Field("plate", FieldType.Text)));
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task<FormDraft?> DraftAsync(Guid id)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OneStopDb>().Set<FormDraft>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, Cancel);
    }

    [Fact]
    public async Task RunOnceAsync_DraftEntersTheReminderWindow_RemindsOnce()
    {
        var (userId, email) = await _app.NewAccountAsync();
        var draftId = await _app.AddDraftAsync("td-draft", userId, "en", TimeSpan.FromDays(10));

        await _app.RunDraftSweepAsync();
        var beforeWindow = _app.MailsAbout(email, Subject).Count;
        _app.Clock.Advance(TimeSpan.FromDays(8));
        await _app.RunDraftSweepAsync();
        await _app.RunDraftSweepAsync();

        Assert.Equal(0, beforeWindow);
        var mail = Assert.Single(_app.MailsAbout(email, Subject));
        Assert.Equal($"{Subject}: Form td-draft", mail.Subject);
        Assert.Equal($"/applications/{draftId}/check", mail.Link());
        var expires = TimeZoneInfo.ConvertTimeFromUtc((await DraftAsync(draftId))!.ExpiresAt, OneStop.Platform.Localisation.HongKongTime.Zone);
        Assert.Contains(expires.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture), mail.TextBody);
        Assert.NotNull((await DraftAsync(draftId))!.ReminderSentAt);
    }

    [Fact]
    public async Task RunOnceAsync_SimplifiedChineseDraft_RemindsInSimplifiedChinese()
    {
        var (userId, email) = await _app.NewAccountAsync();
        var draftId = await _app.AddDraftAsync("td-draft", userId, "zh-CN", TimeSpan.FromDays(2));

        await _app.RunDraftSweepAsync();

        var mail = Assert.Single(_app.MailsAbout(email, "你未完成的申请即将被删除"));
        Assert.Equal("你未完成的申请即将被删除：Form td-draft（简）", mail.Subject);
        Assert.Equal($"/zh-cn/applications/{draftId}/check", mail.Link());
    }

    [Fact]
    public async Task RunOnceAsync_TwoNodesAtOnce_SendOneReminder()
    {
        var (userId, email) = await _app.NewAccountAsync();
        await _app.AddDraftAsync("td-draft", userId, "en", TimeSpan.FromDays(1));
        var first = _app.Services.GetRequiredService<DraftSweep>();
        var second = ActivatorUtilities.CreateInstance<DraftSweep>(_app.Services);

        await Task.WhenAll(Task.Run(() => first.RunOnceAsync(Cancel), Cancel), Task.Run(() => second.RunOnceAsync(Cancel), Cancel));

        Assert.Single(_app.MailsAbout(email, Subject));
    }

    [Fact]
    public async Task RunOnceAsync_DraftPastExpiry_DeletesItAndAuditsWithoutPersonalData()
    {
        var (userId, _) = await _app.NewAccountAsync();
        var draftId = await _app.AddDraftAsync("td-draft", userId, "en", TimeSpan.FromDays(10));

        _app.Clock.Advance(TimeSpan.FromDays(10));
        await _app.RunDraftSweepAsync();

        Assert.Null(await DraftAsync(draftId));
        await using var scope = _app.Services.CreateAsyncScope();
        var entry = await scope.ServiceProvider.GetRequiredService<OneStopDb>().AuditEntries
            .SingleAsync(e => e.Event == DraftEvents.Expired && e.TargetId == draftId.ToString(), Cancel);
        Assert.Equal(userId, entry.SubjectId);
        Assert.Null(entry.ActorId);
        Assert.Equal("TD", entry.DepartmentCode);
        Assert.Matches("^form=td-draft;version=\\d+$", entry.Detail);
    }

    [Fact]
    public async Task RunOnceAsync_SentDraft_IsNeitherRemindedNorDeleted()
    {
        var (userId, email) = await _app.NewAccountAsync();
        var draftId = await _app.AddDraftAsync("td-draft", userId, "en", TimeSpan.FromDays(1), submissionId: Guid.NewGuid());

        await _app.RunDraftSweepAsync();
        _app.Clock.Advance(TimeSpan.FromDays(2));
        await _app.RunDraftSweepAsync();

        Assert.Empty(_app.MailsAbout(email, Subject));
        Assert.NotNull(await DraftAsync(draftId));
    }
}

public sealed class DraftSweepSqliteTests() : DraftSweepTests(Provider.Sqlite);

public sealed class DraftSweepPostgresTests() : DraftSweepTests(Provider.Postgres);
