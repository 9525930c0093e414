using OneStop.Cases.Calendar;
using OneStop.Cases.Workflows;
using OneStop.Identity.Staff;

namespace OneStop.Cases.Engine;

/// <summary>What an officer gives with an action; <see cref="Revision"/> is the case revision they saw.</summary>
public sealed record ActionInput(string ActionId, int Revision, string? Reason = null, string? Note = null, Guid? DocumentId = null);

/// <summary>Why a move was refused, as a code the pages word (<c>cases.refused.{Code}</c>) and the field it concerns.</summary>
public sealed record MoveRefusal(string Code, string? Field = null);

/// <summary>
/// The workflow rules, pure: which actions a role may take from a state, what each needs, and where a case's
/// targets fall after a move. <see cref="CaseActions"/> loads, applies and saves; this decides.
/// </summary>
public static class CaseMoves
{
    /// <summary>The built-in action that returns a case to the applicant; every open state has it.</summary>
    public const string RequestInformation = "request-information";

    /// <summary>The workflow's actions open to <paramref name="role"/> from the case's state (none once closed or while returned).</summary>
    public static IEnumerable<ActionDefinition> Available(WorkflowDefinition workflow, string state, StaffRole role) =>
        workflow.ActionsFrom(state).Where(a => role.Includes(a.MinimumRole));

    public static bool CanRequestInformation(WorkflowDefinition workflow, string state, StaffRole role) =>
        role.Includes(StaffRole.Officer) && workflow.State(state) is { IsEnd: false } && !BuiltInStates.WaitsForApplicant(state);

    /// <summary>Null when the action may be taken with this input; otherwise why not.</summary>
    public static MoveRefusal? Check(WorkflowDefinition workflow, string state, StaffRole role, ActionInput input)
    {
        var action = workflow.Action(input.ActionId);
        if (action is null || !action.From.Contains(state)) return new MoveRefusal("notAvailable");
        if (!role.Includes(action.MinimumRole)) return new MoveRefusal("role");
        var requires = action.Requires ?? new Requirements();
        if (requires.Reason && string.IsNullOrWhiteSpace(input.Reason)) return new MoveRefusal("reasonRequired", "Reason");
        if (requires.Note && string.IsNullOrWhiteSpace(input.Note)) return new MoveRefusal("noteRequired", "Note");
        if (requires.Document && input.DocumentId is null) return new MoveRefusal("documentRequired", "Document");
        return null;
    }

    /// <summary>Puts <paramref name="c"/> into <paramref name="state"/> at <paramref name="now"/>, setting its targets, outcome and queue columns.</summary>
    public static void Enter(Case c, StateDefinition state, DateTime now, WorkingDays days)
    {
        c.State = state.Id;
        c.StateEnteredAt = now;
        c.UpdatedAt = now;
        if (state.End is { } outcome)
        {
            c.Outcome = outcome;
            c.ClosedAt = now;
            c.StateDueAt = null;
            c.DueAt = null;
            c.PausedAt = null;
            c.ResumeState = null;
            return;
        }
        if (BuiltInStates.WaitsForApplicant(state.Id))
        {
            // The pledge clock stops while the applicant has the application, or its fee to pay.
            c.PausedAt = now;
            c.StateDueAt = null;
            c.DueAt = null;
            return;
        }
        c.StateDueAt = state.WorkingDays is { } d ? days.DueAt(now, d) : null;
        c.DueAt = c.StateDueAt is { } s && s < c.CaseDueAt ? s : c.CaseDueAt;
        // A fresh target in time clears the flag; the escalation job raises it again if this one is missed too.
        if (c.DueAt > now)
        {
            c.BreachedAt = null;
            c.EscalatedAt = null;
        }
    }

    /// <summary>
    /// The applicant answered: the whole-case target moves on by the working days the case waited with them,
    /// and the case goes back to the state it was returned from.
    /// </summary>
    public static void Resume(Case c, WorkflowDefinition workflow, DateTime now, WorkingDays days)
    {
        if (c.PausedAt is { } paused)
        {
            var waited = days.Between(WorkingDays.Day(paused), WorkingDays.Day(now));
            c.CaseDueAt = WorkingDays.EndOf(days.Add(WorkingDays.LastDay(c.CaseDueAt), waited));
        }
        c.PausedAt = null;
        var back = workflow.State(c.ResumeState ?? workflow.Start) ?? workflow.State(workflow.Start)!;
        c.ResumeState = null;
        Enter(c, back, now, days);
    }
}
