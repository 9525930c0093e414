using System.Text.RegularExpressions;
using OneStop.Forms.Definitions;
using OneStop.Identity.Staff;

namespace OneStop.Cases.Workflows;

/// <summary>
/// A fault in a workflow: where (a JSON path such as <c>actions[2].to</c>), a code the back office words in
/// the admin's language (<c>cases.check.{Code}</c>), and the names it quotes.
/// </summary>
public sealed record WorkflowProblem(string Path, string Code, params string[] Arguments);

/// <summary>
/// What the JSON shape cannot say: ids that exist and are unique, a start that is not an end, roles that
/// exist, sensible targets, and — the check the issue names — every state reachable from the start and able
/// to reach an end, so no case can be stranded. Publishing refuses a workflow with any problem.
/// </summary>
public static partial class WorkflowCheck
{
    public const int MaxWorkingDays = 365;

    /// <summary>Roles a workflow may name: the departmental ones.</summary>
    public static readonly string[] Roles = [StaffRole.Officer.Name(), StaffRole.Supervisor.Name(), StaffRole.DepartmentAdmin.Name()];

    /// <summary>The notifications an action may send the applicant: those with templates, other than receipt and staff alerts.</summary>
    public static readonly IReadOnlyList<string> NotifyEvents = Notifications.Templates.DefaultTemplates.Events
        .Where(e => e.StartsWith("case.") && e != Notifications.Templates.NotificationEvents.CaseReceived && e != Notifications.Templates.NotificationEvents.CasePaymentDue && !Notifications.Templates.DefaultTemplates.StaffFacing.Contains(e)).ToList();

    public static IReadOnlyList<WorkflowProblem> Run(WorkflowDefinition w)
    {
        var problems = new List<WorkflowProblem>();
        var states = new Dictionary<string, StateDefinition>();
        for (var i = 0; i < w.States.Count; i++)
        {
            var s = w.States[i];
            var at = $"states[{i}]";
            CheckId(s.Id, at + ".id", problems);
            if (BuiltInStates.All.Any(b => b.Id == s.Id)) problems.Add(new(at + ".id", "reserved", s.Id));
            else if (!states.TryAdd(s.Id, s)) problems.Add(new(at + ".id", "duplicateState", s.Id));
            CheckWords(s.Name, at + ".name", problems);
            if (s.Explanation is { } e) CheckWords(e, at + ".explanation", problems);
            if (s.IsEnd && s.WorkingDays is not null) problems.Add(new(at + ".workingDays", "endHasTarget", s.Id));
            if (s.WorkingDays is { } d && (d < 1 || d > MaxWorkingDays)) problems.Add(new(at + ".workingDays", "daysOutOfRange", d.ToString()));
        }
        if (!states.Values.Any(s => s.IsEnd)) problems.Add(new("states", "noEnd"));
        if (!states.TryGetValue(w.Start, out var start)) problems.Add(new("start", "unknownState", w.Start));
        else if (start.IsEnd) problems.Add(new("start", "startIsEnd", w.Start));
        if (w.Pledge.WorkingDays < 1 || w.Pledge.WorkingDays > MaxWorkingDays) problems.Add(new("pledge.workingDays", "daysOutOfRange", w.Pledge.WorkingDays.ToString()));
        if (w.Pledge.Percent < 1 || w.Pledge.Percent > 100) problems.Add(new("pledge.percent", "percentOutOfRange", w.Pledge.Percent.ToString()));

        var actionIds = new HashSet<string>();
        for (var i = 0; i < w.Actions.Count; i++)
        {
            var a = w.Actions[i];
            var at = $"actions[{i}]";
            CheckId(a.Id, at + ".id", problems);
            if (!actionIds.Add(a.Id)) problems.Add(new(at + ".id", "duplicateAction", a.Id));
            CheckWords(a.Name, at + ".name", problems);
            if (a.From.Count == 0) problems.Add(new(at + ".from", "noFrom", a.Id));
            for (var j = 0; j < a.From.Count; j++)
            {
                if (!states.TryGetValue(a.From[j], out var from)) problems.Add(new($"{at}.from[{j}]", "unknownState", a.From[j]));
                else if (from.IsEnd) problems.Add(new($"{at}.from[{j}]", "fromEnd", a.From[j]));
            }
            if (!states.ContainsKey(a.To)) problems.Add(new(at + ".to", "unknownState", a.To));
            if (!Roles.Contains(a.Role)) problems.Add(new(at + ".role", "unknownRole", a.Role));
            if (a.Notify is { } n && !NotifyEvents.Contains(n)) problems.Add(new(at + ".notify", "badEvent", n));
        }

        if (problems.Count == 0) CheckPaths(w, states, problems);
        return problems;
    }

    /// <summary>Forward from the start and backward from the ends over the declared actions.</summary>
    private static void CheckPaths(WorkflowDefinition w, Dictionary<string, StateDefinition> states, List<WorkflowProblem> problems)
    {
        var reachable = Closure([w.Start], s => w.Actions.Where(a => a.From.Contains(s)).Select(a => a.To));
        var endingFrom = Closure(states.Values.Where(s => s.IsEnd).Select(s => s.Id), s => w.Actions.Where(a => a.To == s).SelectMany(a => a.From));
        for (var i = 0; i < w.States.Count; i++)
        {
            var id = w.States[i].Id;
            if (!reachable.Contains(id)) problems.Add(new($"states[{i}]", "unreachable", id));
            else if (!endingFrom.Contains(id)) problems.Add(new($"states[{i}]", "noWayToEnd", id));
        }
    }

    private static HashSet<string> Closure(IEnumerable<string> seeds, Func<string, IEnumerable<string>> next)
    {
        var seen = new HashSet<string>(seeds);
        var queue = new Queue<string>(seen);
        while (queue.TryDequeue(out var s))
            foreach (var n in next(s))
                if (seen.Add(n)) queue.Enqueue(n);
        return seen;
    }

    private static void CheckId(string id, string path, List<WorkflowProblem> problems)
    {
        if (!IdPattern().IsMatch(id)) problems.Add(new(path, "badId", id));
    }

    private static void CheckWords(Words words, string path, List<WorkflowProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(words.En)) problems.Add(new(path + ".en", "missingText"));
        if (string.IsNullOrWhiteSpace(words.ZhHk)) problems.Add(new(path + ".zh-HK", "missingText"));
        if (string.IsNullOrWhiteSpace(words.ZhCn)) problems.Add(new(path + ".zh-CN", "missingText"));
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")] private static partial Regex IdPattern();
}
