using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneStop.Cases;
using OneStop.Cases.Engine;
using OneStop.Cases.Queue;
using OneStop.Forms.Definitions;
using OneStop.Identity;
using OneStop.Identity.Staff;
using OneStop.Platform.Web;

namespace OneStop.Office.Cases;

/// <summary>
/// The department's work queue: figures at a glance, a GET filter form, one keyset page of cases (soonest
/// due first), Previous/Next links that keep the filters, and a Claim button on unassigned cases.
/// </summary>
[Authorize(Policy = StaffPolicies.Officer)]
public sealed class QueueModel(WorkQueue queue, CaseActions actions, CaseDirectory directory, TimeProvider clock,
    IOptions<CasesOptions> options) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? View { get; set; }
    [BindProperty(SupportsGet = true)] public string? State { get; set; }
    [BindProperty(SupportsGet = true)] public string? Service { get; set; }
    [BindProperty(SupportsGet = true)] public string? Assignee { get; set; }
    [BindProperty(SupportsGet = true)] public string? Due { get; set; }
    [BindProperty(SupportsGet = true)] public string? After { get; set; }
    [BindProperty(SupportsGet = true)] public string? Before { get; set; }

    /// <summary>Set after a claim: the reference, and whether it worked (another officer may have been first).</summary>
    [TempData] public string? Claimed { get; set; }
    [TempData] public bool ClaimFailed { get; set; }

    public QueueFilter Filter { get; private set; } = new();
    public QueuePage Results { get; private set; } = new([], null, null);
    public QueueCounts Counts { get; private set; } = new(new Dictionary<string, int>(), 0, 0, 0, 0);
    public IReadOnlyList<DepartmentService> Services { get; private set; } = [];
    public IReadOnlyList<DepartmentPerson> People { get; private set; } = [];
    public IReadOnlyDictionary<string, Words> StateNames { get; private set; } = new Dictionary<string, Words>();
    public DateTime Now { get; private set; }
    public Guid Me => User.UserId()!.Value;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Filter = ReadFilter();
        Now = clock.GetUtcNow().UtcDateTime;
        Services = await directory.ServicesAsync(User, cancellationToken);
        People = await directory.PeopleAsync(User, cancellationToken);
        StateNames = await directory.StateNamesAsync(User, cancellationToken);
        Counts = await queue.CountsAsync(User, cancellationToken);
        Results = await queue.PageAsync(User, Filter, After, Before, options.Value.QueuePageSize, cancellationToken);
    }

    /// <summary>Takes an unassigned case; back to the same page of the queue either way.</summary>
    public async Task<IActionResult> OnPostClaimAsync(Guid caseId, string? reference, CancellationToken cancellationToken)
    {
        // The queue shows no revision: a claim needs none, because only an unassigned case can be claimed, so
        // one taken meanwhile is refused rather than overwritten.
        var revision = await queue.Filtered(User, new QueueFilter()).Where(c => c.Id == caseId).Select(c => (int?)c.Revision).SingleOrDefaultAsync(cancellationToken)
            ?? await queue.Filtered(User, new QueueFilter(QueueView.Waiting)).Where(c => c.Id == caseId).Select(c => (int?)c.Revision).SingleOrDefaultAsync(cancellationToken);
        var result = revision is { } r ? await actions.AssignAsync(User, caseId, r, Me, cancellationToken) : new CaseResult.NotFound();
        Claimed = result is CaseResult.Done done ? done.Case.Reference : reference;
        ClaimFailed = result is not CaseResult.Done;
        return Redirect(Link(After, Before));
    }

    /// <summary>This page of the queue with the filters kept and the given cursors.</summary>
    public string Link(string? after, string? before, string? handler = null) => PageLinks.With(Url.Content("~/office/cases"),
        ("handler", handler), ("view", View), ("state", State), ("service", Service), ("assignee", Assignee), ("due", Due), ("after", after), ("before", before));

    /// <summary>The queue narrowed to one figure at the top (with no other filter).</summary>
    public string CountLink(params (string Key, string? Value)[] query) => PageLinks.With(Url.Content("~/office/cases"), query);

    public string PersonName(Guid? id) => id is { } i ? People.FirstOrDefault(p => p.Id == i)?.Email ?? "" : "";

    public string ServiceName(string slug) => Services.FirstOrDefault(s => s.Slug == slug)?.Name.Current ?? slug;

    public string StateName(string id) => StateNames.TryGetValue(id, out var name) ? name.Current : id;

    /// <summary>The query's words as a filter; anything unknown reads as its default (a hand-edited link never fails).</summary>
    private QueueFilter ReadFilter()
    {
        var view = View switch { "waiting" => QueueView.Waiting, "closed" => QueueView.Closed, _ => QueueView.Open };
        var due = Due switch { "overdue" => DueFilter.Overdue, "today" => DueFilter.Today, "week" => DueFilter.Week, _ => DueFilter.Any };
        var (assignee, person) = Assignee switch
        {
            "me" => (AssigneeFilter.Me, (Guid?)null),
            "unassigned" => (AssigneeFilter.Unassigned, null),
            _ when Guid.TryParse(Assignee, out var id) => (AssigneeFilter.Person, id),
            _ => (AssigneeFilter.Anyone, null),
        };
        return new QueueFilter(view, string.IsNullOrWhiteSpace(State) ? null : State, string.IsNullOrWhiteSpace(Service) ? null : Service, assignee, person, due);
    }
}
