using Microsoft.AspNetCore.Mvc;
using OneStop.Forms.Definitions;
using OneStop.Identity;
using OneStop.Payments.Fees;
using OneStop.Platform.Localisation;
using OneStop.Platform.Web.Forms;

namespace OneStop.Office.Fees;

/// <summary>
/// What every page of the fee editor shares: the service's schedule (404 for a service the caller may not price),
/// the <see cref="Base"/> token that refuses a save based on an outdated page, and FeeCheck's problems in words.
/// </summary>
public abstract class FeePageModel(FeeEditor editor, Text text) : FormPageModel
{
    protected FeeEditor Editor => editor;
    protected Text T => text;

    public FeeCopy Copy { get; private set; } = null!;
    public FeeDefinition? Definition => Copy.Definition;
    public FeeWords Words => new(text, Copy);
    public string Root => FeePaths.Root(Copy.Slug);

    /// <summary>The schedule's token, posted back with every change.</summary>
    [BindProperty] public string? Base { get; set; }
    [TempData] public string? Done { get; set; }

    protected async Task<bool> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        if (await editor.LoadAsync(User, slug, cancellationToken) is not { } copy) return false;
        Copy = copy;
        return true;
    }

    /// <summary>On a post: whether the page was based on the schedule there is now; adds the error when not.</summary>
    protected bool Current()
    {
        if (Base == Copy.Token) return true;
        AddError("", text["office.fees.error.stale"]);
        return false;
    }

    /// <summary>Saves through the editor; on problems, words each one on the input of this page it is about (<paramref name="inputFor"/>) or in the summary.</summary>
    protected async Task<bool> SaveAsync(FeeDefinition changed, Func<(string Kind, string Id, string? Part), FeeProblem, string?> inputFor, bool strict, CancellationToken cancellationToken)
    {
        var problems = await editor.SaveAsync(Copy, changed, User.UserId(), strict, cancellationToken);
        foreach (var problem in problems) AddError(FeeEditor.Locate(changed, problem) is { } place ? inputFor(place, problem) ?? "" : "", Word(changed, problem));
        return problems.Count == 0;
    }

    /// <summary>A problem in the reader's language, with the item or concession it is on.</summary>
    public string Word(FeeDefinition fees, FeeProblem problem)
    {
        var message = text["payments.check." + problem.Code, problem.Arguments.Cast<object>().ToArray()];
        return FeeEditor.Locate(fees, problem) is { } place && !message.Contains(place.Id, StringComparison.Ordinal)
            ? text["office.fees.problemAt." + place.Kind, place.Id, message] : message;
    }

    protected IActionResult RedirectTo(string path, string? done = null)
    {
        Done = done;
        return Redirect(Url.Content(path));
    }

    /// <summary>Three texts as words, trimmed.</summary>
    public static Words WordsOf(string? en, string? zhHk, string? zhCn) =>
        new() { En = (en ?? "").Trim(), ZhHk = (zhHk ?? "").Trim(), ZhCn = (zhCn ?? "").Trim() };
}

public static class FeePaths
{
    public static string Root(string slug) => $"~/office/services/{slug}/fees";
    public static string Item(string slug, string id) => $"{Root(slug)}/items/{Uri.EscapeDataString(id)}";
    public static string Concession(string slug, string id) => $"{Root(slug)}/concessions/{Uri.EscapeDataString(id)}";
}
