using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Cases;
using OneStop.Cases.Engine;
using OneStop.Cases.Workflows;
using OneStop.Identity.Staff;
using OneStop.Tests.Cases;
using OneStop.Tests.Cases.Engine;
using OneStop.Tests.Identity.Staff;

namespace OneStop.Tests.Office.Cases;

/// <summary>The case page: what it shows, the moves it makes through the case engine, and what it refuses.</summary>
public abstract class CasePageTests(Provider provider) : IAsyncLifetime
{
    private OneStopApp _app = null!;
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        if (provider == Provider.Postgres) PostgresServer.SkipIfUnavailable();
        _app = new OneStopApp(provider) { ClockStart = new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero) };
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    /// <summary>The sample licence workflow, with rejection needing an internal note as well as a reason.</summary>
    private async Task<Case> LicenceCaseAsync()
    {
        var licence = WorkflowCheckTests.Licence();
        var workflow = licence with
        {
            Actions = [.. licence.Actions.Select(a => a.Id == "reject" ? a with { Requires = new Requirements { Reason = true, Note = true } } : a)],
        };
        await _app.PublishWorkflowAsync("td-licence", "TD", workflow);
        return await _app.NewCaseAsync(null, "td-licence");
    }

    [Fact]
    public async Task CasePage_AccountApplicant_ShowsAnswersDetailsAndTimelineAndAuditsTheView()
    {
        var email = await _app.NewAccountAsync();
        var c = await _app.NewCaseAsync(await _app.UserIdAsync(email));
        var (officer, me, _) = await _app.OfficerAsync();

        var page = await officer.PageAsync($"/office/cases/{c.Reference}");

        Assert.Equal(c.Reference, page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("AB 1234", page.QuerySelector("[data-field=plate] .govuk-summary-list__value")!.TextContent.Trim());
        Assert.Contains(email, page.QuerySelector("[data-detail='office.cases.applicant.email']")!.TextContent);
        Assert.NotNull(page.QuerySelector("[data-detail='office.cases.applicant.email'] [data-verified]"));
        Assert.Equal("basic", page.QuerySelector("[data-identity]")!.GetAttribute("data-identity"));
        Assert.Equal(["Received"], page.QuerySelectorAll("[data-timeline] > li").Select(li => li.GetAttribute("data-event")));
        Assert.Equal(["approve", "reject", "request-information"], page.QuerySelectorAll("form[data-move]").Select(f => f.GetAttribute("data-move")));
        Assert.NotNull(page.QuerySelector("section[data-notifications]"));
        var viewed = Assert.Single(await _app.AuditOfAsync(CaseAuditEvents.AnswersViewed, c.Reference));
        Assert.Equal(me, viewed.ActorId);
    }

    [Fact]
    public async Task CasePage_ApplicantWasTold_ShowsEachDeliveryAndItsStatus()
    {
        var email = await _app.NewAccountAsync();
        var c = await _app.NewCaseAsync(await _app.UserIdAsync(email));
        // Opening the case queued "we have received it"; this pass sends it.
        await _app.Services.GetRequiredService<OneStop.Platform.Outbox.OutboxDispatcher>().RunOnceAsync(Cancel);
        var (officer, _, _) = await _app.OfficerAsync();

        var page = await officer.PageAsync($"/office/cases/{c.Reference}");

        var rows = page.QuerySelectorAll("section[data-notifications] table[data-deliveries] tbody tr");
        Assert.Equal(["email:sent", "inbox:sent"], rows.Select(r => $"{r.GetAttribute("data-channel")}:{r.GetAttribute("data-status")}").Order());
    }

    [Fact]
    public async Task CasePage_Guest_ShowsTheContactAddressTheyGave()
    {
        var c = await _app.NewCaseAsync(null, contactEmail: "guest-applicant@example.com");
        var (officer, _, _) = await _app.OfficerAsync();

        var page = await officer.PageAsync($"/office/cases/{c.Reference}");

        Assert.Equal("guest", page.QuerySelector("[data-identity]")!.GetAttribute("data-identity"));
        Assert.Contains("guest-applicant@example.com", page.QuerySelector("[data-applicant]")!.TextContent);
    }

    [Fact]
    public async Task Assign_BySupervisor_HandsTheCaseToAnOfficer()
    {
        var c = await _app.NewCaseAsync(null);
        var (_, officerId, officerEmail) = await _app.OfficerAsync();
        var (supervisor, _, _) = await _app.OfficerAsync(StaffRole.Supervisor);

        using var assign = await supervisor.PostCaseAsync(c.Reference, "Assign", ("Assignee", officerId.ToString()));
        var page = await supervisor.PageAsync(assign.Location());

        Assert.Equal(officerId, (await _app.CaseAsync(c.Reference)).AssigneeId);
        Assert.Equal(officerEmail, page.QuerySelector("[data-summary] [data-assignee]")!.TextContent.Trim());
        var line = page.QuerySelector("[data-timeline] > li[data-event=Assigned]")!;
        Assert.NotNull(line.QuerySelector("[data-internal-tag]"));
        Assert.Contains(officerEmail, line.TextContent);
    }

    [Fact]
    public async Task Assign_ByOfficerToSomeoneElse_IsRefused()
    {
        var c = await _app.NewCaseAsync(null);
        var (_, colleague, _) = await _app.OfficerAsync();
        var (officer, _, _) = await _app.OfficerAsync();

        using var assign = await officer.PostCaseAsync(c.Reference, "Assign", ("Assignee", colleague.ToString()));
        var page = await assign.ReadPageAsync();

        Assert.Equal(HttpStatusCode.OK, assign.StatusCode);
        Assert.Equal(["Your role does not allow this action"], page.ErrorSummary());
        Assert.Null((await _app.CaseAsync(c.Reference)).AssigneeId);
        Assert.Null(page.QuerySelector("form[data-assign]"));
    }

    [Fact]
    public async Task Take_RequiredReasonMissing_ErrorSummaryKeepsTheNote()
    {
        var c = await LicenceCaseAsync();
        var (officer, _, _) = await _app.OfficerAsync();

        using var missing = await officer.PostCaseAsync(c.Reference, "Take&actionId=reject", ("Reason", ""), ("Note", "Checked the register twice"));
        var page = await missing.ReadPageAsync();

        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        Assert.StartsWith("Error: ", page.Title);
        Assert.Equal(["Enter a reason"], page.ErrorSummary());
        Assert.Equal("#reject-reason", page.QuerySelector(".govuk-error-summary__list a")!.GetAttribute("href"));
        Assert.Equal("Checked the register twice", page.QuerySelector("textarea#reject-note")!.TextContent);
        Assert.Equal("check", (await _app.CaseAsync(c.Reference)).State);

        using var taken = await officer.PostCaseAsync(c.Reference, "Take&actionId=reject", ("Reason", "The vehicle is not registered"), ("Note", "Checked the register twice"));
        var after = await officer.PageAsync(taken.Location());

        var closed = await _app.CaseAsync(c.Reference);
        Assert.Equal(("rejected", Outcome.Rejected), (closed.State, closed.Outcome));
        var moved = after.QuerySelector("[data-timeline] > li[data-event=Moved]")!;
        Assert.Contains("The vehicle is not registered", moved.QuerySelector("[data-text]")!.TextContent);
        Assert.Contains("From ‘Document check’ to ‘Rejected’", moved.TextContent);
        var note = after.QuerySelector("[data-timeline] > li[data-event=Note]")!;
        Assert.Equal("true", note.GetAttribute("data-internal"));
        Assert.Equal("Checked the register twice", note.QuerySelector("[data-text]")!.TextContent);
        Assert.Empty(after.QuerySelectorAll("form[data-move]"));
    }

    [Fact]
    public async Task RequestInformation_WithAQuestion_CaseWaitsForTheApplicant()
    {
        var c = await _app.NewCaseAsync(null);
        var (officer, _, _) = await _app.OfficerAsync();

        using (var empty = await officer.PostCaseAsync(c.Reference, "Request", ("Question", " ")))
            Assert.Equal(["Enter a reason"], (await empty.ReadPageAsync()).ErrorSummary());
        using var returned = await officer.PostCaseAsync(c.Reference, "Request", ("Question", "Send a copy of the insurance note"));
        var page = await officer.PageAsync(returned.Location());

        var waiting = await _app.CaseAsync(c.Reference);
        Assert.Equal((BuiltInStates.ReturnedId, (DateTime?)null), (waiting.State, waiting.DueAt));
        Assert.Equal("Waiting for the applicant", page.QuerySelector("[data-state]")!.TextContent.Trim());
        Assert.Contains("Send a copy of the insurance note", page.QuerySelector("[data-timeline] > li[data-event=ReturnedToApplicant]")!.TextContent);
        Assert.NotNull(page.QuerySelector("[data-no-moves]"));
    }

    [Fact]
    public async Task Note_Added_IsInTheTimelineMarkedInternal()
    {
        var c = await _app.NewCaseAsync(null);
        var (officer, _, _) = await _app.OfficerAsync();

        using var noted = await officer.PostCaseAsync(c.Reference, "Note", ("Note", "Phoned the garage"));
        var page = await officer.PageAsync(noted.Location());

        var line = page.QuerySelector("[data-timeline] > li[data-event=Note]")!;
        Assert.Equal("Phoned the garage", line.QuerySelector("[data-text]")!.TextContent);
        Assert.NotNull(line.QuerySelector("[data-internal-tag]"));
        Assert.Single(await _app.AuditOfAsync(CaseAuditEvents.NoteAdded, c.Reference));
    }

    [Fact]
    public async Task Take_SecondPostWithTheOldRevision_SaysTheCaseChanged()
    {
        var c = await _app.NewCaseAsync(null);
        var (officer, _, _) = await _app.OfficerAsync();
        var url = $"/office/cases/{c.Reference}";
        var opened = await officer.PageAsync(url);
        using (var first = await officer.SubmitAsync(opened, url, new Dictionary<string, string>(), "Take&actionId=approve"))
            Assert.Equal(url, first.Location());

        using var second = await officer.SubmitAsync(opened, url, new Dictionary<string, string>(), "Take&actionId=approve");
        var page = await second.ReadPageAsync();

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(["This case changed since you opened it. Check it again below; what you typed is kept."], page.ErrorSummary());
        Assert.Single(await _app.AuditOfAsync(CaseAuditEvents.Moved, c.Reference));
    }

    [Fact]
    public async Task CasePage_AfterTheApplicantAmended_MarksTheChangedAnswers()
    {
        var c = await _app.NewCaseAsync(null);
        var (officer, _, _) = await _app.OfficerAsync();
        using (await officer.PostCaseAsync(c.Reference, "Request", ("Question", "Check the plate number"))) { }
        // The applicant's side (another slice's pages) replies through the engine, naming the fields it changed.
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var waiting = await _app.CaseAsync(c.Reference);
            var result = await scope.ServiceProvider.GetRequiredService<CaseActions>().ReplyAsync(
                await scope.ServiceProvider.GetRequiredService<OneStop.Platform.Database.OneStopDb>().Set<Case>().FindAsync([c.Id], Cancel) ?? throw new InvalidOperationException(),
                null, waiting.Revision, "Fixed it", ["plate"], Cancel);
            Assert.IsType<CaseResult.Done>(result);
        }

        var page = await officer.PageAsync($"/office/cases/{c.Reference}");

        Assert.NotNull(page.QuerySelector("[data-field=plate] [data-changed]"));
        Assert.Equal("received", page.QuerySelector("[data-state]")!.GetAttribute("data-state"));
        Assert.Contains("Fixed it", page.QuerySelector("[data-timeline] > li[data-event=ApplicantReplied]")!.TextContent);
    }

    [Fact]
    public async Task CaseUrls_OfficerOfAnotherDepartment_AllNotFound()
    {
        var c = await _app.NewCaseAsync(null);
        var (td, _, _) = await _app.OfficerAsync();
        var fileLink = $"/office/cases/{c.Reference}/files/{Guid.NewGuid()}";
        var (fehd, _, _) = await _app.OfficerAsync(StaffRole.Supervisor, "FEHD");
        var token = await fehd.TokenAsync();

        using var page = await fehd.GetAsync($"/office/cases/{c.Reference}", Cancel);
        using var file = await fehd.GetAsync(fileLink, Cancel);
        var posts = new List<HttpStatusCode>();
        foreach (var handler in new[] { "Assign", "Note", "Request", "Take&actionId=approve" })
        {
            using var post = await fehd.PostFormAsync($"/office/cases/{c.Reference}?handler={handler}", token,
                ("Revision", "0"), ("Assignee", "me"), ("Note", "x"), ("Question", "x"));
            posts.Add(post.StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, file.StatusCode);
        Assert.All(posts, status => Assert.Equal(HttpStatusCode.NotFound, status));
        var unchanged = await _app.CaseAsync(c.Reference);
        Assert.Equal((0, (Guid?)null, "received"), (unchanged.Revision, unchanged.AssigneeId, unchanged.State));
        Assert.Equal(HttpStatusCode.OK, (await td.GetAsync($"/office/cases/{c.Reference}", Cancel)).StatusCode);
    }
}

public sealed class CasePageTests_Sqlite() : CasePageTests(Provider.Sqlite);

public sealed class CasePageTests_Postgres() : CasePageTests(Provider.Postgres);
