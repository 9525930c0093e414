using System.Text.Json;
using OneStop.Cases.Engine;
using OneStop.Cases.Workflows;
using OneStop.Platform.Outbox;

namespace OneStop.Documents.Issuing;

/// <summary>
/// A case ended approved (an officer's decision, or the fee of an approved case paid): the service's document
/// is issued. Delivered at least once; the issue key <c>case:{id}</c> makes a repeat issue nothing more.
/// </summary>
public sealed class IssueOnApproval(DocumentIssuing issuing) : IOutboxHandler
{
    public string Topic => CaseClosed.Topic;

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var closed = JsonSerializer.Deserialize<CaseClosed>(message.Payload, JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException("The message has no payload.");
        if (closed.Outcome != Outcome.Approved) return;
        await issuing.IssueAsync(new IssueRequest(closed.CaseId, FirstIssueKey(closed.CaseId), ActorId: null), cancellationToken);
    }

    public static string FirstIssueKey(Guid caseId) => $"case:{caseId}";
}
