using Microsoft.AspNetCore.Mvc;
using OneStop.Cases.Workflows;
using OneStop.Forms.Definitions;
using OneStop.Platform.Localisation;
using OneStop.Platform.Web.Forms;

namespace OneStop.Office.Workflows;

/// <summary>
/// What every page of the workflow editor shares: the working copy of the caller's department's service's
/// workflow (404 for anyone else's), the problems that stop publishing, and the <see cref="Base"/> token that
/// makes a save based on an outdated copy fail instead of overwriting another administrator's change.
/// </summary>
public abstract class WorkflowPageModel(WorkflowDrafts drafts, Text text) : FormPageModel
{
    protected WorkflowDrafts Drafts => drafts;
    protected Text T => text;

    public WorkflowCopy Copy { get; private set; } = null!;
    public WorkflowDefinition Definition => Copy.Definition;
    public IReadOnlyList<WorkflowPlace> Problems { get; private set; } = [];

    /// <summary>The working copy's token, posted back with every edit.</summary>
    [BindProperty] public string? Base { get; set; }
    [TempData] public string? Done { get; set; }

    /// <summary>Loads the copy; false when the service is not the caller's department's.</summary>
    protected async Task<bool> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        if (await drafts.WorkingAsync(User, slug, cancellationToken) is not { } copy) return false;
        Copy = copy;
        Problems = WorkflowCheck.Run(copy.Definition).Select(p => WorkflowPlaces.Locate(copy.Slug, copy.Definition, p)).ToList();
        return true;
    }

    /// <summary>On a post: whether the page was based on the copy there is now; adds the error when not.</summary>
    protected bool Current()
    {
        if (Base == Copy.Token) return true;
        AddError("", text["office.workflows.error.stale"]);
        return false;
    }

    protected Task SaveAsync(WorkflowDefinition changed, CancellationToken cancellationToken) =>
        drafts.SaveAsync(Copy, changed, User, cancellationToken);

    protected string EditorPath(string rest = "") => WorkflowPlaces.Root(Copy.Slug) + rest;

    protected IActionResult RedirectTo(string path, string? done = null)
    {
        Done = done;
        return Redirect(Url.Content(path));
    }

    /// <summary>The problems of the item at <paramref name="path"/>, for its own page.</summary>
    public IReadOnlyList<WorkflowPlace> ProblemsAt(string path) => Problems.Where(p => p.IsAt(path)).ToList();

    /// <summary>A state's or action's name in the reader's language, or its id while it has none.</summary>
    public static string NameOf(Words name, string id) => string.IsNullOrWhiteSpace(name.Current) ? id : name.Current;

    public string StateName(string id) => Definition.State(id) is { } s ? NameOf(s.Name, id) : id;

    /// <summary>Three texts as words, trimmed; empty ones stay empty (a problem WorkflowCheck lists).</summary>
    public static Words WordsOf(string? en, string? zhHk, string? zhCn) =>
        new() { En = (en ?? "").Trim(), ZhHk = (zhHk ?? "").Trim(), ZhCn = (zhCn ?? "").Trim() };
}
