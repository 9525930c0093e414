using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OneStop.Cases;
using OneStop.Cases.Workflows;
using OneStop.Catalogue;
using OneStop.Identity;
using OneStop.Identity.Staff;
using OneStop.Platform.Database;

namespace OneStop.Office.Workflows;

/// <summary>
/// The workflow the editor works on: the service's draft when it has one, else the version new cases start on
/// (published, or the built-in default); saving then makes the draft. <see cref="Token"/> names exactly this
/// text, so a save based on an outdated copy (another administrator saved in between) is refused.
/// </summary>
public sealed record WorkflowCopy(Service Service, WorkflowDefinition Definition, int Version, bool IsDraft, int? PublishedVersion, string Token)
{
    public string Slug => Service.Slug;
    public string DepartmentCode => Service.Department.Code;
}

/// <summary>One row of the workflow list: a service and where its workflow stands.</summary>
public sealed record WorkflowRow(Service Service, int? PublishedVersion, int? DraftVersion, int DraftProblems);

/// <summary>Finds the caller's department's services and their workflows, and saves the editor's changes as the draft.</summary>
public sealed class WorkflowDrafts(OneStopDb db, WorkflowStore store)
{
    /// <summary>The service if it belongs to the caller's department; another department's is not found.</summary>
    public Task<Service?> ServiceAsync(ClaimsPrincipal user, string slug, CancellationToken cancellationToken) =>
        db.Services.AsNoTracking().Include(s => s.Department).InDepartmentOf(user, s => s.Department.Code)
            .SingleOrDefaultAsync(s => s.Slug == slug, cancellationToken);

    public async Task<IReadOnlyList<WorkflowRow>> ListAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var services = await db.Services.AsNoTracking().Include(s => s.Department).InDepartmentOf(user, s => s.Department.Code)
            .ToListAsync(cancellationToken);
        var slugs = services.Select(s => s.Slug).ToList();
        var published = await db.Set<Workflow>().AsNoTracking().Where(w => slugs.Contains(w.ServiceSlug))
            .ToDictionaryAsync(w => w.ServiceSlug, w => w.PublishedVersion, cancellationToken);
        var drafts = await db.Set<WorkflowVersion>().AsNoTracking().Where(v => slugs.Contains(v.ServiceSlug) && v.State == WorkflowState.Draft)
            .ToDictionaryAsync(v => v.ServiceSlug, cancellationToken);
        return services
            // Services that take applications here first: theirs are the workflows that run.
            .OrderBy(s => s.StartFormId is null).ThenBy(s => s.Name.Current, StringComparer.CurrentCulture)
            .Select(s => new WorkflowRow(s, published.GetValueOrDefault(s.Slug),
                drafts.GetValueOrDefault(s.Slug)?.Version, drafts.GetValueOrDefault(s.Slug) is { } d ? Check(d.Definition).Count : 0))
            .ToList();
    }

    public async Task<WorkflowCopy?> WorkingAsync(ClaimsPrincipal user, string slug, CancellationToken cancellationToken)
    {
        if (await ServiceAsync(user, slug, cancellationToken) is not { } service) return null;
        var publishedVersion = await db.Set<Workflow>().AsNoTracking().Where(w => w.ServiceSlug == slug).Select(w => w.PublishedVersion).SingleOrDefaultAsync(cancellationToken);
        var draft = await db.Set<WorkflowVersion>().AsNoTracking().SingleOrDefaultAsync(v => v.ServiceSlug == slug && v.State == WorkflowState.Draft, cancellationToken);
        if (draft is not null && WorkflowJson.Parse(draft.Definition, out _) is { } definition)
            return new WorkflowCopy(service, definition, draft.Version, true, publishedVersion, TokenOf(draft.Version, draft.Definition));
        var current = await store.CurrentAsync(slug, cancellationToken);
        // An unreadable draft (only a database edit makes one) is worked on from the current version, and overwritten by the next save.
        var version = draft?.Version ?? current.Version;
        return new WorkflowCopy(service, current.Definition, current.Version, false, publishedVersion, TokenOf(version, WorkflowJson.Write(current.Definition)));
    }

    /// <summary>The versions of the service's workflow, newest first (drafts included).</summary>
    public Task<List<WorkflowVersion>> VersionsAsync(string slug, CancellationToken cancellationToken) =>
        db.Set<WorkflowVersion>().AsNoTracking().Where(v => v.ServiceSlug == slug).OrderByDescending(v => v.Version).ToListAsync(cancellationToken);

    /// <summary>
    /// Saves <paramref name="changed"/> as the draft. The draft may still have problems (they are listed, and block
    /// publishing); what the editor refuses before this is only what would break its own addresses.
    /// </summary>
    public Task SaveAsync(WorkflowCopy copy, WorkflowDefinition changed, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        store.SaveDraftAsync(copy.Slug, copy.DepartmentCode, changed, user.UserId()!.Value, cancellationToken);

    public static IReadOnlyList<WorkflowProblem> Check(string json) =>
        WorkflowJson.Parse(json, out var error) is { } definition ? WorkflowCheck.Run(definition) : [new WorkflowProblem("", "unreadable", error ?? "")];

    private static string TokenOf(int version, string json) =>
        $"{version}-{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(json)))[..16]}";
}
