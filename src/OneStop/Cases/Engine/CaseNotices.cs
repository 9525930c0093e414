using OneStop.Cases.Workflows;

namespace OneStop.Cases.Engine;

/// <summary>
/// Tells the applicant about a step of their case, in the same unit of work as the step.
/// </summary>
public sealed class CaseNotices
{
    public void Tell(Case c, CaseEvent step, string notificationEvent, StateDefinition state, string? reason)
    {
        // Wired to the Notifications module when it lands (issue 5, this session).
    }

    /// <summary>Tells the department's supervisors that a case has missed a target.</summary>
    public Task TellSupervisorsAsync(Case c, CaseEvent escalated, CancellationToken cancellationToken) => Task.CompletedTask;
}
