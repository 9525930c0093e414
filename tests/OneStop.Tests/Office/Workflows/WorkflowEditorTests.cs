using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Cases;
using OneStop.Cases.Workflows;
using OneStop.Identity.Staff;
using OneStop.Platform.Localisation;
using OneStop.Tests.Cases;
using static OneStop.Tests.Forms.Editor.EditorSteps;
using static OneStop.Tests.Office.Workflows.WorkflowSteps;

namespace OneStop.Tests.Office.Workflows;

/// <summary>Department administrators change a service's workflow in the back office, see its problems, and publish it.</summary>
public abstract class WorkflowEditorTests(Provider provider) : IAsyncLifetime
{
    private OneStopApp _app = null!;
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        if (provider == Provider.Postgres) PostgresServer.SkipIfUnavailable();
        _app = new OneStopApp(provider);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }

    /// <summary>A draft with an inspection state reached from "received" but with no way on: one problem, noWayToEnd.</summary>
    private async Task<HttpClient> DraftWithAStrandedStateAsync()
    {
        var (admin, _) = await _app.SignedInStaffAsync(StaffRole.DepartmentAdmin, "TD");
        using (var started = await admin.EditAsync(Editor, handler: "Start"))
            Assert.Equal(Editor, started.Location());
        using (var state = await admin.EditAsync(Editor + "/states", changes: [("Id", "inspection"), .. Words("Name", "Inspection"), ("WorkingDays", "3"), ("End", "")]))
            Assert.Equal(Editor, state.Location());
        using (var action = await admin.EditAsync(Editor + "/actions?from=received", changes:
               [("Id", "inspect"), .. Words("Name", "Send to inspection"), ("To", "inspection"), ("Role", "officer"), ("RequiresNote", "true")]))
            Assert.Equal(Editor, action.Location());
        return admin;
    }

    [Fact]
    public async Task Editor_AddStateAndAction_SavesThemInADraftAndKeepsTheDefaultRunning()
    {
        await DraftWithAStrandedStateAsync();

        var draft = await _app.DraftDefinitionAsync();
        var state = draft.State("inspection")!;
        var action = draft.Action("inspect")!;
        Assert.Equal(("Inspection", "Inspection（繁）", "Inspection（简）", 3, false), (state.Name.En, state.Name.ZhHk, state.Name.ZhCn, state.WorkingDays, state.IsEnd));
        Assert.Equal(["received"], action.From);
        Assert.Equal(("inspection", "officer", true, false), (action.To, action.Role, action.Requires!.Note, action.Requires.Reason));
        var versions = await _app.WorkflowVersionsAsync();
        Assert.Equal([(1, WorkflowState.Draft)], versions.Select(v => (v.Version, v.State)));
        Assert.True(await _app.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Event == WorkflowStore.DraftSaved && a.TargetId == Service, Cancel)));
        var (_, list) = await (await _app.SignedInStaffAsync(StaffRole.DepartmentAdmin, "TD")).Client.GetPageAsync("/office/workflows");
        var row = list.QuerySelector($"[data-service={Service}]")!;
        Assert.Equal(("0", "1", "1"), (row.QuerySelector("[data-published]")!.GetAttribute("data-published"),
            row.QuerySelector("[data-draft]")!.GetAttribute("data-draft"), row.QuerySelector("[data-problems]")!.GetAttribute("data-problems")));
    }

    [Theory]
    [InlineData("", "en")]
    [InlineData("/zh-hk", "zh-HK")]
    [InlineData("/zh-cn", "zh-CN")]
    public async Task Problems_StateThatCannotReachAnEnd_AreShownInTheAdminsLanguageWithALinkToIt(string prefix, string tag)
    {
        var admin = await DraftWithAStrandedStateAsync();
        var language = Languages.All.Single(l => l.Tag() == tag);
        var text = _app.Services.GetRequiredService<Text>();

        var (status, page) = await admin.GetPageAsync(prefix + Editor);

        Assert.Equal(200, status);
        var problem = Assert.Single(page.QuerySelectorAll("#problems li"));
        Assert.Equal("noWayToEnd", problem.GetAttribute("data-code"));
        Assert.Contains(string.Format(CultureInfo.InvariantCulture, text.Get(language, "cases.check.noWayToEnd"), "inspection"), problem.TextContent);
        Assert.Equal(prefix + Editor + "/states/inspection#Name", problem.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Publish_WithProblemsRefusedThenFixed_NewCasesStartOnItAndEarlierCasesKeepTheirs()
    {
        var earlier = await _app.NewCaseAsync(null, serviceSlug: Service);
        var admin = await DraftWithAStrandedStateAsync();

        using (var refused = await admin.PostFormAsync(Editor + "/publish", await admin.TokenAsync(Editor)))
        {
            var page = await refused.ReadPageAsync();
            Assert.Equal(200, (int)refused.StatusCode);
            Assert.NotNull(page.QuerySelector(".govuk-error-summary a[href='#problems']"));
            Assert.Equal("noWayToEnd", page.QuerySelector("#problems li")!.GetAttribute("data-code"));
        }
        Assert.Null(await _app.QueryAsync(db => db.Set<Workflow>().Where(w => w.ServiceSlug == Service).Select(w => w.PublishedVersion).SingleAsync(Cancel)));

        // Approving is also possible after the inspection: every state now reaches an end.
        using (var fixedAction = await admin.EditAsync(Editor + "/actions/approve", changes: [("From", "received"), ("From", "inspection")]))
            Assert.Equal(Editor, fixedAction.Location());
        var (_, publishPage) = await admin.GetPageAsync(Editor + "/publish");
        Assert.Empty(publishPage.QuerySelectorAll("#problems li"));
        using (var published = await admin.EditAsync(Editor + "/publish"))
            Assert.Equal(Editor, published.Location());

        var later = await _app.NewCaseAsync(null, serviceSlug: Service);
        Assert.Equal((1, "received"), (later.WorkflowVersion, later.State));
        Assert.Equal(DefaultWorkflow.Version, (await _app.CaseAsync(earlier.Reference)).WorkflowVersion);
        Assert.Equal([(1, WorkflowState.Published)], (await _app.WorkflowVersionsAsync()).Select(v => (v.Version, v.State)));
        Assert.True(await _app.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Event == WorkflowStore.Published && a.TargetId == Service, Cancel)));
        var (_, show) = await admin.GetPageAsync(Editor);
        Assert.Equal("1", show.QuerySelector("[data-running]")!.GetAttribute("data-running"));
        Assert.Contains("Send to inspection → Inspection", show.QuerySelector("[data-flow=received]")!.TextContent);
    }

    [Fact]
    public async Task Json_DownloadedAndUploaded_GivesTheSameDraftAndUnreadableTextIsRefused()
    {
        var admin = await DraftWithAStrandedStateAsync();
        var json = await admin.GetStringAsync(Editor + "/versions/1/json", Cancel);

        using (var unreadable = await admin.UploadWorkflowAsync(text: """{ "start": "received", "states": [] }"""))
        {
            var page = await unreadable.ReadPageAsync();
            Assert.Equal(200, (int)unreadable.StatusCode);
            Assert.NotNull(page.QuerySelector(".govuk-error-summary a[href='#Json']"));
            Assert.Contains("\"start\": \"received\"", page.QuerySelector("#Json")!.TextContent);
        }
        Assert.Equal(json, (await _app.WorkflowVersionsAsync()).Single().Definition);

        using (var changed = await admin.EditAsync(Editor + "/states/inspection", changes: Words("Name", "Renamed")))
            Assert.Equal(Editor, changed.Location());
        using (var uploaded = await admin.UploadWorkflowAsync(file: json))
            Assert.Equal(Editor, uploaded.Location());

        Assert.Equal(json, (await _app.WorkflowVersionsAsync()).Single().Definition);
        Assert.True(await _app.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Event == "cases.workflow-uploaded" && a.TargetId == Service, Cancel)));
    }

    [Fact]
    public async Task Editor_StateStillUsed_IsNotRemoved()
    {
        var admin = await DraftWithAStrandedStateAsync();

        using var refused = await admin.EditAsync(Editor, handler: "DeleteState", changes: [("Item", "inspection")]);

        Assert.Equal(200, (int)refused.StatusCode);
        Assert.NotNull((await _app.DraftDefinitionAsync()).State("inspection"));
    }

    [Fact]
    public async Task Editor_AnotherDepartmentsService_IsNotFoundAndAnOfficerIsRefused()
    {
        var (fehdAdmin, _) = await _app.SignedInStaffAsync(StaffRole.DepartmentAdmin, "FEHD");
        var (officer, _) = await _app.SignedInStaffAsync(StaffRole.Officer, "TD");

        var (listStatus, list) = await fehdAdmin.GetPageAsync("/office/workflows");
        using var other = await fehdAdmin.GetAsync(Editor, Cancel);
        using var otherPost = await fehdAdmin.PostFormAsync(Editor + "?handler=Start", await fehdAdmin.TokenAsync());
        using var officerGet = await officer.GetAsync("/office/workflows", Cancel);
        using var officerEdit = await officer.GetAsync(Editor, Cancel);

        Assert.Equal(200, listStatus);
        Assert.Null(list.QuerySelector($"[data-service={Service}]"));
        Assert.NotNull(list.QuerySelector("[data-service=report-a-food-safety-or-hygiene-problem]"));
        Assert.Equal(("404", "404"), (other.Outcome(), otherPost.Outcome()));
        Assert.Equal(("forbidden", "forbidden"), (officerGet.Outcome(), officerEdit.Outcome()));
        Assert.Empty(await _app.WorkflowVersionsAsync());
    }
}

public sealed class WorkflowEditorSqliteTests() : WorkflowEditorTests(Provider.Sqlite);

public sealed class WorkflowEditorPostgresTests() : WorkflowEditorTests(Provider.Postgres);
