using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OneStop.Cases.Queue;
using OneStop.Cases.Workflows;

namespace OneStop.Office.Cases;

/// <summary>One officer's load: open cases assigned to them, and how many of those are past a target.</summary>
public sealed record OfficerLoad(DepartmentPerson Person, int Open, int Overdue);

/// <summary>Decisions within the case pledge, over a period: how many were decided and how many in time.</summary>
public sealed record PledgeShare(int Decided, int InTime)
{
    /// <summary>The share decided in time, in percent; null when nothing was decided.</summary>
    public double? Percent => Decided == 0 ? null : 100.0 * InTime / Decided;

    public bool Meets(int pledge) => Percent is not { } p || p >= pledge;
}

public sealed record ServicePledge(string Slug, string Name, int Pledge, PledgeShare Last30, PledgeShare Last90);

public sealed record TeamFigures(IReadOnlyList<OfficerLoad> Officers, int Unassigned, int UnassignedOverdue, int Open, int OpenBreached,
    IReadOnlyList<ServicePledge> Services);

/// <summary>
/// A supervisor's view of the department: load per officer, and pledge performance per service. The
/// figures are grouped in the database (one row per officer or service), never by reading cases.
/// Withdrawn cases are left out of performance: nobody decided them.
/// </summary>
public sealed class TeamReport(WorkQueue queue, CaseDirectory directory, WorkflowStore workflows, TimeProvider clock)
{
    public async Task<TeamFigures> ReadAsync(ClaimsPrincipal supervisor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var people = await directory.PeopleAsync(supervisor, cancellationToken);
        var load = await queue.Filtered(supervisor, new QueueFilter())
            .GroupBy(c => c.AssigneeId)
            .Select(g => new { g.Key, Open = g.Count(), Overdue = g.Sum(c => c.DueAt < now ? 1 : 0) })
            .ToListAsync(cancellationToken);
        var officers = people.Select(p => load.FirstOrDefault(l => l.Key == p.Id) is { } l ? new OfficerLoad(p, l.Open, l.Overdue) : new OfficerLoad(p, 0, 0)).ToList();
        var unassigned = load.FirstOrDefault(l => l.Key is null);

        var since90 = now.AddDays(-90);
        var since30 = now.AddDays(-30);
        var closed = await queue.Filtered(supervisor, new QueueFilter(QueueView.Closed))
            .Where(c => c.ClosedAt >= since90 && c.Outcome != Outcome.Withdrawn)
            .GroupBy(c => c.ServiceSlug)
            .Select(g => new
            {
                g.Key,
                Decided90 = g.Count(),
                InTime90 = g.Sum(c => c.ClosedAt <= c.CaseDueAt ? 1 : 0),
                Decided30 = g.Sum(c => c.ClosedAt >= since30 ? 1 : 0),
                InTime30 = g.Sum(c => c.ClosedAt >= since30 && c.ClosedAt <= c.CaseDueAt ? 1 : 0),
            })
            .ToListAsync(cancellationToken);
        var names = (await directory.ServicesAsync(supervisor, cancellationToken)).ToDictionary(s => s.Slug, s => s.Name.Current);
        var services = new List<ServicePledge>();
        foreach (var slug in names.Keys.Union(closed.Select(c => c.Key)).Order(StringComparer.Ordinal))
        {
            var row = closed.FirstOrDefault(c => c.Key == slug);
            var pledge = (await workflows.CurrentAsync(slug, cancellationToken)).Definition.Pledge.Percent;
            services.Add(new ServicePledge(slug, names.GetValueOrDefault(slug) ?? slug, pledge,
                new PledgeShare(row?.Decided30 ?? 0, row?.InTime30 ?? 0), new PledgeShare(row?.Decided90 ?? 0, row?.InTime90 ?? 0)));
        }

        return new TeamFigures(officers, unassigned?.Open ?? 0, unassigned?.Overdue ?? 0, load.Sum(l => l.Open), load.Sum(l => l.Overdue),
            services.OrderBy(s => s.Name, StringComparer.CurrentCulture).ToList());
    }
}
