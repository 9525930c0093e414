using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OneStop.Cases;
using OneStop.Cases.Workflows;
using OneStop.Forms.Definitions;
using OneStop.Identity.Staff;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;

namespace OneStop.Office.Cases;

/// <summary>A member of the officer's department, as the queue and the case page name them (by email: staff have no other name here).</summary>
public sealed record DepartmentPerson(Guid Id, string Email, StaffRole Role);

/// <summary>One of the department's services, for the queue's filter and the rows' names.</summary>
public sealed record DepartmentService(string Slug, LocalisedText Name);

/// <summary>
/// The names the back office shows for a department's cases: its services, its people, and the states of
/// its workflows (current versions plus the built-in default). Read once per page; the workflows
/// themselves come from <see cref="WorkflowStore"/>'s per-node cache.
/// </summary>
public sealed class CaseDirectory(OneStopDb db, WorkflowStore workflows, Text text)
{
    /// <summary>The catalogue's services of the department, and any service with a workflow of the department.</summary>
    public async Task<IReadOnlyList<DepartmentService>> ServicesAsync(ClaimsPrincipal officer, CancellationToken cancellationToken)
    {
        var catalogue = await db.Services.AsNoTracking().InDepartmentOf(officer, s => s.Department.Code)
            .Select(s => new { s.Slug, s.Name }).ToListAsync(cancellationToken);
        var withWorkflow = await db.Set<Workflow>().AsNoTracking().InDepartmentOf(officer, w => w.DepartmentCode)
            .Select(w => w.ServiceSlug).ToListAsync(cancellationToken);
        return catalogue.Select(s => new DepartmentService(s.Slug, s.Name))
            .Concat(withWorkflow.Where(slug => catalogue.All(s => s.Slug != slug)).Select(slug => new DepartmentService(slug, new LocalisedText(slug, slug, slug))))
            .OrderBy(s => s.Name.Current, StringComparer.CurrentCulture)
            .ToList();
    }

    /// <summary>Everyone on the staff of the officer's department, by email.</summary>
    public async Task<IReadOnlyList<DepartmentPerson>> PeopleAsync(ClaimsPrincipal officer, CancellationToken cancellationToken)
    {
        var people = await db.Set<StaffMember>().AsNoTracking().InDepartmentOf(officer, s => s.DepartmentCode!)
            .Join(db.Users, s => s.UserId, u => u.Id, (s, u) => new { u.Id, u.Email, s.Role })
            .ToListAsync(cancellationToken);
        return people.Select(p => new DepartmentPerson(p.Id, p.Email ?? "", p.Role)).OrderBy(p => p.Email, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The name of every state in the department's current workflows, the default one and the built-in ones,
    /// by state id. Two workflows may name one id differently; the queue shows the first (the case page
    /// names states from the case's own workflow version).
    /// </summary>
    public async Task<IReadOnlyDictionary<string, Words>> StateNamesAsync(ClaimsPrincipal officer, CancellationToken cancellationToken)
    {
        var published = await db.Set<Workflow>().AsNoTracking().InDepartmentOf(officer, w => w.DepartmentCode)
            .Where(w => w.PublishedVersion != null)
            .OrderBy(w => w.ServiceSlug)
            .Select(w => new { w.ServiceSlug, Version = w.PublishedVersion!.Value })
            .ToListAsync(cancellationToken);
        var names = new Dictionary<string, Words>(StringComparer.Ordinal) { [BuiltInStates.ReturnedId] = Waiting(text) };
        foreach (var w in published)
            foreach (var state in (await workflows.VersionAsync(w.ServiceSlug, w.Version, cancellationToken)).Definition.States)
                names.TryAdd(state.Id, state.Name);
        foreach (var state in DefaultWorkflow.Definition.States.Concat(BuiltInStates.All)) names.TryAdd(state.Id, state.Name);
        return names;
    }

    /// <summary>The built-in returned state as staff read it (its own name speaks to the applicant: "Waiting for your reply").</summary>
    public static Words Waiting(Text text) => new()
    {
        En = text.Get(Language.En, "office.cases.state.waiting"),
        ZhHk = text.Get(Language.ZhHk, "office.cases.state.waiting"),
        ZhCn = text.Get(Language.ZhCn, "office.cases.state.waiting"),
    };

    /// <summary>A state's name for staff, from <paramref name="workflow"/> (the case's own version); the id when it has none.</summary>
    public static string StateName(WorkflowDefinition workflow, string? state, Text text) => state switch
    {
        null => "",
        BuiltInStates.ReturnedId => text["office.cases.state.waiting"],
        _ => workflow.State(state)?.Name.Current ?? state,
    };
}
