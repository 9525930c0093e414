using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OneStop.Cases.Workflows;
using OneStop.Identity;
using OneStop.Identity.Staff;
using OneStop.Platform.Database;

namespace OneStop.Cases.Queue;

public enum QueueView { Open, Waiting, Closed }
public enum AssigneeFilter { Anyone, Me, Unassigned, Person }
public enum DueFilter { Any, Overdue, Today, Week }

/// <summary>What the officer narrowed the queue to. <see cref="Person"/> is used with <see cref="AssigneeFilter.Person"/>.</summary>
public sealed record QueueFilter(
    QueueView View = QueueView.Open,
    string? State = null,
    string? Service = null,
    AssigneeFilter Assignee = AssigneeFilter.Anyone,
    Guid? Person = null,
    DueFilter Due = DueFilter.Any);

public sealed record QueueRow(Guid Id, string Reference, string ServiceSlug, string State, DateTime? DueAt, DateTime ReceivedAt,
    DateTime StateEnteredAt, DateTime? ClosedAt, Guid? AssigneeId, DateTime? BreachedAt, Outcome? Outcome);

/// <summary>A page and the cursors of its neighbours (null at either end).</summary>
public sealed record QueuePage(IReadOnlyList<QueueRow> Rows, string? Next, string? Previous);

/// <summary>
/// The department's work queue. Keyset-paged — each page continues from the last row's (sort time,
/// reference), never an OFFSET — so page 1 and page 10,000 cost the same on a million cases; every shape has
/// an index that starts with the department (see <c>CasesConfiguration</c>). Open cases sort by their next
/// target, soonest first; cases waiting for the applicant by when they were returned; closed ones newest first.
/// </summary>
public sealed class WorkQueue(OneStopDb db, QueueCountsCache counts, TimeProvider clock)
{
    public async Task<QueuePage> PageAsync(ClaimsPrincipal officer, QueueFilter filter, string? after, string? before, int size,
        CancellationToken cancellationToken = default)
    {
        var query = Filtered(officer, filter);
        var cursor = Cursor.Parse(before ?? after);
        var backwards = before is not null && cursor is not null;
        // Walking back reverses the sort, then the page is turned round again.
        var descending = (filter.View == QueueView.Closed) != backwards;
        if (cursor is { } k)
        {
            // Two index ranges in one statement: the cases due at the cursor's very time that come after it by
            // reference, then the cases after that time. One predicate over both ("t >= k.At AND (t > k.At OR
            // reference > k.Reference)") lets the index seek only to the time, then read and throw away every
            // case due at that instant before the cursor: thousands at a busy midnight, on every page of it.
            query = Sort(Tied(query, filter.View, k, descending), filter.View, descending).Take(size + 1)
                .Concat(Sort(Beyond(query, filter.View, k, descending), filter.View, descending).Take(size + 1));
        }
        query = Sort(query, filter.View, descending);
        var rows = await query.Take(size + 1)
            .Select(c => new QueueRow(c.Id, c.Reference, c.ServiceSlug, c.State, c.DueAt, c.ReceivedAt, c.StateEnteredAt, c.ClosedAt, c.AssigneeId, c.BreachedAt, c.Outcome))
            .ToListAsync(cancellationToken);
        var more = rows.Count > size;
        if (more) rows.RemoveAt(size);
        if (backwards) rows.Reverse();
        if (rows.Count == 0) return new QueuePage(rows, null, null);
        var next = backwards || more ? Cursor.Of(rows[^1], filter.View) : null;
        var previous = cursor is not null && (!backwards || more) ? Cursor.Of(rows[0], filter.View) : null;
        return new QueuePage(rows, next, previous);
    }

    /// <summary>
    /// The figures at the top of the queue: open cases per state, and how many are overdue, unassigned, mine,
    /// waiting. Counting a department's open cases exactly costs tens of milliseconds at a hundred thousand
    /// (bench/README.md), so the department's figures are kept per node for <c>Cases:CountsCacheDuration</c>;
    /// "mine" is one indexed count and always fresh.
    /// </summary>
    public async Task<QueueCounts> CountsAsync(ClaimsPrincipal officer, CancellationToken cancellationToken = default)
    {
        var open = Filtered(officer, new QueueFilter());
        var me = officer.UserId();
        var mine = await open.CountAsync(c => c.AssigneeId == me, cancellationToken);
        var department = officer.StaffDepartment() ?? "";
        var now = clock.GetUtcNow().UtcDateTime;
        if (counts.TryGet(department, now) is not { } figures)
        {
            var byState = await open.GroupBy(c => c.State).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
            var overdue = await open.CountAsync(c => c.DueAt < now, cancellationToken);
            var unassigned = await open.CountAsync(c => c.AssigneeId == null, cancellationToken);
            var waiting = await Filtered(officer, new QueueFilter(QueueView.Waiting)).CountAsync(cancellationToken);
            figures = new DepartmentCounts(byState, overdue, unassigned, waiting);
            counts.Put(department, now, figures);
        }
        return new QueueCounts(figures.OpenByState, figures.Overdue, figures.Unassigned, mine, figures.Waiting);
    }

    /// <summary>The department's cases narrowed by the filter (department scope first, so another department's cases never appear).</summary>
    public IQueryable<Case> Filtered(ClaimsPrincipal officer, QueueFilter filter)
    {
        var query = db.Set<Case>().AsNoTracking().InDepartmentOf(officer, c => c.DepartmentCode);
        query = filter.View switch
        {
            QueueView.Open => query.Where(c => c.DueAt != null),
            QueueView.Waiting => query.Where(c => c.State == BuiltInStates.ReturnedId),
            _ => query.Where(c => c.ClosedAt != null),
        };
        if (filter.State is { Length: > 0 } state) query = query.Where(c => c.State == state);
        if (filter.Service is { Length: > 0 } service) query = query.Where(c => c.ServiceSlug == service);
        var me = officer.UserId();
        query = filter.Assignee switch
        {
            AssigneeFilter.Me => query.Where(c => c.AssigneeId == me),
            AssigneeFilter.Unassigned => query.Where(c => c.AssigneeId == null),
            AssigneeFilter.Person when filter.Person is { } person => query.Where(c => c.AssigneeId == person),
            _ => query,
        };
        if (filter.Due != DueFilter.Any && filter.View == QueueView.Open)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var today = Calendar.WorkingDays.EndOf(Calendar.WorkingDays.Day(now));
            var limit = filter.Due switch { DueFilter.Overdue => now, DueFilter.Today => today, _ => today.AddDays(7) };
            query = query.Where(c => c.DueAt <= limit);
        }
        return query;
    }

    /// <summary>The cases at the cursor's time that come after it (before it, walking back): ties broken by the unique reference.</summary>
    private static IQueryable<Case> Tied(IQueryable<Case> query, QueueView view, Cursor k, bool descending)
    {
        var at = k.At;
        var reference = k.Reference;
        query = view switch
        {
            QueueView.Open => query.Where(c => c.DueAt == at),
            QueueView.Waiting => query.Where(c => c.StateEnteredAt == at),
            _ => query.Where(c => c.ClosedAt == at),
        };
        return descending ? query.Where(c => string.Compare(c.Reference, reference) < 0) : query.Where(c => string.Compare(c.Reference, reference) > 0);
    }

    /// <summary>The cases strictly after the cursor's time (before it, walking back).</summary>
    private static IQueryable<Case> Beyond(IQueryable<Case> query, QueueView view, Cursor k, bool descending)
    {
        var at = k.At;
        return (view, descending) switch
        {
            (QueueView.Open, false) => query.Where(c => c.DueAt > at),
            (QueueView.Open, true) => query.Where(c => c.DueAt < at),
            (QueueView.Waiting, false) => query.Where(c => c.StateEnteredAt > at),
            (QueueView.Waiting, true) => query.Where(c => c.StateEnteredAt < at),
            (_, false) => query.Where(c => c.ClosedAt > at),
            (_, true) => query.Where(c => c.ClosedAt < at),
        };
    }

    private static IQueryable<Case> Sort(IQueryable<Case> query, QueueView view, bool descending) => (view, descending) switch
    {
        (QueueView.Open, false) => query.OrderBy(c => c.DueAt).ThenBy(c => c.Reference),
        (QueueView.Open, true) => query.OrderByDescending(c => c.DueAt).ThenByDescending(c => c.Reference),
        (QueueView.Waiting, false) => query.OrderBy(c => c.StateEnteredAt).ThenBy(c => c.Reference),
        (QueueView.Waiting, true) => query.OrderByDescending(c => c.StateEnteredAt).ThenByDescending(c => c.Reference),
        (_, false) => query.OrderBy(c => c.ClosedAt).ThenBy(c => c.Reference),
        (_, true) => query.OrderByDescending(c => c.ClosedAt).ThenByDescending(c => c.Reference),
    };

    /// <summary>A position in the queue: the row's sort time and reference, written into links as <c>ticks.reference</c>.</summary>
    private sealed record Cursor(DateTime At, string Reference)
    {
        public static string Of(QueueRow row, QueueView view)
        {
            var at = view switch { QueueView.Open => row.DueAt!.Value, QueueView.Closed => row.ClosedAt!.Value, _ => row.StateEnteredAt };
            return at.Ticks.ToString(CultureInfo.InvariantCulture) + "." + row.Reference;
        }

        public static Cursor? Parse(string? text)
        {
            if (text?.Split('.', 2) is not [var ticks, var reference] || reference.Length is 0 or > 32) return null;
            return long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var t) && t >= DateTime.MinValue.Ticks && t <= DateTime.MaxValue.Ticks
                ? new Cursor(new DateTime(t, DateTimeKind.Utc), reference)
                : null;
        }
    }
}

public sealed record QueueCounts(IReadOnlyDictionary<string, int> OpenByState, int Overdue, int Unassigned, int Mine, int Waiting)
{
    public int Open => OpenByState.Values.Sum();
}

public sealed record DepartmentCounts(IReadOnlyDictionary<string, int> OpenByState, int Overdue, int Unassigned, int Waiting);

/// <summary>
/// Each node's recent department figures (singleton). A read cache only: every node counts for itself, and a
/// figure is at most <see cref="CasesOptions.CountsCacheDuration"/> old; zero turns it off.
/// </summary>
public sealed class QueueCountsCache(Microsoft.Extensions.Options.IOptions<CasesOptions> options)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (DateTime At, DepartmentCounts Counts)> _byDepartment = new();

    public DepartmentCounts? TryGet(string department, DateTime now) =>
        _byDepartment.TryGetValue(department, out var entry) && now - entry.At < options.Value.CountsCacheDuration ? entry.Counts : null;

    public void Put(string department, DateTime now, DepartmentCounts counts)
    {
        if (options.Value.CountsCacheDuration > TimeSpan.Zero) _byDepartment[department] = (now, counts);
    }
}
