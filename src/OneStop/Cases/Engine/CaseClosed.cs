using OneStop.Cases.Workflows;

namespace OneStop.Cases.Engine;

/// <summary>
/// Outbox message: an officer's action ended a case (approved, rejected or withdrawn). Identifiers and the
/// outcome only; Payments follows it to refund a rejected application's fee when the service says so.
/// </summary>
public sealed record CaseClosed(Guid CaseId, Guid SubmissionId, Outcome Outcome)
{
    public const string Topic = "cases.case-closed";
}
