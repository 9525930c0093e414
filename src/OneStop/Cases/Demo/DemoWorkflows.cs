using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneStop.Cases.Workflows;
using OneStop.Catalogue.Demo;
using OneStop.Platform.Database;

namespace OneStop.Cases.Demo;

/// <summary>
/// Publishes the demo workflows (<see cref="DemoWorkflowDefinitions"/>) for services that have none, so a fresh
/// local run processes its demo applications the way the departments do; then, in Development, opens a few demo
/// applications (<see cref="DemoApplications"/>) so the demo officers have a queue. Never changes a workflow
/// that exists: an administrator's edits win.
/// </summary>
public static class DemoWorkflows
{
    public static async Task SeedIfMissingAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        if (!services.GetRequiredService<IOptions<DemoOptions>>().Value.Seed) return;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OneStopDb>();
            var store = scope.ServiceProvider.GetRequiredService<WorkflowStore>();
            foreach (var (slug, department, definition) in DemoWorkflowDefinitions.All)
            {
                if (await db.Set<Workflow>().AnyAsync(w => w.ServiceSlug == slug, cancellationToken)) continue;
                // The demo catalogue may have been replaced by an import without this service or department.
                if (!await db.Services.AnyAsync(s => s.Slug == slug && s.Department.Code == department, cancellationToken)) continue;
                // No person made these: the empty id stands for the system in the audit log.
                await store.SaveDraftAsync(slug, department, definition, Guid.Empty, cancellationToken);
                var problems = await store.PublishAsync(slug, Guid.Empty, cancellationToken);
                if (problems.Count > 0) throw new InvalidOperationException($"Demo workflow {slug}: {problems[0].Code} at {problems[0].Path}");
            }
        }
        if (services.GetRequiredService<IHostEnvironment>().IsDevelopment()) await DemoApplications.SeedIfNoneAsync(services, cancellationToken);
    }
}
