using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using OneStop.Forms.Definitions;

namespace OneStop.Forms.Api;

/// <summary>A text in the three languages, keyed by language tag as in definitions.</summary>
public sealed record TrilingualText(string En, [property: JsonPropertyName("zh-HK")] string ZhHk, [property: JsonPropertyName("zh-CN")] string ZhCn)
{
    public static TrilingualText From(Words words) => new(words.En, words.ZhHk, words.ZhCn);
}

/// <param name="Version">The version people fill in now.</param>
/// <param name="Services">Slugs of the services whose online application starts with this form.</param>
/// <param name="Url">This form's current definition.</param>
public sealed record FormListItem(string Id, TrilingualText Title, string Department, int Version, IReadOnlyList<string> Services, string Url);

public sealed record FormList(int Total, int Page, int PageSize, IReadOnlyList<FormListItem> Items);

/// <summary>One published or superseded version; never changes once published, so it is cached by version.</summary>
/// <param name="Definition">The definition as stored (docs/forms/form-definition.schema.json).</param>
/// <param name="SchemaUrl">The JSON Schema of a valid submission's answers for this version.</param>
public sealed record FormVersionResponse(string Id, int Version, string Department, DateTime? PublishedAt, JsonNode Definition, string SchemaUrl);

/// <summary>JSON body of POST /api/v1/forms/{id}/submissions. Only answers is required.</summary>
public sealed record SubmissionRequest
{
    [Required, Description("Keyed by field id, in the canonical shapes of docs/forms/api.md; GET …/versions/{version}/schema describes them.")]
    public JsonObject? Answers { get; init; }

    [Description("The applicant's language for what is sent to them: en, zh-HK or zh-CN; default the request's language.")]
    public string? Language { get; init; }

    [Description("The service applied for, when several start with this form.")]
    public string? ServiceSlug { get; init; }

    [Description("Where the acknowledgement goes; stored encrypted.")]
    public string? ContactEmail { get; init; }
}

/// <param name="Reference">What the applicant quotes, e.g. FEHD-2026-000123.</param>
/// <param name="FormVersion">The version the answers were checked against and are pinned to.</param>
public sealed record SubmissionResponse(string Reference, string FormId, int FormVersion, DateTime SubmittedAt)
{
    public const string Submitted = "submitted";
    public const string AwaitingPayment = "awaiting-payment";

    [Description("submitted, or awaiting-payment: the service is paid for on submission and the application is sent on once the fee at paymentUrl is paid.")]
    public string Status { get; init; } = Submitted;

    [Description("While awaiting payment: the absolute address of the page where the applicant pays (hand it to them; it opens without signing in).")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? PaymentUrl { get; init; }
}

/// <summary>One entry of a 422 problem's <c>errors</c>.</summary>
/// <param name="Field">A field id, or <c>group.0.child</c> inside a repeating group's item.</param>
/// <param name="Kind">The rule broken: required, tooLong, notOption, rule, unknownField, … (stable; for programs).</param>
/// <param name="Message">In the requested language (lang, then Accept-Language).</param>
public sealed record SubmissionFieldError(string Field, string Kind, string Message);
