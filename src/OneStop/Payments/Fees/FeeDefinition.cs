using System.Text.Json;
using System.Text.Json.Serialization;
using OneStop.Forms.Definitions;

namespace OneStop.Payments.Fees;

/// <summary>When a service's fee is paid: before the application is accepted, or once it is approved (the licence is issued after payment).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PaymentTiming>))]
public enum PaymentTiming
{
    [JsonStringEnumMemberName("submission")] Submission = 1,
    [JsonStringEnumMemberName("approval")] Approval = 2,
}

/// <summary>
/// A service's fee schedule, as data (docs/payments/fees.md and its JSON Schema): the payment items, each a
/// fixed fee, a fee per unit (the quantity taken from an answer) or tiers over an answer; and concessions that
/// take a percentage off (100 = waived) when a condition over the answers or the profile holds.
/// </summary>
public sealed record FeeDefinition
{
    public PaymentTiming When { get; init; } = PaymentTiming.Submission;
    /// <summary>A paid application that is rejected is refunded in full without an officer asking.</summary>
    public bool RefundOnRejection { get; init; }
    public required IReadOnlyList<FeeItem> Items { get; init; }
    public IReadOnlyList<Concession> Concessions { get; init; } = [];
}

/// <summary>One payment item. Exactly one of <see cref="Amount"/>, <see cref="UnitAmount"/> or <see cref="Tiers"/> prices it.</summary>
public sealed record FeeItem
{
    public required string Id { get; init; }
    public required Words Name { get; init; }
    /// <summary>A fixed fee in HKD.</summary>
    public decimal? Amount { get; init; }
    /// <summary>A fee per unit; the quantity is the answer to <see cref="QuantityFrom"/> (a number, or the count of a group's items or ticked boxes).</summary>
    public decimal? UnitAmount { get; init; }
    public string? QuantityFrom { get; init; }
    public int? MaxQuantity { get; init; }
    /// <summary>The first tier whose <c>upTo</c> is at least the answer to <see cref="TierFrom"/> prices it; the last tier may leave <c>upTo</c> out.</summary>
    public string? TierFrom { get; init; }
    public IReadOnlyList<FeeTier> Tiers { get; init; } = [];
    /// <summary>The item is charged only when this holds (e.g. an express service was asked for).</summary>
    public Condition? When { get; init; }
}

/// <summary>
/// One tier: its amount for answers up to and including <see cref="UpTo"/>. Not positional: the reader demands
/// every constructor parameter, and the last tier's <c>upTo</c> is left out (it is also written that way).
/// </summary>
public sealed record FeeTier
{
    public decimal? UpTo { get; init; }
    public required decimal Amount { get; init; }
}

/// <summary>A concession or waiver. <c>profile.age</c> in its condition is the applicant's age from their verified date of birth.</summary>
public sealed record Concession
{
    public required string Id { get; init; }
    public required Words Name { get; init; }
    public required Condition When { get; init; }
    /// <summary>1–100; 100 waives the fee.</summary>
    public decimal PercentOff { get; init; } = 100;
    /// <summary>The items it applies to; every item when empty.</summary>
    public IReadOnlyList<string> Items { get; init; } = [];
}

/// <summary>Fee schedules read and write with the form definitions' settings (conditions, trilingual words).</summary>
public static class FeeJson
{
    public static FeeDefinition? Parse(string json, out string? error)
    {
        try
        {
            var definition = JsonSerializer.Deserialize<FeeDefinition>(json, DefinitionJson.Options);
            error = definition is null ? "The file is empty." : null;
            return definition;
        }
        catch (JsonException e)
        {
            error = e.Path is { Length: > 0 } path ? $"{path}: {e.Message}" : e.Message;
            return null;
        }
    }

    public static string Write(FeeDefinition definition) => JsonSerializer.Serialize(definition, DefinitionJson.Options);
}
