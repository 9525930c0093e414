using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Cases;
using OneStop.Cases.Demo;
using OneStop.Cases.Workflows;
using OneStop.Forms.Demo;
using OneStop.Tests.Forms.Background;

namespace OneStop.Tests.Cases.Demo;

/// <summary>The demo services' workflows: sound, published on start, and (in Development) a few cases for the demo officers.</summary>
public sealed class DemoWorkflowDefinitionTests
{
    public static TheoryData<string> Services() => new(DemoWorkflowDefinitions.All.Select(w => w.Service));

    [Theory]
    [MemberData(nameof(Services))]
    public void DemoWorkflow_Definition_PassesTheCheck(string service)
    {
        var workflow = DemoWorkflowDefinitions.All.Single(w => w.Service == service).Definition;

        Assert.Empty(WorkflowCheck.Run(workflow));
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void DemoWorkflow_WrittenAndReadBack_IsTheSame(string service)
    {
        var workflow = DemoWorkflowDefinitions.All.Single(w => w.Service == service).Definition;

        var json = WorkflowJson.Write(workflow);

        Assert.Equal(json, WorkflowJson.Write(WorkflowJson.ParseTrusted(json)));
    }

    [Fact]
    public void DemoWorkflows_EveryDemoFormService_HasOne() =>
        Assert.Equal(DemoForms.Links.Select(l => l.Service).Order(), DemoWorkflowDefinitions.All.Select(w => w.Service).Order());
}

public abstract class DemoWorkflowSeedTests(Provider provider) : IAsyncLifetime
{
    private OneStopApp _app = null!;
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        if (provider == Provider.Postgres) PostgresServer.SkipIfUnavailable();
        // Development: the demo staff exist, so the demo applications are made and moved on.
        _app = new OneStopApp(provider) { Environment = "Development" };
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }

    private Task<List<(string Service, string State)>> CasesAsync() =>
        _app.QueryCasesAsync(async db => (await db.Set<Case>().AsNoTracking().OrderBy(c => c.Reference).Select(c => new { c.ServiceSlug, c.State }).ToListAsync(Cancel))
            .Select(c => (c.ServiceSlug, c.State)).ToList());

    [Fact]
    public async Task Seed_OnStart_PublishesEachWorkflowAndOpensCasesInSeveralStates()
    {
        var cases = await CasesAsync();

        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<WorkflowStore>();
            foreach (var (service, _, definition) in DemoWorkflowDefinitions.All)
            {
                var current = await store.CurrentAsync(service, Cancel);
                Assert.Equal((1, WorkflowJson.Write(definition)), (current.Version, WorkflowJson.Write(current.Definition)));
            }
        }
        (string, string)[] expected =
        [
            (DemoWorkflowDefinitions.RestaurantLicence, BuiltInStates.ReturnedId), (DemoWorkflowDefinitions.RestaurantLicence, "document-check"),
            (DemoWorkflowDefinitions.RestaurantLicence, "site-inspection"), (DemoWorkflowDefinitions.FoodComplaint, "closed"),
            (DemoWorkflowDefinitions.FoodComplaint, "investigation"), (DemoWorkflowDefinitions.FoodComplaint, "reply"),
            (DemoWorkflowDefinitions.DrivingLicence, "approval"), (DemoWorkflowDefinitions.DrivingLicence, "verification"),
        ];
        Assert.Equal(expected.Order(), cases.Order());
        Assert.All(await _app.QueryCasesAsync(db => db.Set<Case>().AsNoTracking().ToListAsync(Cancel)), c => Assert.Equal(1, c.WorkflowVersion));
    }

    [Fact]
    public async Task Seed_RunAgainAndOutboxDelivered_AddsNothing()
    {
        var cases = await CasesAsync();
        var versions = await _app.QueryCasesAsync(db => db.Set<WorkflowVersion>().CountAsync(Cancel));

        await DemoWorkflows.SeedIfMissingAsync(_app.Services, Cancel);
        await _app.RunOutboxAsync();

        Assert.Equal(cases, await CasesAsync());
        Assert.Equal(versions, await _app.QueryCasesAsync(db => db.Set<WorkflowVersion>().CountAsync(Cancel)));
    }

    [Fact]
    public async Task Seed_OutsideDevelopment_PublishesWorkflowsButMakesNoApplications()
    {
        await using var testing = new OneStopApp(provider);

        var published = await testing.QueryCasesAsync(db => db.Set<Workflow>().CountAsync(w => w.PublishedVersion == 1, Cancel));
        var cases = await testing.QueryCasesAsync(db => db.Set<Case>().CountAsync(Cancel));

        Assert.Equal((DemoWorkflowDefinitions.All.Count, 0), (published, cases));
    }
}

public sealed class DemoWorkflowSeedSqliteTests() : DemoWorkflowSeedTests(Provider.Sqlite);

public sealed class DemoWorkflowSeedPostgresTests() : DemoWorkflowSeedTests(Provider.Postgres);
