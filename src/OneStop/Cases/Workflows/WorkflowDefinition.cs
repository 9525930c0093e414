using System.Text.Json;
using System.Text.Json.Serialization;
using OneStop.Forms.Definitions;
using OneStop.Identity.Staff;

namespace OneStop.Cases.Workflows;

/// <summary>
/// One version of a service's workflow, exactly as its JSON says (docs/cases/workflows.md): the states a
/// case passes through, the actions that move it, who may take each, and the pledged working days. A
/// published version never changes, so it is safe to cache; a case stays on the version it started on.
/// </summary>
public sealed record WorkflowDefinition
{
    [JsonPropertyName("$schema")] public string? Schema { get; init; }
    /// <summary>The state a new case starts in.</summary>
    public required string Start { get; init; }
    /// <summary>The pledge for the whole case, e.g. 95% decided within 10 working days.</summary>
    public required Pledge Pledge { get; init; }
    public required IReadOnlyList<StateDefinition> States { get; init; } = [];
    public required IReadOnlyList<ActionDefinition> Actions { get; init; } = [];

    public StateDefinition? State(string id) =>
        States.FirstOrDefault(s => s.Id == id) ?? BuiltInStates.All.FirstOrDefault(s => s.Id == id);

    public ActionDefinition? Action(string id) => Actions.FirstOrDefault(a => a.Id == id);

    /// <summary>The actions that leave <paramref name="state"/>, in the order the definition lists them.</summary>
    public IEnumerable<ActionDefinition> ActionsFrom(string state) => Actions.Where(a => a.From.Contains(state));
}

/// <summary>"<see cref="Percent"/>% of cases decided within <see cref="WorkingDays"/> working days."</summary>
public sealed record Pledge
{
    [JsonRequired] public int WorkingDays { get; init; }
    public int Percent { get; init; } = 95;
}

public sealed record StateDefinition
{
    /// <summary>Lower-case letters, digits and hyphens; stored on cases, so never renamed once published.</summary>
    public required string Id { get; init; }
    public required Words Name { get; init; }
    /// <summary>What the applicant is told while the case is here ("An inspector will visit…"); optional.</summary>
    public Words? Explanation { get; init; }
    /// <summary>The target for this state, in working days from entering it; none for end states.</summary>
    public int? WorkingDays { get; init; }
    /// <summary>Set on end states: how the case ended.</summary>
    public Outcome? End { get; init; }

    [JsonIgnore] public bool IsEnd => End is not null;
}

[JsonConverter(typeof(JsonStringEnumConverter<Outcome>))]
public enum Outcome
{
    [JsonStringEnumMemberName("approved")] Approved = 1,
    [JsonStringEnumMemberName("rejected")] Rejected = 2,
    [JsonStringEnumMemberName("withdrawn")] Withdrawn = 3,
    [JsonStringEnumMemberName("closed")] Closed = 4,
}

public sealed record ActionDefinition
{
    public required string Id { get; init; }
    public required Words Name { get; init; }
    public required IReadOnlyList<string> From { get; init; } = [];
    public required string To { get; init; }
    /// <summary>The least role that may take it: officer, supervisor or department-admin (higher roles may too).</summary>
    public required string Role { get; init; }
    public Requirements? Requires { get; init; }
    /// <summary>The notification sent to the applicant, e.g. <c>case.approved</c>; <c>case.moved</c> when left out.</summary>
    public string? Notify { get; init; }

    [JsonIgnore] public StaffRole MinimumRole => StaffRoles.Parse(Role) ?? StaffRole.DepartmentAdmin;
}

/// <summary>What the officer must give to take an action.</summary>
public sealed record Requirements
{
    /// <summary>A reason the applicant is shown (e.g. why it was rejected).</summary>
    public bool Reason { get; init; }
    /// <summary>An internal note, seen by staff only.</summary>
    public bool Note { get; init; }
    /// <summary>A file (an inspection report, a signed decision).</summary>
    public bool Document { get; init; }
}

/// <summary>
/// States every workflow has without declaring them: a case returned to the applicant waits in
/// <see cref="Returned"/> and goes back where it was when they answer; withdrawal ends a case in
/// <see cref="Withdrawn"/>. Definitions may not reuse their ids.
/// </summary>
public static class BuiltInStates
{
    public const string ReturnedId = "returned-to-applicant";
    public const string WithdrawnId = "withdrawn";
    /// <summary>Approved, but the service is paid for on approval: the case waits here (clock stopped) until the fee is paid, then ends approved.</summary>
    public const string AwaitingPaymentId = "awaiting-payment";

    public static readonly StateDefinition Returned = new()
    {
        Id = ReturnedId,
        Name = new Words { En = "Waiting for your reply", ZhHk = "等待你回覆", ZhCn = "等待你回复" },
    };

    public static readonly StateDefinition Withdrawn = new()
    {
        Id = WithdrawnId,
        Name = new Words { En = "Withdrawn", ZhHk = "已撤回", ZhCn = "已撤回" },
        End = Outcome.Withdrawn,
    };

    public static readonly StateDefinition AwaitingPayment = new()
    {
        Id = AwaitingPaymentId,
        Name = new Words { En = "Waiting for payment", ZhHk = "等待付款", ZhCn = "等待付款" },
        Explanation = new Words
        {
            En = "Your application has been approved. Pay the fee and the licence will be issued.",
            ZhHk = "你的申請已獲批准。繳付費用後便會發出牌照。",
            ZhCn = "你的申请已获批准。缴付费用后便会发出牌照。",
        },
    };

    public static readonly IReadOnlyList<StateDefinition> All = [Returned, Withdrawn, AwaitingPayment];

    /// <summary>States where the pledge clock stops: the case waits for the applicant.</summary>
    public static bool WaitsForApplicant(string state) => state is ReturnedId or AwaitingPaymentId;
}

/// <summary>Reading and writing workflow JSON, with the same settings as form definitions.</summary>
public static class WorkflowJson
{
    /// <summary>
    /// The form definitions' settings, except that empty lists are written: a workflow's <c>from</c>, <c>states</c>
    /// and <c>actions</c> are required when read, and a draft (which may hold problems) must always read back.
    /// </summary>
    private static readonly JsonSerializerOptions Options = new(DefinitionJson.Options)
    {
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver { Modifiers = { LeaveOutFalse } },
    };

    private static void LeaveOutFalse(System.Text.Json.Serialization.Metadata.JsonTypeInfo type)
    {
        foreach (var property in type.Properties)
            if (property.PropertyType == typeof(bool)) property.ShouldSerialize = (_, value) => value is true;
    }

    public static WorkflowDefinition? Parse(string json, out string? error)
    {
        try
        {
            var definition = JsonSerializer.Deserialize<WorkflowDefinition>(json, Options);
            error = definition is null ? "The file is empty." : null;
            return definition;
        }
        catch (JsonException e)
        {
            error = e.Path is { Length: > 1 } path ? $"{path}: {e.Message}" : e.Message;
            return null;
        }
    }

    public static WorkflowDefinition ParseTrusted(string json) =>
        Parse(json, out var error) ?? throw new InvalidOperationException("A stored workflow does not read: " + error);

    public static string Write(WorkflowDefinition definition) => JsonSerializer.Serialize(definition, Options);
}
