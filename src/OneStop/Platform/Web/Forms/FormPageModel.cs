using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OneStop.Platform.Web.Forms;

/// <summary>
/// A page with a form: errors are kept per field in ModelState, in the person's language, and shown
/// by _ErrorSummary and the field partials. Field names double as element ids, so summary links land
/// on the field.
/// </summary>
public abstract class FormPageModel : PageModel
{
    public string? ErrorFor(string field) =>
        ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    // ModelState enumerates its keys by length, not as added; the summary should follow the page.
    private readonly List<string> _errorOrder = [];

    /// <summary>The first error of each field, in the order <see cref="AddError"/> was called (any others after, stably).</summary>
    public IEnumerable<(string Field, string Message)> Errors =>
        ModelState.Where(e => e.Value is { Errors.Count: > 0 })
            .OrderBy(e => _errorOrder.IndexOf(e.Key) is var i and >= 0 ? i : int.MaxValue)
            .Select(e => (e.Key, e.Value!.Errors[0].ErrorMessage));

    public void AddError(string field, string message)
    {
        if (!_errorOrder.Contains(field)) _errorOrder.Add(field);
        ModelState.AddModelError(field, message);
    }

    public bool HasErrors => !ModelState.IsValid;
}

/// <summary>A GOV.UK text input with label, hint and error; rendered by _TextInput.cshtml.</summary>
public sealed record TextInput(string Name, string Label, string? Value, string? Error)
{
    public string Type { get; init; } = "text";
    public string? Hint { get; init; }
    public string? Autocomplete { get; init; }
    public string? WidthClass { get; init; }
    public bool Spellcheck { get; init; }
    public string? InputMode { get; init; }
    /// <summary>Passwords are never sent back to the browser, even after an error.</summary>
    public bool KeepValue => Type != "password";
}
