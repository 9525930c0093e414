using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OneStop.Cases.Workflows;
using OneStop.Identity.Staff;
using OneStop.Platform.Localisation;

namespace OneStop.Office.Workflows;

/// <summary>
/// Adds a state (no id in the address) or changes one: its names in three languages, what the applicant is told
/// while their case is there, its working-day target, and whether (and how) it ends a case. The id is set once:
/// cases store it, so a published state is never renamed.
/// </summary>
[Authorize(Policy = StaffPolicies.DepartmentAdmin)]
public sealed partial class EditStateModel(WorkflowDrafts drafts, Text text) : WorkflowPageModel(drafts, text)
{
    /// <summary>The outcomes offered for an end state, as the JSON names them ("" for a state that does not end the case).</summary>
    public static readonly string[] Ends = ["", "approved", "rejected", "withdrawn", "closed"];

    [BindProperty] public string? Id { get; set; }
    [BindProperty] public string? NameEn { get; set; }
    [BindProperty] public string? NameZhHk { get; set; }
    [BindProperty] public string? NameZhCn { get; set; }
    [BindProperty] public string? ExplanationEn { get; set; }
    [BindProperty] public string? ExplanationZhHk { get; set; }
    [BindProperty] public string? ExplanationZhCn { get; set; }
    [BindProperty] public string? WorkingDays { get; set; }
    [BindProperty] public string? End { get; set; }

    /// <summary>The state being changed; null when adding one.</summary>
    public StateDefinition? State { get; private set; }
    public string Path => State is null ? EditorPath("/states") : WorkflowPlaces.StatePath(Copy.Slug, State.Id);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")] private static partial Regex IdPattern();

    private async Task<bool> FindAsync(string slug, string? stateId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken)) return false;
        if (stateId is null) return true;
        if (Definition.States.FirstOrDefault(s => s.Id == stateId) is not { } state) return false;
        State = state;
        Id = state.Id;
        (NameEn, NameZhHk, NameZhCn) = (state.Name.En, state.Name.ZhHk, state.Name.ZhCn);
        (ExplanationEn, ExplanationZhHk, ExplanationZhCn) = (state.Explanation?.En, state.Explanation?.ZhHk, state.Explanation?.ZhCn);
        WorkingDays = state.WorkingDays?.ToString(CultureInfo.InvariantCulture);
        End = Name(state.End);
        return true;
    }

    public async Task<IActionResult> OnGetAsync([FromRoute] string slug, [FromRoute] string? stateId, CancellationToken cancellationToken) =>
        await FindAsync(slug, stateId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync([FromRoute] string slug, [FromRoute] string? stateId, CancellationToken cancellationToken)
    {
        var typed = (Id, NameEn, NameZhHk, NameZhCn, ExplanationEn, ExplanationZhHk, ExplanationZhCn, WorkingDays, End);
        if (!await FindAsync(slug, stateId, cancellationToken)) return NotFound();
        (Id, NameEn, NameZhHk, NameZhCn, ExplanationEn, ExplanationZhHk, ExplanationZhCn, WorkingDays, End) = typed;
        if (!Current()) return Page();

        var id = State?.Id ?? (Id ?? "").Trim();
        if (State is null)
        {
            if (id.Length > 64 || !IdPattern().IsMatch(id)) AddError(nameof(Id), T["office.workflows.error.id"]);
            else if (BuiltInStates.All.Any(b => b.Id == id)) AddError(nameof(Id), T["office.workflows.error.reserved"]);
            else if (Definition.States.Any(s => s.Id == id)) AddError(nameof(Id), T["office.workflows.error.stateTaken"]);
        }
        int? days = null;
        if (!string.IsNullOrWhiteSpace(WorkingDays))
        {
            if (int.TryParse(WorkingDays.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var d)) days = d;
            else AddError(nameof(WorkingDays), T["office.workflows.error.wholeNumber"]);
        }
        if (!Ends.Contains(End ?? "")) AddError(nameof(End), T["office.workflows.error.chooseEnd"]);
        if (HasErrors) return Page();

        var explanation = string.IsNullOrWhiteSpace(ExplanationEn) && string.IsNullOrWhiteSpace(ExplanationZhHk) && string.IsNullOrWhiteSpace(ExplanationZhCn)
            ? null : WordsOf(ExplanationEn, ExplanationZhHk, ExplanationZhCn);
        var state = new StateDefinition
        {
            Id = id, Name = WordsOf(NameEn, NameZhHk, NameZhCn), Explanation = explanation, WorkingDays = days, End = Outcome(End),
        };
        var states = State is null ? [.. Definition.States, state] : Definition.States.Select(s => s.Id == id ? state : s).ToList();
        await SaveAsync(Definition with { States = states }, cancellationToken);
        return RedirectTo(EditorPath(), State is null ? "stateAdded" : "saved");
    }

    public static string Name(Outcome? outcome) => outcome?.ToString().ToLowerInvariant() ?? "";

    private static Outcome? Outcome(string? name) =>
        Enum.GetValues<Outcome>().Cast<Outcome?>().FirstOrDefault(o => Name(o) == name);
}
