using OneStop.Cases;
using OneStop.Cases.Calendar;
using OneStop.Notifications;
using OneStop.Platform.Localisation;
using OneStop.Tests.Cases.Applicants;
using OneStop.Tests.Identity;
using OneStop.Tests.Notifications;
using OneStop.Tests.Office.Cases;

namespace OneStop.Tests.Cases;

/// <summary>
/// The whole journey through the pages people use: an application is sent, the officer asks for more
/// information, the applicant answers, the officer approves, and the applicant — who reads Traditional
/// Chinese and asked for text messages — is told each step by SMS in Chinese, with a copy in their inbox.
/// </summary>
public abstract class FullJourneyTests(Provider provider) : IAsyncLifetime
{
    private NotificationsApp _app = null!;

    public ValueTask InitializeAsync()
    {
        if (provider == Provider.Postgres) PostgresServer.SkipIfUnavailable();
        // Friday 27 November 2026, 10:00 in Hong Kong.
        _app = new NotificationsApp(provider) { ClockStart = new DateTimeOffset(2026, 11, 27, 2, 0, 0, TimeSpan.Zero) };
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Journey_RequestReplyApprove_ApplicantToldEachStepInTheirLanguageByTheirChannel()
    {
        var (applicantId, email) = await _app.CitizenAsync(Language.ZhHk);
        var applicant = await _app.SignedInAsync(email);
        var phone = NotificationSteps.NewPhone();
        await applicant.ChooseAsync(NotificationChannels.Sms, phone);
        var c = await _app.NewCaseAsync(applicantId, language: "zh-HK");
        _app.Clock.Advance(TimeSpan.FromHours(1));
        // Staff sessions end after a short idle time, so the officer signs in when they come to the case.
        var (officer, _, officerEmail) = await _app.OfficerAsync();

        // The officer asks; the text tells the applicant what is needed, in Chinese.
        using (var asked = await officer.PostCaseAsync(c.Reference, "Request", ("Question", "請提供保險單副本")))
            Assert.Equal($"/office/cases/{c.Reference}", asked.Location()?.Split('?')[0]);
        await _app.RunOutboxAsync();
        var request = Assert.Single(_app.TextsTo("+852" + phone), t => t.Contains("需要補交資料"));
        Assert.Contains(c.Reference, request);
        Assert.Contains("/zh-hk/applications/sent/" + c.Reference, request);

        // The applicant replies on Tuesday: two working days with them.
        _app.Clock.Advance(TimeSpan.FromDays(4));
        (await applicant.SignInAsync(email)).Dispose();
        using (var replied = await applicant.SubmitAsync($"/applications/sent/{c.Reference}/reply",
                   new Dictionary<string, string> { ["Message"] = "已上載保險單。", ["intent"] = "send" }))
            Assert.Equal($"/applications/sent/{c.Reference}?replied=true", replied.Location());
        var back = await _app.CaseAsync(c.Reference);
        Assert.Equal("received", back.State);
        Assert.Equal(new DateOnly(2026, 12, 15), WorkingDays.LastDay(back.CaseDueAt));

        // The officer sees the reply and approves.
        _app.Clock.Advance(TimeSpan.FromHours(2));
        (officer, _, _) = await _app.SignInAgainAsync(officerEmail);
        var page = await officer.PageAsync($"/office/cases/{c.Reference}");
        Assert.Contains("已上載保險單。", page.QuerySelector("[data-timeline] > li[data-event=ApplicantReplied]")!.TextContent);
        using (await officer.PostCaseAsync(c.Reference, "Take&actionId=approve")) { }
        await _app.RunOutboxAsync();

        var closed = await _app.CaseAsync(c.Reference);
        Assert.Equal(OneStop.Cases.Workflows.Outcome.Approved, closed.Outcome);
        var texts = _app.TextsTo("+852" + phone);
        Assert.Single(texts, t => t.Contains("需要補交資料"));
        Assert.Single(texts, t => t.Contains("已獲批准"));
        // Texts, not emails, because that is what they chose; every step is in their inbox too.
        Assert.DoesNotContain(_app.To(email), m => (m.Subject ?? "").Contains("批准"));
        var inbox = await _app.InboxOfAsync(applicantId);
        Assert.True(inbox.Count >= 4, $"{inbox.Count} inbox messages");
        Assert.All(inbox, m => Assert.Equal(c.Id, m.CaseId));
    }
}

public sealed class FullJourneySqliteTests() : FullJourneyTests(Provider.Sqlite);

public sealed class FullJourneyPostgresTests() : FullJourneyTests(Provider.Postgres);
