using Microsoft.AspNetCore.Mvc;
using OneStop.Forms.Definitions;
using OneStop.Identity;
using OneStop.Platform.Localisation;
using OneStop.Platform.Web.Forms;

namespace OneStop.Office.Forms;

/// <summary>
/// What every page of the structured editor shares: the working copy of the caller's department's form
/// (404 for anyone else's), the problems that stop publishing, and the <see cref="Base"/> token that makes a
/// save based on an outdated copy fail instead of overwriting another administrator's change.
/// </summary>
public abstract class EditorPageModel(FormDrafts drafts, Text text) : FormPageModel
{
    protected FormDrafts Drafts => drafts;
    protected Text T => text;

    public WorkingCopy Copy { get; private set; } = null!;
    public FormDefinition Definition => Copy.Definition;
    public IReadOnlyList<ProblemPlace> Problems { get; private set; } = [];

    /// <summary>The working copy's token, posted back with every edit.</summary>
    [BindProperty] public string? Base { get; set; }
    [TempData] public string? Done { get; set; }

    /// <summary>Loads the copy; false when the form is not the caller's department's.</summary>
    protected async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        if (await drafts.WorkingAsync(User, id, cancellationToken) is not { } copy) return false;
        Copy = copy;
        Problems = (await drafts.ProblemsAsync(copy.Definition, cancellationToken)).Select(p => ProblemPlaces.Locate(copy.Definition, p)).ToList();
        return true;
    }

    /// <summary>On a post: whether the page was based on the copy there is now; adds the error when not.</summary>
    protected bool Current()
    {
        if (Base == Copy.Token) return true;
        AddError("", text["office.forms.error.stale"]);
        return false;
    }

    /// <summary>Saves the change as the draft and records who made it.</summary>
    protected Task SaveAsync(FormDefinition changed, CancellationToken cancellationToken) =>
        drafts.SaveAsync(Copy, changed, User.UserId(), cancellationToken);

    protected string EditorPath(string rest = "") => $"~/office/forms/{Copy.Form.Id}/edit{rest}";

    protected IActionResult RedirectTo(string path, string? done = null)
    {
        Done = done;
        return Redirect(Url.Content(path));
    }

    /// <summary>Adds the string-keyed input errors of a form model.</summary>
    protected void AddErrors(IEnumerable<(string Field, string Key, object? Argument)> errors)
    {
        foreach (var (field, key, argument) in errors) AddError(field, argument is null ? text[key] : text[key, argument]);
    }

    /// <summary>The problems of the item at <paramref name="path"/>, for its own page.</summary>
    public IReadOnlyList<ProblemPlace> ProblemsAt(string path) => Problems.Where(p => p.IsAt(path)).ToList();
}
