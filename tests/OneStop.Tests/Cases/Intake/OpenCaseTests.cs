using Microsoft.EntityFrameworkCore;
using OneStop.Cases;
using OneStop.Cases.Calendar;
using OneStop.Cases.Workflows;
using OneStop.Platform.Audit;
using OneStop.Tests.Cases.Engine;
using OneStop.Tests.Forms.Background;

namespace OneStop.Tests.Cases.Intake;

/// <summary>A submitted application becomes exactly one case, on its service's current workflow, with its targets.</summary>
public abstract class OpenCaseTests(Provider provider) : IAsyncLifetime
{
    private OneStopApp _app = null!;
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    // Friday 27 November 2026, 10:00 in Hong Kong.
    private static readonly DateTimeOffset Friday = new(2026, 11, 27, 2, 0, 0, TimeSpan.Zero);

    public ValueTask InitializeAsync()
    {
        if (provider == Provider.Postgres) PostgresServer.SkipIfUnavailable();
        _app = new OneStopApp(provider) { ClockStart = Friday };
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task HandleAsync_ServiceWithoutWorkflow_OpensOnTheDefaultWithTenWorkingDays()
    {
        var (userId, _) = await _app.NewAccountAsync();

        var c = await _app.NewCaseAsync(userId);

        Assert.Equal(("received", DefaultWorkflow.Version, "TD", userId), (c.State, c.WorkflowVersion, c.DepartmentCode, c.ApplicantId));
        Assert.Equal(new DateOnly(2026, 12, 11), WorkingDays.LastDay(c.CaseDueAt));
        Assert.Equal(c.CaseDueAt, c.DueAt);
        Assert.Null(c.ClosedAt);
        var received = Assert.Single(await _app.TimelineAsync(c.Id));
        Assert.Equal(CaseEventKind.Received, received.Kind);
        Assert.True(await _app.QueryCasesAsync(db => db.AuditEntries.AnyAsync(a => a.Event == "case.opened" && a.TargetId == c.Reference, Cancel)));
    }

    [Fact]
    public async Task HandleAsync_ServiceWithPublishedWorkflow_StartsOnItsCurrentVersion()
    {
        var version = await _app.PublishWorkflowAsync("td-licence", "TD", WorkflowCheckTests.Licence());

        var c = await _app.NewCaseAsync(null, serviceSlug: "td-licence");

        Assert.Equal(("check", version), (c.State, c.WorkflowVersion));
        // The state's three days come before the case's ten.
        Assert.Equal(new DateOnly(2026, 12, 2), WorkingDays.LastDay(c.DueAt!.Value));
    }

    [Fact]
    public async Task HandleAsync_MessageDeliveredAgain_StillOneCase()
    {
        var c = await _app.NewCaseAsync(null);
        // Hand every message over again, as a crash after handling but before marking done would.
        await _app.QueryCasesAsync(db => db.Set<OneStop.Platform.Outbox.OutboxMessage>()
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ProcessedAt, (DateTime?)null), Cancel));

        await _app.RunOutboxAsync();

        Assert.Equal(1, await _app.QueryCasesAsync(db => db.Set<Case>().CountAsync(x => x.SubmissionId == c.SubmissionId, Cancel)));
    }

    [Fact]
    public async Task PublishAsync_NewVersion_RunningCasesKeepTheirs()
    {
        var first = await _app.PublishWorkflowAsync("td-licence", "TD", WorkflowCheckTests.Licence());
        var before = await _app.NewCaseAsync(null, serviceSlug: "td-licence");

        var second = await _app.PublishWorkflowAsync("td-licence", "TD", WorkflowCheckTests.Licence() with { Pledge = new Pledge { WorkingDays = 20 } });
        var after = await _app.NewCaseAsync(null, serviceSlug: "td-licence");

        Assert.Equal((first, second), (before.WorkflowVersion, after.WorkflowVersion));
        Assert.NotEqual(first, second);
        Assert.True(after.CaseDueAt > before.CaseDueAt);
    }
}

public sealed class OpenCaseSqliteTests() : OpenCaseTests(Provider.Sqlite);

public sealed class OpenCasePostgresTests() : OpenCaseTests(Provider.Postgres);
