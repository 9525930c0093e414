using System.Globalization;
using System.Text.RegularExpressions;
using OneStop.Forms.Definitions;

namespace OneStop.Office.Forms;

/// <summary>
/// Where a definition problem is, for people: which item (a string key and its arguments), the editor
/// page that changes it, and the id of the input on that page. Built from the problem's location
/// (<c>pages[1].fields[0].options[2].label.zh-HK</c>).
/// </summary>
public sealed record ProblemPlace(DefinitionProblem Problem, string ItemKey, string[] ItemArgs, string Path, string Anchor)
{
    /// <summary>The editor page, relative to the site (<c>~/office/forms/…</c>).</summary>
    public string Url => Path + "#" + Anchor;
}

public static partial class ProblemPlaces
{
    [GeneratedRegex(@"^pages\[(\d+)\](?:\.fields\[(\d+)\](?:\.fields\[(\d+)\])?)?(?:\.(.+))?$")] private static partial Regex InPage();
    [GeneratedRegex(@"^rules\[(\d+)\](?:\.(.+))?$")] private static partial Regex InRule();
    [GeneratedRegex(@"^(\w+)\[(\d+)\]$")] private static partial Regex Indexed();

    public static ProblemPlace Locate(FormDefinition form, DefinitionProblem problem)
    {
        var root = $"~/office/forms/{form.Id}/edit";
        if (InPage().Match(problem.Where) is { Success: true } m)
        {
            var page = form.Pages[Number(m.Groups[1])];
            var rest = m.Groups[4].Success ? m.Groups[4].Value : null;
            if (!m.Groups[2].Success)
                return new(problem, "office.forms.place.page", [page.Id], $"{root}/pages/{page.Id}", Anchor(rest ?? "id"));
            var field = page.Fields[Number(m.Groups[2])];
            if (!m.Groups[3].Success)
                return new(problem, "office.forms.place.field", [field.Id], $"{root}/fields/{field.Id}", Anchor(rest ?? "id"));
            var child = field.Fields[Number(m.Groups[3])];
            return new(problem, "office.forms.place.child", [field.Id, child.Id], $"{root}/fields/{field.Id}/{child.Id}", Anchor(rest ?? "id"));
        }
        if (InRule().Match(problem.Where) is { Success: true } r)
        {
            var rule = form.Rules[Number(r.Groups[1])];
            return new(problem, "office.forms.place.rule", [rule.Id], $"{root}/rules/{rule.Id}", Anchor(r.Groups[2].Success ? r.Groups[2].Value : "id"));
        }
        return new(problem, "office.forms.place.form", [], root, problem.Where == "pages" ? "section-pages" : Anchor(problem.Where));
    }

    /// <summary>Whether the problem is in the item edited at <paramref name="path"/> (its own page, not a child's).</summary>
    public static bool IsAt(this ProblemPlace place, string path) => string.Equals(place.Path, path, StringComparison.Ordinal);

    /// <summary>The editor's input id for the rest of a location: <c>label.zh-HK</c> → <c>LabelZhHk</c>, <c>options[2].value</c> → <c>Options_2__Value</c>.</summary>
    public static string Anchor(string rest)
    {
        var parts = rest.Split('.');
        var first = parts[0];
        var language = parts.Length > 1 ? Language(parts[^1]) : null;
        if (Indexed().Match(first) is { Success: true } indexed && indexed.Groups[1].Value == "options")
        {
            var n = indexed.Groups[2].Value;
            return parts.Length > 1 && parts[1] == "label" ? $"Options_{n}__Label{language ?? "En"}" : $"Options_{n}__Value";
        }
        return first switch
        {
            "label" or "hint" or "itemLabel" or "title" or "description" or "message" => Pascal(first) + (language ?? "En"),
            "options" => "Options_0__Value",
            "errors" => "section-errors",
            "showIf" => "ShowIfMode",
            "when" => "WhenMode",
            "assert" => "AssertMode",
            "fields" => "section-fields",
            "department" => "TitleEn",
            _ => Pascal(first),
        };
    }

    private static string? Language(string part) => part switch { "en" => "En", "zh-HK" => "ZhHk", "zh-CN" => "ZhCn", _ => null };

    private static string Pascal(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..];

    private static int Number(Group group) => int.Parse(group.Value, CultureInfo.InvariantCulture);
}

/// <summary>The problems partial's model; links to <see cref="CurrentPath"/> stay on the page.</summary>
public sealed record ProblemsView(IReadOnlyList<ProblemPlace> Places, string Title, string? CurrentPath = null);
