using System.Globalization;
using System.Text.RegularExpressions;
using OneStop.Cases.Workflows;

namespace OneStop.Office.Workflows;

/// <summary>
/// Where a workflow problem is, for people: which item (a string key and its arguments), the editor page that
/// changes it (<c>~/office/workflows/…</c>), and the id of the input there. Built from the problem's path
/// (<c>actions[2].name.zh-HK</c>).
/// </summary>
public sealed record WorkflowPlace(WorkflowProblem Problem, string ItemKey, string[] ItemArgs, string Path, string Anchor)
{
    public bool IsAt(string path) => string.Equals(Path, path, StringComparison.Ordinal);
}

public static partial class WorkflowPlaces
{
    [GeneratedRegex(@"^(states|actions)\[(\d+)\](?:\.(.+))?$")] private static partial Regex Item();

    public static string Root(string slug) => $"~/office/workflows/{slug}";

    public static string StatePath(string slug, string id) => $"{Root(slug)}/states/{Uri.EscapeDataString(id)}";

    public static string ActionPath(string slug, string id) => $"{Root(slug)}/actions/{Uri.EscapeDataString(id)}";

    public static WorkflowPlace Locate(string slug, WorkflowDefinition workflow, WorkflowProblem problem)
    {
        var root = Root(slug);
        if (Item().Match(problem.Path) is { Success: true } m)
        {
            var index = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
            var rest = m.Groups[3].Success ? m.Groups[3].Value : null;
            if (m.Groups[1].Value == "states" && index < workflow.States.Count)
            {
                var id = workflow.States[index].Id;
                return id.Length == 0
                    ? new(problem, "office.workflows.place.state", [index.ToString(CultureInfo.InvariantCulture)], root, "section-states")
                    : new(problem, "office.workflows.place.state", [id], StatePath(slug, id), Anchor(rest));
            }
            if (m.Groups[1].Value == "actions" && index < workflow.Actions.Count)
            {
                var id = workflow.Actions[index].Id;
                return id.Length == 0
                    ? new(problem, "office.workflows.place.action", [index.ToString(CultureInfo.InvariantCulture)], root, "section-actions")
                    : new(problem, "office.workflows.place.action", [id], ActionPath(slug, id), Anchor(rest));
            }
        }
        var anchor = problem.Path switch
        {
            "start" => "Start",
            "pledge.workingDays" => "PledgeDays",
            "pledge.percent" => "PledgePercent",
            "states" => "section-states",
            _ => "section-versions",
        };
        return new(problem, "office.workflows.place.workflow", [], root, anchor);
    }

    /// <summary>The input id on a state's or action's page for the rest of a path: <c>name.zh-HK</c> → <c>NameZhHk</c>, <c>from[1]</c> → <c>From</c>.</summary>
    public static string Anchor(string? rest)
    {
        if (rest is null) return "Name";
        var parts = rest.Split('.');
        var first = parts[0];
        if (first.StartsWith("from", StringComparison.Ordinal)) return "From";
        var language = parts.Length > 1 ? parts[^1] switch { "en" => "En", "zh-HK" => "ZhHk", "zh-CN" => "ZhCn", _ => "" } : "";
        return first switch
        {
            "name" or "explanation" => Pascal(first) + (language.Length == 0 ? "En" : language),
            "end" => "End",
            _ => Pascal(first),
        };
    }

    private static string Pascal(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..];
}

/// <summary>The problems partial's model; links to <see cref="CurrentPath"/> stay on the page.</summary>
public sealed record WorkflowProblemsView(IReadOnlyList<WorkflowPlace> Places, string Title, string? CurrentPath = null);
