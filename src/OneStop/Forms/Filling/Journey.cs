using System.Text.Json.Nodes;
using OneStop.Forms.Answers;
using OneStop.Forms.Definitions;
using OneStop.Forms.Store;

namespace OneStop.Forms.Filling;

/// <summary>
/// One draft as a request sees it: the form version it is pinned to, its answers (decrypted) and the way
/// through: which pages are asked given those answers, what comes before and after a page, and where to
/// carry on. Paths are app-relative (no language prefix): pages turn them into links with Url.Content.
/// </summary>
public sealed class Journey(FormDraft draft, LoadedForm form, JsonObject answers, DateOnly today)
{
    public FormDraft Draft { get; } = draft;
    public LoadedForm Form { get; } = form;
    public FormDefinition Definition => Form.Definition;
    public JsonObject Answers { get; set; } = answers;
    public DateOnly Today { get; } = today;
    public bool Sent => Draft.SubmissionId is not null;

    public IReadOnlyList<PageDefinition> ShownPages => FormRules.ShownPages(Definition, Answers, Today);

    public string PagePath(PageDefinition page, bool change = false) => $"/applications/{Draft.Id}/{page.Id}" + (change ? "?change=1" : "");
    public string CheckPath => $"/applications/{Draft.Id}/check";
    public string SentPath => $"/applications/{Draft.Id}/sent";
    public string StartPath => Draft.ServiceSlug is { } slug ? $"/services/{slug}/apply" : "/applications";

    public bool IsShown(PageDefinition page) => FormRules.IsShown(page, Answers, Today);

    /// <summary>"Step 3 of 7": the page's place among the pages asked now.</summary>
    public (int Step, int Of) Progress(PageDefinition page)
    {
        var shown = ShownPages;
        return (shown.ToList().IndexOf(page) + 1, shown.Count);
    }

    public PageDefinition? After(PageDefinition page)
    {
        var at = IndexOf(page);
        return ShownPages.FirstOrDefault(p => IndexOf(p) > at);
    }

    public PageDefinition? Before(PageDefinition page)
    {
        var at = IndexOf(page);
        return ShownPages.LastOrDefault(p => IndexOf(p) < at);
    }

    /// <summary>The first page asked that still has something to answer or correct; null when everything is ready to check.</summary>
    public PageDefinition? FirstUnfinished(PageDefinition? after = null)
    {
        var errors = FormRules.Validate(Definition, Answers, Today);
        var pages = errors.Select(e => Definition.Field(e.Path.Split('.')[0])).OfType<FieldDefinition>()
            .Select(f => Definition.PageOf(f.Id)).ToHashSet();
        var from = after is null ? -1 : IndexOf(after);
        return ShownPages.FirstOrDefault(p => pages.Contains(p) && IndexOf(p) > from);
    }

    /// <summary>Where "Continue" on My applications goes: the first page with something to do, else check your answers.</summary>
    public string ContinuePath => Sent ? SentPath : FirstUnfinished() is { } page ? PagePath(page) : CheckPath;

    private int IndexOf(PageDefinition page) => Definition.Pages.ToList().IndexOf(page);
}
