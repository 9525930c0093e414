using OneStop.Cases;
using OneStop.Cases.Workflows;
using OneStop.Identity.Staff;
using OneStop.Tests.Cases;
using OneStop.Tests.Identity;
using OneStop.Tests.Identity.Staff;

namespace OneStop.Tests.Office.Cases;

/// <summary>The work queue at /office/cases: order, figures, filters, keyset paging that keeps the filters, and claiming.</summary>
public abstract class QueuePageTests(Provider provider) : IAsyncLifetime
{
    private OneStopApp _app = null!;

    public ValueTask InitializeAsync()
    {
        if (provider == Provider.Postgres) PostgresServer.SkipIfUnavailable();
        _app = new SmallPagesApp(provider) { ClockStart = new DateTimeOffset(2026, 11, 23, 2, 0, 0, TimeSpan.Zero) };
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task<List<Case>> CasesAsync(int count, string service = "td-case-service")
    {
        var cases = new List<Case>();
        for (var i = 0; i < count; i++)
        {
            cases.Add(await _app.NewCaseAsync(null, service));
            _app.Clock.Advance(TimeSpan.FromHours(25));
        }
        return cases;
    }

    [Fact]
    public async Task Queue_DepartmentsOpenCases_ListedSoonestDueFirstWithFigures()
    {
        var cases = await CasesAsync(3);
        var (officer, _, _) = await _app.OfficerAsync();

        var page = await officer.PageAsync("/office/cases");

        Assert.Equal(cases.OrderBy(c => c.DueAt).ThenBy(c => c.Reference, StringComparer.Ordinal).Select(c => c.Reference), page.QueueReferences());
        Assert.Equal("3", page.QuerySelector("[data-count=open] dd")!.TextContent.Trim());
        Assert.Equal("3", page.QuerySelector("[data-count=unassigned] dd")!.TextContent.Trim());
        Assert.Equal("0", page.QuerySelector("[data-count=mine] dd")!.TextContent.Trim());
        Assert.Equal("3", page.QuerySelector("[data-count-state=received] dd")!.TextContent.Trim());
        Assert.Contains("Being processed", page.QuerySelector("[data-count-state=received] dt")!.TextContent);
        Assert.Equal(3, page.QuerySelectorAll("table[data-queue] button").Length);
        Assert.Null(page.QuerySelector("[data-overdue]"));
    }

    [Fact]
    public async Task Queue_Filters_NarrowByAssigneeServiceStateAndDue()
    {
        var cases = await CasesAsync(2);
        var other = await _app.NewCaseAsync(null, "td-other-service");
        var (officer, _, _) = await _app.OfficerAsync();
        using (var claim = await officer.SubmitAsync("/office/cases", new Dictionary<string, string> { ["caseId"] = cases[0].Id.ToString() }, "Claim"))
            Assert.Equal("/office/cases", claim.Location());
        using (var returned = await officer.PostCaseAsync(cases[1].Reference, "Request", ("Question", "Send the insurance note")))
            Assert.Equal($"/office/cases/{cases[1].Reference}", returned.Location());

        Assert.Equal([cases[0].Reference], (await officer.PageAsync("/office/cases?assignee=me")).QueueReferences());
        Assert.Equal([other.Reference], (await officer.PageAsync("/office/cases?assignee=unassigned")).QueueReferences());
        Assert.Equal([other.Reference], (await officer.PageAsync("/office/cases?service=td-other-service")).QueueReferences());
        Assert.Equal([cases[1].Reference], (await officer.PageAsync("/office/cases?view=waiting")).QueueReferences());
        Assert.Equal([cases[1].Reference], (await officer.PageAsync($"/office/cases?view=waiting&state={BuiltInStates.ReturnedId}")).QueueReferences());
        Assert.Empty((await officer.PageAsync("/office/cases?due=overdue")).QueueReferences());
        Assert.NotNull((await officer.PageAsync("/office/cases?due=overdue")).QuerySelector("[data-empty]"));

        _app.Clock.Advance(TimeSpan.FromDays(30));
        (officer, _, _) = await _app.OfficerAsync();
        var overdue = await officer.PageAsync("/office/cases?due=overdue");
        Assert.Equal(new[] { cases[0], other }.OrderBy(c => c.DueAt).Select(c => c.Reference), overdue.QueueReferences());
        Assert.Equal(2, overdue.QuerySelectorAll("[data-overdue]").Length);
        Assert.Equal("1", overdue.QuerySelector("[data-count=waiting] dd")!.TextContent.Trim());
    }

    [Fact]
    public async Task Queue_MoreThanOnePage_NextAndPreviousKeepTheFilters()
    {
        var cases = await CasesAsync(7);
        await _app.NewCaseAsync(null, "td-other-service");
        var expected = cases.OrderBy(c => c.DueAt).ThenBy(c => c.Reference, StringComparer.Ordinal).Select(c => c.Reference).ToList();
        var (officer, _, _) = await _app.OfficerAsync();

        var first = await officer.PageAsync("/office/cases?service=td-case-service");
        var next = first.QuerySelector(".govuk-pagination__next a")!.GetAttribute("href")!;
        var second = await officer.PageAsync(next);
        var previous = second.QuerySelector(".govuk-pagination__prev a")!.GetAttribute("href")!;
        var back = await officer.PageAsync(previous);

        Assert.Equal(expected.Take(5), first.QueueReferences());
        Assert.Null(first.QuerySelector(".govuk-pagination__prev"));
        Assert.Contains("service=td-case-service", next);
        Assert.Equal(expected.Skip(5), second.QueueReferences());
        Assert.Null(second.QuerySelector(".govuk-pagination__next"));
        Assert.Contains("service=td-case-service", previous);
        Assert.Equal(expected.Take(5), back.QueueReferences());
    }

    [Fact]
    public async Task Claim_UnassignedCase_IsMineAndTheQueueSaysSo()
    {
        var c = await _app.NewCaseAsync(null);
        var (officer, me, email) = await _app.OfficerAsync();

        using var claim = await officer.SubmitAsync("/office/cases?assignee=unassigned", new Dictionary<string, string> { ["caseId"] = c.Id.ToString() }, "Claim");
        var after = await officer.PageAsync(claim.Location());

        Assert.Equal("/office/cases?assignee=unassigned", claim.Location());
        Assert.Equal(me, (await _app.CaseAsync(c.Reference)).AssigneeId);
        Assert.Contains(c.Reference, after.QuerySelector(".govuk-notification-banner--success")!.TextContent);
        Assert.Empty(after.QueueReferences());
        Assert.Equal(email, (await officer.PageAsync("/office/cases")).QuerySelector($"tr[data-case='{c.Reference}'] [data-assignee]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Claim_CaseSomeoneElseHas_RefusedWithANotice()
    {
        var c = await _app.NewCaseAsync(null);
        var (first, firstId, _) = await _app.OfficerAsync();
        var (second, _, _) = await _app.OfficerAsync();
        var stalePage = await second.PageAsync("/office/cases");
        using (await first.SubmitAsync("/office/cases", new Dictionary<string, string> { ["caseId"] = c.Id.ToString() }, "Claim")) { }

        using var late = await second.SubmitAsync(stalePage, "/office/cases", new Dictionary<string, string> { ["caseId"] = c.Id.ToString() }, "Claim");

        Assert.NotNull((await second.PageAsync(late.Location())).QuerySelector("[data-claim-failed]"));
        Assert.Equal(firstId, (await _app.CaseAsync(c.Reference)).AssigneeId);
    }

    [Fact]
    public async Task Queue_OfficerOfAnotherDepartment_SeesNone()
    {
        await CasesAsync(2);
        var (fehd, _, _) = await _app.OfficerAsync(StaffRole.Officer, "FEHD");

        var page = await fehd.PageAsync("/office/cases");

        Assert.Empty(page.QueueReferences());
        Assert.Equal("0", page.QuerySelector("[data-count=open] dd")!.TextContent.Trim());
    }

    [Fact]
    public async Task Queue_Citizen_IsRefused()
    {
        await _app.NewCaseAsync(null);
        var citizen = _app.NewBrowser();
        await citizen.SignedInAsync(_app);

        using var response = await citizen.GetAsync("/office/cases", TestContext.Current.CancellationToken);

        Assert.Equal("forbidden", response.Outcome());
    }
}

public sealed class QueuePageTests_Sqlite() : QueuePageTests(Provider.Sqlite);

public sealed class QueuePageTests_Postgres() : QueuePageTests(Provider.Postgres);
