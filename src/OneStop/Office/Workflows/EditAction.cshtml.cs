using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OneStop.Cases.Workflows;
using OneStop.Identity.Staff;
using OneStop.Platform.Localisation;

namespace OneStop.Office.Workflows;

/// <summary>
/// Adds an action (no id in the address) or changes one: its name, the states it may be taken from and the one
/// it leads to, the least role that may take it, what the officer must give, and the notification it sends.
/// </summary>
[Authorize(Policy = StaffPolicies.DepartmentAdmin)]
public sealed partial class EditActionModel(WorkflowDrafts drafts, Text text) : WorkflowPageModel(drafts, text)
{
    [BindProperty] public string? Id { get; set; }
    [BindProperty] public string? NameEn { get; set; }
    [BindProperty] public string? NameZhHk { get; set; }
    [BindProperty] public string? NameZhCn { get; set; }
    [BindProperty] public List<string> From { get; set; } = [];
    [BindProperty] public string? To { get; set; }
    [BindProperty] public string? Role { get; set; }
    [BindProperty] public bool RequiresReason { get; set; }
    [BindProperty] public bool RequiresNote { get; set; }
    [BindProperty] public bool RequiresDocument { get; set; }
    [BindProperty] public string? Notify { get; set; }

    /// <summary>The action being changed; null when adding one.</summary>
    public ActionDefinition? Action { get; private set; }
    public string Path => Action is null ? EditorPath("/actions") : WorkflowPlaces.ActionPath(Copy.Slug, Action.Id);

    /// <summary>States an action may leave: those that do not end a case, and any the action names already (so a fault shows).</summary>
    public IEnumerable<StateDefinition> FromChoices => Definition.States.Where(s => !s.IsEnd || From.Contains(s.Id));

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")] private static partial Regex IdPattern();

    private async Task<bool> FindAsync(string slug, string? actionId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(slug, cancellationToken)) return false;
        if (actionId is null)
        {
            Role = WorkflowCheck.Roles[0];
            return true;
        }
        if (Definition.Actions.FirstOrDefault(a => a.Id == actionId) is not { } action) return false;
        Action = action;
        Id = action.Id;
        (NameEn, NameZhHk, NameZhCn) = (action.Name.En, action.Name.ZhHk, action.Name.ZhCn);
        From = [.. action.From];
        (To, Role, Notify) = (action.To, action.Role, action.Notify);
        (RequiresReason, RequiresNote, RequiresDocument) = (action.Requires?.Reason ?? false, action.Requires?.Note ?? false, action.Requires?.Document ?? false);
        return true;
    }

    public async Task<IActionResult> OnGetAsync([FromRoute] string slug, [FromRoute] string? actionId, [FromQuery(Name = "from")] string? from,
        CancellationToken cancellationToken)
    {
        if (!await FindAsync(slug, actionId, cancellationToken)) return NotFound();
        if (Action is null && from is not null && Definition.States.Any(s => s.Id == from)) From = [from];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] string slug, [FromRoute] string? actionId, CancellationToken cancellationToken)
    {
        var typed = (Id, NameEn, NameZhHk, NameZhCn, From, To, Role, RequiresReason, RequiresNote, RequiresDocument, Notify);
        if (!await FindAsync(slug, actionId, cancellationToken)) return NotFound();
        (Id, NameEn, NameZhHk, NameZhCn, From, To, Role, RequiresReason, RequiresNote, RequiresDocument, Notify) = typed;
        if (!Current()) return Page();

        var id = Action?.Id ?? (Id ?? "").Trim();
        if (Action is null)
        {
            if (id.Length > 64 || !IdPattern().IsMatch(id)) AddError(nameof(Id), T["office.workflows.error.id"]);
            else if (Definition.Actions.Any(a => a.Id == id)) AddError(nameof(Id), T["office.workflows.error.actionTaken"]);
        }
        // Only states of this workflow, in its order; an action with none would not be a workflow file at all.
        var from = Definition.States.Select(s => s.Id).Where(From.Contains).ToList();
        if (from.Count == 0) AddError(nameof(From), T["office.workflows.error.chooseFrom"]);
        if (Definition.States.All(s => s.Id != To)) AddError(nameof(To), T["office.workflows.error.chooseState"]);
        if (!WorkflowCheck.Roles.Contains(Role)) AddError(nameof(Role), T["office.workflows.error.chooseRole"]);
        if (HasErrors) return Page();

        var action = new ActionDefinition
        {
            Id = id,
            Name = WordsOf(NameEn, NameZhHk, NameZhCn),
            From = from,
            To = To!,
            Role = Role!,
            Requires = RequiresReason || RequiresNote || RequiresDocument
                ? new Requirements { Reason = RequiresReason, Note = RequiresNote, Document = RequiresDocument } : null,
            Notify = string.IsNullOrWhiteSpace(Notify) ? null : Notify.Trim(),
        };
        var actions = Action is null ? [.. Definition.Actions, action] : Definition.Actions.Select(a => a.Id == id ? action : a).ToList();
        await SaveAsync(Definition with { Actions = actions }, cancellationToken);
        return RedirectTo(EditorPath(), Action is null ? "actionAdded" : "saved");
    }
}
