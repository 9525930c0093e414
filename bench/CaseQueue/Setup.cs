using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Cases;
using OneStop.Cases.Queue;
using OneStop.Platform.Database;

namespace CaseQueue;

/// <summary>What the loaded database holds for the benchmarked department, read once before measuring.</summary>
internal sealed record Data(string Department, int Total, int Open, int Closed, int Waiting, Guid Me, int Mine,
    string State, int InState, string Service, int InService);

internal sealed record Walk(int Pages, int FirstKept, IReadOnlyList<string> Next, IReadOnlyList<string> Previous, TimeSpan Elapsed);

internal sealed record Position(DateTime At, string Reference);

internal static class Setup
{
    /// <summary>The department (by default the largest: the worst case), its busiest officer, state and service.</summary>
    public static async Task<Data> DiscoverAsync(IServiceProvider root, string? department)
    {
        await using var scope = root.CreateAsyncScope();
        var cases = scope.ServiceProvider.GetRequiredService<OneStopDb>().Set<Case>().AsNoTracking();
        department ??= await cases.GroupBy(c => c.DepartmentCode).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
        var mine = cases.Where(c => c.DepartmentCode == department);
        var open = mine.Where(c => c.DueAt != null);
        var me = await open.Where(c => c.AssigneeId != null).GroupBy(c => c.AssigneeId)
            .OrderByDescending(g => g.Count()).Select(g => new { g.Key, Count = g.Count() }).FirstAsync();
        var state = await open.GroupBy(c => c.State).OrderByDescending(g => g.Count()).Select(g => new { g.Key, Count = g.Count() }).FirstAsync();
        var service = await open.GroupBy(c => c.ServiceSlug).OrderByDescending(g => g.Count()).Select(g => new { g.Key, Count = g.Count() }).FirstAsync();
        return new Data(department, await mine.CountAsync(), await open.CountAsync(), await mine.CountAsync(c => c.ClosedAt != null),
            await mine.CountAsync(c => c.State == OneStop.Cases.Workflows.BuiltInStates.ReturnedId),
            me.Key!.Value, me.Count, state.Key, state.Count, service.Key, service.Count);
    }

    /// <summary>
    /// Follows Next from the first page for <paramref name="pages"/> pages, as an officer would, and keeps about
    /// a hundred of the cursors met on the way, evenly spread: Next cursors (each leads one page on) and the
    /// Previous cursors of the pages reached (each leads one page back).
    /// </summary>
    public static async Task<Walk> FollowNextAsync(IServiceProvider root, ClaimsPrincipal officer, QueueFilter filter, int pages, int size)
    {
        var next = new List<string>();
        var previous = new List<string?>();
        var clock = Stopwatch.StartNew();
        var page = await PageAsync(root, officer, filter, null, size);
        var walked = 1;
        while (true)
        {
            previous.Add(page.Previous); // page `walked`'s Previous leads to page walked - 1
            if (page.Next is not { } cursor) break;
            next.Add(cursor); // leads to page walked + 1
            if (walked == pages) break;
            page = await PageAsync(root, officer, filter, cursor, size);
            walked++;
        }
        clock.Stop();
        var stride = Math.Max(2, walked / 100);
        var kept = Enumerable.Range(1, walked).Where(n => n % stride == 0).ToList();
        return new Walk(walked, stride, kept.Where(n => n <= next.Count).Select(n => next[n - 1]).ToList(),
            kept.Select(n => previous[n - 1]).OfType<string>().ToList(), clock.Elapsed);
    }

    public static double[] Depths(int count) => Enumerable.Range(0, count).Select(i => 0.05 + 0.9 * i / (count - 1)).ToArray();

    /// <summary>
    /// Cursors that lead to the rows at the given depths (0–1) of the filtered list in its own order, built from
    /// the rows themselves in the cursor's text form, <c>ticks.reference</c> (set-up only: this uses OFFSET).
    /// </summary>
    public static async Task<IReadOnlyList<string>> CursorsAtAsync(IServiceProvider root, ClaimsPrincipal officer, QueueFilter filter, double[] depths)
    {
        await using var scope = root.CreateAsyncScope();
        var query = scope.ServiceProvider.GetRequiredService<WorkQueue>().Filtered(officer, filter);
        var count = await query.CountAsync();
        var cursors = new List<string>();
        foreach (var depth in depths)
        {
            var skip = Math.Min(count - 1, (int)(depth * count));
            if (skip < 0) break;
            var row = filter.View switch
            {
                QueueView.Open => await query.OrderBy(c => c.DueAt).ThenBy(c => c.Reference).Skip(skip)
                    .Select(c => new Position(c.DueAt!.Value, c.Reference)).FirstAsync(),
                QueueView.Waiting => await query.OrderBy(c => c.StateEnteredAt).ThenBy(c => c.Reference).Skip(skip)
                    .Select(c => new Position(c.StateEnteredAt, c.Reference)).FirstAsync(),
                _ => await query.OrderByDescending(c => c.ClosedAt).ThenByDescending(c => c.Reference).Skip(skip)
                    .Select(c => new Position(c.ClosedAt!.Value, c.Reference)).FirstAsync(),
            };
            cursors.Add(row.At.Ticks.ToString(CultureInfo.InvariantCulture) + "." + row.Reference);
        }
        // A cursor the app would not accept would silently measure the first page instead.
        var check = await PageAsync(root, officer, filter, cursors[0], 1);
        if (check.Previous is null) throw new InvalidOperationException($"The queue did not take the built cursor '{cursors[0]}'.");
        return cursors;
    }

    /// <summary>
    /// Cursors near the end of the open list's largest groups of cases due at one instant (a busy midnight), 10,
    /// 30 and 100 cases before the group ends: where a seek on the time alone would read the most ties.
    /// </summary>
    public static async Task<(IReadOnlyList<string> Cursors, int Largest)> TieCursorsAsync(IServiceProvider root, ClaimsPrincipal officer, int groups)
    {
        await using var scope = root.CreateAsyncScope();
        var query = scope.ServiceProvider.GetRequiredService<WorkQueue>().Filtered(officer, new QueueFilter());
        var busiest = await query.GroupBy(c => c.DueAt).OrderByDescending(g => g.Count()).Take(groups)
            .Select(g => new { At = g.Key!.Value, Count = g.Count() }).ToListAsync();
        var cursors = new List<string>();
        foreach (var group in busiest)
        {
            foreach (var fromEnd in new[] { 10, 30, 100 })
            {
                var reference = await query.Where(c => c.DueAt == group.At).OrderByDescending(c => c.Reference).Skip(fromEnd)
                    .Select(c => c.Reference).FirstAsync();
                cursors.Add(group.At.Ticks.ToString(CultureInfo.InvariantCulture) + "." + reference);
            }
        }
        return (cursors, busiest.Count == 0 ? 0 : busiest[0].Count);
    }

    private static async Task<QueuePage> PageAsync(IServiceProvider root, ClaimsPrincipal officer, QueueFilter filter, string? after, int size)
    {
        await using var scope = root.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WorkQueue>().PageAsync(officer, filter, after, null, size);
    }
}
