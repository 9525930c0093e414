using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using OneStop.Platform.Audit;
using OneStop.Platform.Database;

namespace OneStop.Cases.Workflows;

/// <summary>A workflow version ready to run cases on.</summary>
public sealed record LoadedWorkflow(string ServiceSlug, int Version, WorkflowDefinition Definition);

/// <summary>
/// Reads and writes workflows. Published versions never change, so each node keeps every parsed version it
/// has read; only "which version is current" is asked of the database. A service without a published
/// workflow runs on <see cref="DefaultWorkflow"/>.
/// </summary>
public sealed class WorkflowStore(OneStopDb db, ParsedWorkflows parsed, AuditLog audit, TimeProvider clock)
{
    public const string Published = "cases.workflow-published";
    public const string DraftSaved = "cases.workflow-draft-saved";

    /// <summary>The version new cases of the service start on.</summary>
    public async Task<LoadedWorkflow> CurrentAsync(string serviceSlug, CancellationToken cancellationToken = default)
    {
        var version = await db.Set<Workflow>().AsNoTracking()
            .Where(w => w.ServiceSlug == serviceSlug)
            .Select(w => w.PublishedVersion)
            .SingleOrDefaultAsync(cancellationToken);
        return version is { } v ? await VersionAsync(serviceSlug, v, cancellationToken) : Default(serviceSlug);
    }

    /// <summary>The version a case is pinned to (0 is the built-in default).</summary>
    public async Task<LoadedWorkflow> VersionAsync(string serviceSlug, int version, CancellationToken cancellationToken = default)
    {
        if (version == DefaultWorkflow.Version) return Default(serviceSlug);
        if (parsed.TryGet(serviceSlug, version) is { } cached) return cached;
        var row = await db.Set<WorkflowVersion>().AsNoTracking()
            .SingleAsync(v => v.ServiceSlug == serviceSlug && v.Version == version, cancellationToken);
        var loaded = new LoadedWorkflow(serviceSlug, version, WorkflowJson.ParseTrusted(row.Definition));
        // Drafts change; only versions that can no longer change are kept.
        if (row.State != WorkflowState.Draft) parsed.Add(loaded);
        return loaded;
    }

    /// <summary>The service's draft, or null. Drafts may hold problems; publishing needs none.</summary>
    public Task<WorkflowVersion?> DraftAsync(string serviceSlug, CancellationToken cancellationToken = default) =>
        db.Set<WorkflowVersion>().SingleOrDefaultAsync(v => v.ServiceSlug == serviceSlug && v.State == WorkflowState.Draft, cancellationToken);

    /// <summary>Writes the service's one draft (making it when there is none) and saves.</summary>
    public async Task<WorkflowVersion> SaveDraftAsync(string serviceSlug, string departmentCode, WorkflowDefinition definition, Guid actorId,
        CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var workflow = await db.Set<Workflow>().SingleOrDefaultAsync(w => w.ServiceSlug == serviceSlug, cancellationToken);
        if (workflow is null)
        {
            workflow = new Workflow { ServiceSlug = serviceSlug, DepartmentCode = departmentCode, CreatedAt = now };
            db.Add(workflow);
        }
        workflow.UpdatedAt = now;
        var draft = await DraftAsync(serviceSlug, cancellationToken);
        if (draft is null)
        {
            var last = await db.Set<WorkflowVersion>().Where(v => v.ServiceSlug == serviceSlug).MaxAsync(v => (int?)v.Version, cancellationToken) ?? 0;
            draft = new WorkflowVersion { ServiceSlug = serviceSlug, Version = last + 1, State = WorkflowState.Draft, Definition = "", CreatedAt = now, CreatedBy = actorId };
            db.Add(draft);
        }
        draft.Definition = WorkflowJson.Write(definition);
        audit.Record(DraftSaved, actorId, null, "workflow", serviceSlug, $"version={draft.Version}", departmentCode);
        await db.SaveChangesAsync(cancellationToken);
        return draft;
    }

    /// <summary>Publishes the draft: refused (returning its problems) when it has any. New cases start on it; running cases keep theirs.</summary>
    public async Task<IReadOnlyList<WorkflowProblem>> PublishAsync(string serviceSlug, Guid actorId, CancellationToken cancellationToken = default)
    {
        var draft = await DraftAsync(serviceSlug, cancellationToken) ?? throw new InvalidOperationException("There is no draft to publish.");
        var definition = WorkflowJson.Parse(draft.Definition, out var error);
        if (definition is null) return [new WorkflowProblem("", "unreadable", error ?? "")];
        var problems = WorkflowCheck.Run(definition);
        if (problems.Count > 0) return problems;

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var workflow = await db.Set<Workflow>().SingleAsync(w => w.ServiceSlug == serviceSlug, cancellationToken);
        if (workflow.PublishedVersion is { } previous)
            await db.Set<WorkflowVersion>().Where(v => v.ServiceSlug == serviceSlug && v.Version == previous)
                .ExecuteUpdateAsync(s => s.SetProperty(v => v.State, WorkflowState.Superseded), cancellationToken);
        draft.State = WorkflowState.Published;
        draft.PublishedAt = now;
        workflow.PublishedVersion = draft.Version;
        workflow.UpdatedAt = now;
        audit.Record(Published, actorId, null, "workflow", serviceSlug, $"version={draft.Version}", workflow.DepartmentCode);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return [];
    }

    private static LoadedWorkflow Default(string serviceSlug) => new(serviceSlug, DefaultWorkflow.Version, DefaultWorkflow.Definition);
}

/// <summary>The per-node cache of parsed published workflow versions (singleton; entries never go stale).</summary>
public sealed class ParsedWorkflows
{
    private readonly ConcurrentDictionary<(string, int), LoadedWorkflow> _versions = new();

    public LoadedWorkflow? TryGet(string serviceSlug, int version) => _versions.GetValueOrDefault((serviceSlug, version));

    public void Add(LoadedWorkflow workflow) => _versions.TryAdd((workflow.ServiceSlug, workflow.Version), workflow);
}
