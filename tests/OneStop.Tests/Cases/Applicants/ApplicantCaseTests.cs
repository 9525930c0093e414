using System.Net;
using OneStop.Cases;
using OneStop.Cases.Calendar;
using OneStop.Cases.Engine;
using OneStop.Cases.Workflows;
using OneStop.Identity;
using OneStop.Tests.Identity;
using OneStop.Tests.Office;
using static OneStop.Tests.Cases.Applicants.ApplicantSteps;

namespace OneStop.Tests.Cases.Applicants;

/// <summary>
/// The applicant's side of a case through HTTP, as a browser without JavaScript: My applications, the
/// application's page and timeline, replying to a request, withdrawing, and nobody else seeing any of it.
/// The clock starts on Friday 27 November 2026, 10:00 in Hong Kong, so working days are known.
/// </summary>
public abstract class ApplicantCaseTests(Provider provider) : IAsyncLifetime
{
    private OneStopApp _app = null!;
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        if (provider == Provider.Postgres) PostgresServer.SkipIfUnavailable();
        _app = new OneStopApp(provider) { ClockStart = new DateTimeOffset(2026, 11, 27, 2, 0, 0, TimeSpan.Zero) };
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("", "Being processed", "11 December 2026")]
    [InlineData("/zh-hk", "處理中", "2026年12月11日")]
    [InlineData("/zh-cn", "处理中", "2026年12月11日")]
    public async Task MyApplications_OpenCase_ShowsStateAndLastDayInTheLanguage(string prefix, string state, string due)
    {
        var (client, _, c) = await _app.ApplicantWithCaseAsync();

        var (_, page) = await client.GetPageAsync(prefix + "/applications");

        var row = page.QuerySelector($"[data-reference='{c.Reference}']")!;
        Assert.Equal(state, row.QuerySelector("[data-state]")!.TextContent.Trim());
        Assert.Contains(due, row.QuerySelector("[data-next]")!.TextContent);
        Assert.Equal($"{prefix}/applications/sent/{c.Reference}", row.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task MyApplications_WaitingForReply_QuotesTheRequestAndLinksToReply()
    {
        var (client, _, c) = await _app.ApplicantWithCaseAsync();
        await _app.RequestInformationAsync(c, "Please send a clearer photo of the plate.");

        var (_, page) = await client.GetPageAsync("/applications");

        var row = page.QuerySelector($"[data-reference='{c.Reference}']")!;
        Assert.Equal("Waiting for your reply", row.QuerySelector("[data-state]")!.TextContent.Trim());
        Assert.Contains("Please send a clearer photo of the plate.", row.QuerySelector("[data-next]")!.TextContent);
        Assert.Equal($"/applications/sent/{c.Reference}/reply", row.QuerySelector("a[data-action]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Application_Timeline_ShowsRequestAndHidesInternalNotes()
    {
        var (client, _, c) = await _app.ApplicantWithCaseAsync();
        var officer = Officer();
        await _app.OfficerAsync((a, now) => a.AssignAsync(officer, now.Id, now.Revision, officer.UserId(), Cancel), c);
        await _app.OfficerAsync((a, now) => a.AddNoteAsync(officer, now.Id, "Applicant sounds cross; check the plate twice", Cancel), c);
        await _app.RequestInformationAsync(c, "Please send a clearer photo of the plate.");

        var (status, page) = await client.GetPageAsync(c.PagePath());

        Assert.Equal(200, status);
        var events = page.QuerySelectorAll("[data-timeline] [data-event]");
        Assert.Equal(["More information requested", "Application received"], events.Select(e => e.QuerySelector("h3")!.TextContent.Trim()));
        Assert.Equal("Please send a clearer photo of the plate.", events[0].QuerySelector("[data-quote]")!.TextContent.Trim());
        Assert.DoesNotContain("cross", page.Body!.TextContent);
        Assert.DoesNotContain(officer.UserId().ToString()!, page.Body.InnerHtml);
        Assert.Contains("Transport Department", events[0].TextContent);
        Assert.Equal("Please send a clearer photo of the plate.", page.QuerySelector("[data-request]")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("a[data-reply]"));
        Assert.Equal("AB 1234", page.QuerySelector("[data-field=plate] dd")!.TextContent.Trim());
    }

    [Fact]
    public async Task Reply_WithMessage_CaseBackInItsStateWithThePledgeMovedThenApproved()
    {
        var (client, email, c) = await _app.ApplicantWithCaseAsync();
        await _app.RequestInformationAsync(c, "Which car is this for?");
        _app.Clock.Advance(TimeSpan.FromDays(4)); // Tuesday 1 December: two working days with the applicant.
        (await client.SignInAsync(email)).Dispose();

        using var reply = await client.SubmitAsync(c.PagePath() + "/reply", new Dictionary<string, string> { ["Message"] = "The red one.", ["intent"] = "send" });

        Assert.Equal(c.PagePath() + "?replied=true", reply.Location());
        var after = await _app.CaseAsync(c.Reference);
        Assert.Equal("received", after.State);
        Assert.Equal(new DateOnly(2026, 12, 11), WorkingDays.LastDay(c.CaseDueAt));
        Assert.Equal(new DateOnly(2026, 12, 15), WorkingDays.LastDay(after.CaseDueAt));
        var replied = (await _app.TimelineAsync(c.Id))[^1];
        Assert.Equal((CaseEventKind.ApplicantReplied, "The red one."), (replied.Kind, await _app.DecryptAsync(replied.Text)));
        var (_, page) = await client.GetPageAsync(c.PagePath() + "?replied=true");
        Assert.Equal("replied", page.QuerySelector("[data-done]")!.GetAttribute("data-done"));
        Assert.Contains("15 December 2026", page.QuerySelector("[data-next]")!.TextContent);

        _app.Clock.Advance(TimeSpan.FromMinutes(10));
        await _app.OfficerAsync((a, now) => a.TakeAsync(Officer(), now.Id, new ActionInput("approve", now.Revision), Cancel), c);

        var (_, approved) = await client.GetPageAsync(c.PagePath());
        Assert.Equal("Approved", approved.QuerySelector("[data-state]")!.TextContent.Trim());
        Assert.Null(approved.QuerySelector("a[data-withdraw]"));
        Assert.Equal("Approved", approved.QuerySelector("[data-timeline] [data-event] h3")!.TextContent.Trim());
    }

    [Fact]
    public async Task Reply_Empty_ShowsTheErrorAndKeepsTheCaseWaiting()
    {
        var (client, _, c) = await _app.ApplicantWithCaseAsync();
        await _app.RequestInformationAsync(c, "Which car is this for?");

        using var reply = await client.SubmitAsync(c.PagePath() + "/reply", new Dictionary<string, string> { ["Message"] = "  ", ["intent"] = "send" });

        var page = await reply.ReadPageAsync();
        Assert.StartsWith("Error: ", page.Title);
        Assert.Equal(["Write your reply, or choose 'Change your answers'"], page.ErrorSummary());
        Assert.Equal(BuiltInStates.ReturnedId, (await _app.CaseAsync(c.Reference)).State);
    }

    [Fact]
    public async Task Reply_CaseChangedMeanwhile_SaysSoAndKeepsTheMessage()
    {
        var (client, _, c) = await _app.ApplicantWithCaseAsync();
        await _app.RequestInformationAsync(c, "Which car is this for?");
        var (_, form) = await client.GetPageAsync(c.PagePath() + "/reply");
        var officer = Officer();
        await _app.OfficerAsync((a, now) => a.AssignAsync(officer, now.Id, now.Revision, officer.UserId(), Cancel), c);

        using var reply = await client.SubmitAsync(form, c.PagePath() + "/reply", new Dictionary<string, string> { ["Message"] = "The red one.", ["intent"] = "send" });

        var page = await reply.ReadPageAsync();
        Assert.Equal(["Your application changed while you were looking at it. Check it below and try again."], page.ErrorSummary());
        Assert.Equal("The red one.", page.QuerySelector("textarea#Message")!.TextContent);
        Assert.Equal(BuiltInStates.ReturnedId, (await _app.CaseAsync(c.Reference)).State);
    }

    [Fact]
    public async Task Withdraw_Confirmed_EndsTheCase()
    {
        var (client, _, c) = await _app.ApplicantWithCaseAsync();

        using var withdraw = await client.SubmitAsync(c.PagePath() + "/withdraw", new Dictionary<string, string> { ["Reason"] = "Sold the car" });

        Assert.Equal(c.PagePath() + "?withdrawn=true", withdraw.Location());
        var after = await _app.CaseAsync(c.Reference);
        Assert.Equal((BuiltInStates.WithdrawnId, Outcome.Withdrawn), (after.State, after.Outcome));
        Assert.NotNull(after.ClosedAt);
        var (_, page) = await client.GetPageAsync(c.PagePath());
        Assert.Equal("Withdrawn", page.QuerySelector("[data-state]")!.TextContent.Trim());
        Assert.Equal("Sold the car", page.QuerySelector("[data-timeline] [data-quote]")!.TextContent.Trim());
        Assert.Null(page.QuerySelector("a[data-withdraw]"));
        using var again = await client.GetAsync(c.PagePath() + "/withdraw", Cancel);
        Assert.Equal(c.PagePath(), again.Location());
    }

    [Fact]
    public async Task Withdraw_CaseMovedMeanwhile_ShowsStaleAndLeavesItOpen()
    {
        var (client, _, c) = await _app.ApplicantWithCaseAsync();
        var (_, form) = await client.GetPageAsync(c.PagePath() + "/withdraw");
        await _app.RequestInformationAsync(c, "Which car is this for?");

        using var withdraw = await client.SubmitAsync(form, c.PagePath() + "/withdraw", new Dictionary<string, string>());

        var page = await withdraw.ReadPageAsync();
        Assert.Equal(["Your application changed while you were looking at it. Check it below and try again."], page.ErrorSummary());
        Assert.Null((await _app.CaseAsync(c.Reference)).ClosedAt);
    }

    [Fact]
    public async Task AnotherPersonsApplication_EveryUrl_NotFound()
    {
        var (_, _, c) = await _app.ApplicantWithCaseAsync();
        await _app.RequestInformationAsync(c, "Which car is this for?");
        var stranger = _app.NewBrowser();
        await stranger.SignedInAsync(_app);
        var (_, start) = await stranger.GetPageAsync("/services/report-a-food-safety-or-hygiene-problem/apply");
        var token = start.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value");

        foreach (var path in new[] { c.PagePath(), c.PagePath() + "/reply", c.PagePath() + "/withdraw" })
        {
            using var get = await stranger.GetAsync(path, Cancel);
            Assert.True(get.StatusCode == HttpStatusCode.NotFound, $"GET {path}: {get.StatusCode}");
        }
        foreach (var (path, fields) in new[]
                 {
                     (c.PagePath() + "/reply", new[] { ("Message", "Mine now"), ("intent", "send"), ("Revision", "0") }),
                     (c.PagePath() + "/reply", new[] { ("Message", "Mine now"), ("intent", "amend"), ("Revision", "0") }),
                     (c.PagePath() + "/withdraw", new[] { ("Revision", "0") }),
                 })
        {
            using var post = await stranger.PostFormAsync(path, token, fields);
            Assert.True(post.StatusCode == HttpStatusCode.NotFound, $"POST {path}: {post.StatusCode}");
        }
        Assert.Equal(BuiltInStates.ReturnedId, (await _app.CaseAsync(c.Reference)).State);
    }
}

public sealed class ApplicantCaseSqliteTests() : ApplicantCaseTests(Provider.Sqlite);

public sealed class ApplicantCasePostgresTests() : ApplicantCaseTests(Provider.Postgres);
