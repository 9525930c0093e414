// The work-queue benchmark of bench/cases.sh: how long the officer's queue takes on a large PostgreSQL database,
// per query shape (first page, deep pages, each filter, the closed view, the counts), measured through the app's
// own code: OneStop.Cases.Queue.WorkQueue resolved from a service collection built with the app's AddDatabase,
// one DI scope (a pooled DbContext) per call, as a request would. The baseline is `SELECT 1` through the same
// DbContext in the same run. Prints a Markdown table; writes each shape's plans (EXPLAIN ANALYZE, BUFFERS) to
// --explain-dir.
//
//   dotnet CaseQueue.dll --connection "Host=...;Database=onestop" [--department TD] [--iterations 500]
//       [--warmup 50] [--clients "1 8"] [--deep-pages 2000] [--page-size 25] [--explain-dir DIR]
using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Cases;
using OneStop.Cases.Queue;
using OneStop.Identity;
using OneStop.Identity.Staff;
using OneStop.Platform.Database;
using CaseQueue;

var options = Options.Parse(args);
var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["ConnectionStrings:OneStop"] = options.Connection,
    ["Database:Provider"] = nameof(DatabaseProvider.Postgres),
}).Build();
var services = new ServiceCollection()
    .AddLogging()
    .AddSingleton(TimeProvider.System)
    .Configure<IdentityOptions>(IdentitySetup.ConfigureStores)
    .AddDatabase(configuration)
    // The figures counted afresh on every call: what a node pays when its cache has aged (see the cached shape below).
    .Configure<OneStop.Cases.CasesOptions>(o => o.CountsCacheDuration = TimeSpan.Zero)
    .AddSingleton<QueueCountsCache>()
    .AddScoped<WorkQueue>();
// The app's default: a node reuses a department's figures for 30 seconds.
var cachedCounts = new QueueCountsCache(Microsoft.Extensions.Options.Options.Create(new OneStop.Cases.CasesOptions()));
await using var root = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });

var setup = Stopwatch.StartNew();
var data = await Setup.DiscoverAsync(root, options.Department);
Console.Error.WriteLine($"Department {data.Department}: {data.Total:N0} cases, {data.Open:N0} open, {data.Closed:N0} closed, {data.Waiting:N0} waiting; " +
    $"officer {data.Me} has {data.Mine:N0} open; state '{data.State}' ({data.InState:N0} open), service '{data.Service}' ({data.InService:N0} open)");
var officer = new ClaimsPrincipal(new ClaimsIdentity(
[
    new Claim(ClaimTypes.NameIdentifier, data.Me.ToString()),
    new Claim(StaffClaims.Role, StaffRole.Officer.Name()),
    new Claim(StaffClaims.Department, data.Department),
], "bench"));

// Deep pages the way an officer gets there: following Next from the first page.
var walk = await Setup.FollowNextAsync(root, officer, new QueueFilter(), options.DeepPages, options.PageSize);
Console.Error.WriteLine($"Followed Next through {walk.Pages:N0} pages ({walk.Pages * options.PageSize:N0} cases) in {walk.Elapsed.TotalSeconds:0.0} s, " +
    $"{walk.Elapsed.TotalMilliseconds / Math.Max(1, walk.Pages):0.00} ms a page; kept {walk.Next.Count} cursors from page {walk.FirstKept} on");

// Cursors built from rows at even depths of a filtered list (the cursor's text is "ticks.reference"), for
// lists too long to walk page by page here.
var stateFilter = new QueueFilter(State: data.State);
var mineFilter = new QueueFilter(Assignee: AssigneeFilter.Me);
var overdueFilter = new QueueFilter(Due: DueFilter.Overdue);
var closedFilter = new QueueFilter(QueueView.Closed);
var nearEnd = await Setup.CursorsAtAsync(root, officer, new QueueFilter(), [0.97, 0.98, 0.99, 0.995]);
var stateDeep = await Setup.CursorsAtAsync(root, officer, stateFilter, Setup.Depths(20));
var mineDeep = await Setup.CursorsAtAsync(root, officer, mineFilter, Setup.Depths(20));
var overdueDeep = await Setup.CursorsAtAsync(root, officer, overdueFilter, Setup.Depths(20));
var closedDeep = await Setup.CursorsAtAsync(root, officer, closedFilter, Setup.Depths(20));
var ties = await Setup.TieCursorsAsync(root, officer, 5);
Console.Error.WriteLine($"Set up in {setup.Elapsed.TotalSeconds:0.0} s");

var size = options.PageSize;
Shape Page(string name, QueueFilter filter, IReadOnlyList<string>? after = null, IReadOnlyList<string>? before = null) =>
    new(name, async (scope, i, ct) =>
    {
        var page = await scope.GetRequiredService<WorkQueue>().PageAsync(officer, filter,
            after is null ? null : after[i % after.Count], before is null ? null : before[i % before.Count], size, ct);
        return page.Rows.Count;
    });

var combined = new QueueFilter(State: data.State, Assignee: AssigneeFilter.Unassigned, Due: DueFilter.Overdue);
var shapes = new List<Shape>
{
    new("baseline: SELECT 1 (same DbContext)", async (scope, _, ct) =>
        (await scope.GetRequiredService<OneStopDb>().Database.SqlQuery<int>($"SELECT 1 AS \"Value\"").ToListAsync(ct)).Count),
    Page("open, first page", new QueueFilter()),
    Page($"open, pages {walk.FirstKept + 1:N0}–{walk.Pages + 1:N0} (Next followed)", new QueueFilter(), after: walk.Next),
    Page($"open, pages {walk.FirstKept - 1:N0}–{walk.Pages - 1:N0} backwards (Previous)", new QueueFilter(), before: walk.Previous),
    Page("open, last 3 % (97–99.5 % deep)", new QueueFilter(), after: nearEnd),
    Page($"open, end of the 5 busiest due instants (up to {ties.Largest:N0} cases at one midnight)", new QueueFilter(), after: ties.Cursors),
    Page($"state = {data.State}, first page", stateFilter),
    Page($"state = {data.State}, 5–95 % deep", stateFilter, after: stateDeep),
    Page($"service = {data.Service}, first page", new QueueFilter(Service: data.Service)),
    Page("assigned to me, first page", mineFilter),
    Page("assigned to me, 5–95 % deep", mineFilter, after: mineDeep),
    Page("unassigned, first page", new QueueFilter(Assignee: AssigneeFilter.Unassigned)),
    Page("overdue, first page", overdueFilter),
    Page("overdue, 5–95 % deep", overdueFilter, after: overdueDeep),
    Page($"state = {data.State} + unassigned + overdue, first page", combined),
    Page("waiting for the applicant, first page", new QueueFilter(QueueView.Waiting)),
    Page("closed, first page (newest first)", closedFilter),
    Page("closed, 5–95 % deep", closedFilter, after: closedDeep),
    new("counts, counted afresh (5 queries)", async (scope, _, ct) =>
    {
        var counts = await scope.GetRequiredService<WorkQueue>().CountsAsync(officer, ct);
        return counts.Open;
    }),
    new("counts, from the node's 30 s cache (mine counted)", async (scope, _, ct) =>
    {
        var queue = new WorkQueue(scope.GetRequiredService<OneStopDb>(), cachedCounts, TimeProvider.System);
        var counts = await queue.CountsAsync(officer, ct);
        return counts.Open;
    }),
};

var results = new List<(Shape Shape, int Rows, Dictionary<int, Stats> ByClients)>();
foreach (var shape in shapes)
{
    var rows = await Measure.OnceAsync(root, shape);
    var byClients = new Dictionary<int, Stats>();
    foreach (var clients in options.Clients)
    {
        await Measure.RunAsync(root, shape, clients, options.Warmup);
        var stats = await Measure.RunAsync(root, shape, clients, options.Iterations);
        byClients[clients] = stats;
        Console.Error.WriteLine(FormattableString.Invariant(
            $"  {shape.Name}, {clients} client(s): p50 {stats.P50:0.00} ms, p99 {stats.P99:0.00} ms, max {stats.Max:0.00} ms ({stats.PerSecond:0}/s)"));
    }
    results.Add((shape, rows, byClients));
}

var plans = new Dictionary<string, string>();
if (options.ExplainDir is { } dir)
{
    Directory.CreateDirectory(dir);
    var number = 0;
    foreach (var shape in shapes.Skip(1))
    {
        number++;
        var explained = await Explain.ShapeAsync(root, options.Connection, shape);
        await File.WriteAllTextAsync(Path.Combine(dir, $"{number:00}-{Explain.Slug(shape.Name)}.txt"), explained.Text);
        plans[shape.Name] = explained.Summary;
    }
}

Console.WriteLine(Report.Table(results.Select(r => (r.Shape.Name, r.Rows, r.ByClients, plans.GetValueOrDefault(r.Shape.Name))).ToList(),
    options.Clients));
Console.WriteLine();
Console.WriteLine(FormattableString.Invariant(
    $"CASEQUEUE department={data.Department} department_cases={data.Total} open={data.Open} mine={data.Mine} state={data.State} in_state={data.InState} service={data.Service} in_service={data.InService} iterations={options.Iterations} warmup={options.Warmup} page_size={size} walk_pages={walk.Pages} walk_ms_per_page={walk.Elapsed.TotalMilliseconds / Math.Max(1, walk.Pages):0.00}"));
return 0;

internal sealed record Options(string Connection, string? Department, int Iterations, int Warmup, int[] Clients, int DeepPages, int PageSize, string? ExplainDir)
{
    public static Options Parse(string[] args)
    {
        var map = new Dictionary<string, string>();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"Expected an option, got '{args[i]}'.");
            map[args[i][2..]] = args[i + 1];
        }
        int Int(string key, int fallback) => map.TryGetValue(key, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        return new Options(
            map.TryGetValue("connection", out var c) ? c : throw new ArgumentException("--connection is required."),
            map.GetValueOrDefault("department"),
            Int("iterations", 500),
            Int("warmup", 50),
            (map.GetValueOrDefault("clients") ?? "1 8").Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray(),
            Int("deep-pages", 2000),
            Int("page-size", 25),
            map.GetValueOrDefault("explain-dir"));
    }
}
