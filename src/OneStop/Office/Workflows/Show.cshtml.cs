using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OneStop.Cases;
using OneStop.Cases.Workflows;
using OneStop.Identity.Staff;
using OneStop.Platform.Localisation;
using static OneStop.Office.Forms.DefinitionEdits;

namespace OneStop.Office.Workflows;

/// <summary>
/// A service's workflow: which version new cases start on, the draft and its problems, the pledge and start
/// state, the states and actions in order (moved and removed here, edited on their own pages), and the versions.
/// </summary>
[Authorize(Policy = StaffPolicies.DepartmentAdmin)]
public sealed class ShowModel(WorkflowDrafts drafts, Text text) : WorkflowPageModel(drafts, text)
{
    [BindProperty] public string? Start { get; set; }
    [BindProperty] public string? PledgeDays { get; set; }
    [BindProperty] public string? PledgePercent { get; set; }
    [BindProperty] public string? Item { get; set; }
    [BindProperty] public int By { get; set; }

    public IReadOnlyList<WorkflowVersion> Versions { get; private set; } = [];

    private async Task<bool> FindAsync(string slug, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken)) return false;
        Versions = await Drafts.VersionsAsync(slug, cancellationToken);
        Start = Definition.Start;
        PledgeDays = Definition.Pledge.WorkingDays.ToString(CultureInfo.InvariantCulture);
        PledgePercent = Definition.Pledge.Percent.ToString(CultureInfo.InvariantCulture);
        return true;
    }

    public async Task<IActionResult> OnGetAsync([FromRoute] string slug, CancellationToken cancellationToken) =>
        await FindAsync(slug, cancellationToken) ? Page() : NotFound();

    /// <summary>Saves the start state and the pledge.</summary>
    public async Task<IActionResult> OnPostAsync([FromRoute] string slug, CancellationToken cancellationToken)
    {
        var typed = (Start, PledgeDays, PledgePercent);
        if (!await FindAsync(slug, cancellationToken)) return NotFound();
        (Start, PledgeDays, PledgePercent) = typed;
        if (!Current()) return Page();
        if (!int.TryParse(PledgeDays, NumberStyles.None, CultureInfo.InvariantCulture, out var days)) AddError(nameof(PledgeDays), T["office.workflows.error.wholeNumber"]);
        if (!int.TryParse(PledgePercent, NumberStyles.None, CultureInfo.InvariantCulture, out var percent)) AddError(nameof(PledgePercent), T["office.workflows.error.wholeNumber"]);
        if (Definition.States.All(s => s.Id != Start)) AddError(nameof(Start), T["office.workflows.error.chooseState"]);
        if (HasErrors) return Page();
        await SaveAsync(Definition with { Start = Start!, Pledge = new Pledge { WorkingDays = days, Percent = percent } }, cancellationToken);
        return RedirectTo(EditorPath(), "saved");
    }

    /// <summary>Makes a draft of the version new cases start on now (the built-in default when there is none), to change.</summary>
    public async Task<IActionResult> OnPostStartAsync([FromRoute] string slug, CancellationToken cancellationToken)
    {
        if (!await FindAsync(slug, cancellationToken)) return NotFound();
        if (!Current()) return Page();
        if (!Copy.IsDraft) await SaveAsync(Definition, cancellationToken);
        return RedirectTo(EditorPath(), "started");
    }

    public Task<IActionResult> OnPostMoveStateAsync([FromRoute] string slug, CancellationToken cancellationToken) =>
        ChangeAsync(slug, d => (d with { States = Move(d.States, s => s.Id == Item, By < 0 ? -1 : 1) }, null), "moved", "section-states", cancellationToken);

    public Task<IActionResult> OnPostMoveActionAsync([FromRoute] string slug, CancellationToken cancellationToken) =>
        ChangeAsync(slug, d => (d with { Actions = Move(d.Actions, a => a.Id == Item, By < 0 ? -1 : 1) }, null), "moved", "section-actions", cancellationToken);

    /// <summary>
    /// Removes a state nothing refers to. A state still named by the start or an action stays, with the reason,
    /// so removing never leaves an action pointing nowhere; the last state stays (a workflow needs states).
    /// </summary>
    public Task<IActionResult> OnPostDeleteStateAsync([FromRoute] string slug, CancellationToken cancellationToken) =>
        ChangeAsync(slug, d =>
        {
            if (d.States.Count <= 1) return (null, "office.workflows.error.lastState");
            if (d.Start == Item) return (null, "office.workflows.error.stateIsStart");
            if (d.Actions.Any(a => a.To == Item || a.From.Contains(Item!))) return (null, "office.workflows.error.stateInUse");
            return (d with { States = Without(d.States, s => s.Id == Item) }, null);
        }, "deleted", "section-states", cancellationToken);

    public Task<IActionResult> OnPostDeleteActionAsync([FromRoute] string slug, CancellationToken cancellationToken) =>
        ChangeAsync(slug, d => d.Actions.Count <= 1 ? (null, "office.workflows.error.lastAction") : (d with { Actions = Without(d.Actions, a => a.Id == Item) }, null),
            "deleted", "section-actions", cancellationToken);

    /// <summary>A list change from one of the small per-row forms: the changed definition, or the key of why it is refused.</summary>
    private async Task<IActionResult> ChangeAsync(string slug, Func<WorkflowDefinition, (WorkflowDefinition? Changed, string? Refusal)> change, string done,
        string errorField, CancellationToken cancellationToken)
    {
        if (!await FindAsync(slug, cancellationToken)) return NotFound();
        if (!Current()) return Page();
        var (changed, refusal) = change(Definition);
        if (changed is null)
        {
            AddError(errorField, T[refusal!]);
            return Page();
        }
        await SaveAsync(changed, cancellationToken);
        return RedirectTo(EditorPath(), done);
    }

    /// <summary>How the version a case would start on now is described.</summary>
    public string Running => Copy.PublishedVersion is { } v ? T["office.workflows.versionNumber", v] : T["office.workflows.default"];
}
