using System.Text.Json;
using System.Text.Json.Serialization;
using OneStop.Forms.Definitions;

namespace OneStop.Documents.Templates;

/// <summary>
/// What a service issues on approval, as data (docs/documents/templates.md and its JSON Schema): the kind and
/// title, where the holder's name and each printed field come from, how long it is valid, its conditions,
/// when to remind the holder before it lapses, and how the holder may receive it.
/// </summary>
public sealed record DocumentDefinition
{
    public DocumentKind Kind { get; init; } = DocumentKind.Licence;
    public required Words Title { get; init; }
    /// <summary>English beside Chinese on one document, as the government does for licences; otherwise the holder's language only.</summary>
    public bool Bilingual { get; init; }
    /// <summary>The document number's prefix, e.g. <c>TD-DL</c> gives <c>TD-DL-2026-000123</c>. Letters, digits and hyphens, up to 12.</summary>
    public required string NumberPrefix { get; init; }
    /// <summary>Null: the document does not expire (a certificate, a letter).</summary>
    public Validity? Validity { get; init; }
    /// <summary><c>profile</c> (the applicant's name in their profile, the default) or <c>answer:{fieldId}</c>.</summary>
    public string Holder { get; init; } = DocumentSources.Profile;
    public IReadOnlyList<DocumentField> Fields { get; init; } = [];
    public IReadOnlyList<Words> Conditions { get; init; } = [];
    /// <summary>Days before expiry when the holder is reminded, e.g. [60, 14].</summary>
    public IReadOnlyList<int> ReminderDays { get; init; } = [];
    /// <summary>How the holder may receive it: wallet, post, counter. At least one.</summary>
    public IReadOnlyList<DeliveryMethod> Delivery { get; init; } = [DeliveryMethod.Wallet];
    /// <summary>The counters (codes) where it may be collected, when <see cref="Delivery"/> includes counter.</summary>
    public IReadOnlyList<string> Counters { get; init; } = [];
}

public sealed record Validity
{
    public int Years { get; init; }
    public int Months { get; init; }
    public int Days { get; init; }
}

/// <summary>A printed line: its label and where its value comes from (<see cref="DocumentSources"/>).</summary>
public sealed record DocumentField
{
    public required Words Label { get; init; }
    public required string From { get; init; }
}

/// <summary>The sources a field may name.</summary>
public static class DocumentSources
{
    public const string Profile = "profile";
    public const string AnswerPrefix = "answer:";
    public const string ApplicationReference = "application.reference";
    public const string DecisionDate = "decision.date";
    public const string DecisionNote = "decision.note";

    public static bool IsKnown(string from) =>
        from is ApplicationReference or DecisionDate or DecisionNote
        || (from.StartsWith(AnswerPrefix, StringComparison.Ordinal) && from.Length > AnswerPrefix.Length);
}

public static class DocumentJson
{
    public static readonly JsonSerializerOptions Options = new(DefinitionJson.Options)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static DocumentDefinition? Parse(string json, out string? error)
    {
        try
        {
            var definition = JsonSerializer.Deserialize<DocumentDefinition>(json, Options);
            error = definition is null ? "The file is empty." : Check(definition);
            return error is null ? definition : null;
        }
        catch (JsonException e)
        {
            error = e.Path is { Length: > 0 } path ? $"{path}: {e.Message}" : e.Message;
            return null;
        }
    }

    public static string Write(DocumentDefinition definition) => JsonSerializer.Serialize(definition, Options);

    /// <summary>The first problem a definition has, in English (the editor and the CLI show it), or null.</summary>
    public static string? Check(DocumentDefinition d)
    {
        if (!System.Text.RegularExpressions.Regex.IsMatch(d.NumberPrefix, "^[A-Z0-9]+(-[A-Z0-9]+)*$") || d.NumberPrefix.Length > 12)
            return "numberPrefix: use capital letters, digits and hyphens, up to 12 characters (e.g. TD-DL).";
        if (d.Validity is { } v && (v.Years < 0 || v.Months < 0 || v.Days < 0 || v.Years * 366 + v.Months * 31 + v.Days is 0 or > 366 * 20))
            return "validity: give a period between one day and 20 years, or leave it out.";
        if (d.Holder != DocumentSources.Profile && !(d.Holder.StartsWith(DocumentSources.AnswerPrefix, StringComparison.Ordinal) && d.Holder.Length > DocumentSources.AnswerPrefix.Length))
            return "holder: use \"profile\" or \"answer:<field id>\".";
        if (d.Fields.FirstOrDefault(f => !DocumentSources.IsKnown(f.From)) is { } field)
            return $"fields: \"{field.From}\" is not a source (answer:<field id>, application.reference, decision.date, decision.note).";
        if (d.ReminderDays.Any(r => r is < 1 or > 365)) return "reminderDays: each between 1 and 365.";
        if (d.ReminderDays.Count > 0 && d.Validity is null) return "reminderDays: a document that never expires has nothing to remind of.";
        if (d.Delivery.Count == 0) return "delivery: offer at least one of wallet, post, counter.";
        if (d.Delivery.Contains(DeliveryMethod.Counter) && d.Counters.Count == 0) return "counters: name the counters where it can be collected.";
        return null;
    }
}
