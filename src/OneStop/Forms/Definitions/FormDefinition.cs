using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace OneStop.Forms.Definitions;

/// <summary>
/// One version of a form, exactly as its JSON says (docs/forms/form-definition.schema.json). A
/// published version is never changed, so everything here is immutable and safe to cache.
/// </summary>
public sealed record FormDefinition
{
    /// <summary>Editors put the schema's address here; it is allowed and otherwise ignored.</summary>
    [JsonPropertyName("$schema")] public string? Schema { get; init; }
    /// <summary>Stable across versions: lower-case letters, digits and hyphens, e.g. <c>fehd-restaurant-licence</c>.</summary>
    public required string Id { get; init; }
    /// <summary>The owning department's code, e.g. <c>FEHD</c>; also the prefix of reference numbers.</summary>
    public required string Department { get; init; }
    public required Words Title { get; init; }
    public Words? Description { get; init; }
    public required IReadOnlyList<PageDefinition> Pages { get; init; } = [];
    /// <summary>Checks across fields, run when the page holding <see cref="RuleDefinition.Field"/> is answered and on submission.</summary>
    public IReadOnlyList<RuleDefinition> Rules { get; init; } = [];
    /// <summary>All files of one submission together, in bytes.</summary>
    public long? MaxTotalUploadBytes { get; init; }

    [JsonIgnore] public IEnumerable<FieldDefinition> AllFields => Pages.SelectMany(p => p.Fields);

    public FieldDefinition? Field(string id) => AllFields.FirstOrDefault(f => f.Id == id);

    public PageDefinition? Page(string id) => Pages.FirstOrDefault(p => p.Id == id);

    public PageDefinition PageOf(string fieldId) => Pages.First(p => p.Fields.Any(f => f.Id == fieldId));
}

/// <summary>A text in English, Traditional Chinese (zh-HK) and Simplified Chinese (zh-CN); all three are required.</summary>
public sealed record Words
{
    public required string En { get; init; }
    [JsonPropertyName("zh-HK")] public required string ZhHk { get; init; }
    [JsonPropertyName("zh-CN")] public required string ZhCn { get; init; }

    public string this[Platform.Localisation.Language language] => language switch
    {
        Platform.Localisation.Language.ZhHk => ZhHk,
        Platform.Localisation.Language.ZhCn => ZhCn,
        _ => En,
    };

    // Computed views are not part of the definition: written out they would add keys the schema and reader refuse.
    [JsonIgnore] public string Current => this[Platform.Localisation.Languages.Current];

    [JsonIgnore] public IEnumerable<string> All => [En, ZhHk, ZhCn];

    public Platform.Localisation.LocalisedText ToLocalised() => new(En, ZhHk, ZhCn);

    public override string ToString() => Current;
}

public sealed record PageDefinition
{
    public required string Id { get; init; }
    public required Words Title { get; init; }
    /// <summary>The page is asked only when this holds; otherwise it is skipped and its answers dropped.</summary>
    public Condition? ShowIf { get; init; }
    public required IReadOnlyList<FieldDefinition> Fields { get; init; } = [];
}

public sealed record FieldDefinition
{
    public required string Id { get; init; }
    public required FieldType Type { get; init; }
    /// <summary>The question. Guidance and headings use it as their text.</summary>
    public Words? Label { get; init; }
    public Words? Hint { get; init; }
    public bool Required { get; init; }
    public Condition? ShowIf { get; init; }

    /// <summary>Radios, checkboxes and dropdowns.</summary>
    public IReadOnlyList<OptionDefinition> Options { get; init; } = [];

    // Limits; each applies to the types that have it (see FieldTypes).
    public int? MinLength { get; init; }
    public int? MaxLength { get; init; }
    public decimal? Min { get; init; }
    public decimal? Max { get; init; }
    /// <summary>A .NET regular expression the whole answer must match (anchored for you).</summary>
    public string? Pattern { get; init; }
    /// <summary>Dates: <c>today</c>, <c>today+30d</c>, <c>today-18y</c> or an ISO date (see DateBound).</summary>
    public string? NotBefore { get; init; }
    public string? NotAfter { get; init; }
    /// <summary>Phone numbers: <c>hk</c> (eight digits), <c>international</c> (E.164) or <c>any</c>.</summary>
    public string? PhoneRegion { get; init; }
    /// <summary>Checkboxes: how many may or must be ticked.</summary>
    public int? MinSelected { get; init; }
    public int? MaxSelected { get; init; }

    /// <summary>Files: allowed types by content (Platform/Storage FileTypes names, e.g. pdf, jpeg, png), bytes per file, files per field.</summary>
    public IReadOnlyList<string> Accept { get; init; } = [];
    public long? MaxBytes { get; init; }
    public int? MaxFiles { get; init; }

    /// <summary>Declarations: whether the applicant must also sign the answers digitally (OneStop ID advanced).</summary>
    public bool Signature { get; init; }

    /// <summary>Repeating groups: the fields of one item, and how many items.</summary>
    public IReadOnlyList<FieldDefinition> Fields { get; init; } = [];
    public int? MinItems { get; init; }
    public int? MaxItems { get; init; }
    /// <summary>Groups: what one item is called, e.g. "Director".</summary>
    public Words? ItemLabel { get; init; }

    /// <summary>A profile field (Identity/Profile/ProfileFields) to fill this from, after the applicant consents.</summary>
    public string? Prefill { get; init; }
    /// <summary>When the prefilled value was proved by an identity check, the applicant cannot change it here.</summary>
    public bool LockVerified { get; init; }

    /// <summary>The department's own wording for an error, by kind (required, minLength, max, pattern, …); defaults otherwise.</summary>
    public IReadOnlyDictionary<string, Words> Errors { get; init; } = new Dictionary<string, Words>();

    [JsonIgnore] public bool HasAnswer => Type is not (FieldType.Guidance or FieldType.Heading);
}

public sealed record OptionDefinition
{
    public required string Value { get; init; }
    public required Words Label { get; init; }
    public Words? Hint { get; init; }
}

/// <summary>A check across fields: when <see cref="When"/> holds (or always), <see cref="Assert"/> must; else <see cref="Message"/> is shown on <see cref="Field"/>.</summary>
public sealed record RuleDefinition
{
    public required string Id { get; init; }
    public required string Field { get; init; }
    public Condition? When { get; init; }
    public required Condition Assert { get; init; }
    public required Words Message { get; init; }
}

[JsonConverter(typeof(JsonStringEnumConverter<FieldType>))]
public enum FieldType
{
    [JsonStringEnumMemberName("text")] Text,
    [JsonStringEnumMemberName("textarea")] TextArea,
    [JsonStringEnumMemberName("number")] Number,
    [JsonStringEnumMemberName("decimal")] Decimal,
    [JsonStringEnumMemberName("money")] Money,
    [JsonStringEnumMemberName("date")] Date,
    [JsonStringEnumMemberName("yesNo")] YesNo,
    [JsonStringEnumMemberName("radios")] Radios,
    [JsonStringEnumMemberName("checkboxes")] Checkboxes,
    [JsonStringEnumMemberName("select")] Select,
    [JsonStringEnumMemberName("email")] Email,
    [JsonStringEnumMemberName("phone")] Phone,
    [JsonStringEnumMemberName("hkid")] HongKongId,
    [JsonStringEnumMemberName("address")] Address,
    [JsonStringEnumMemberName("file")] File,
    [JsonStringEnumMemberName("declaration")] Declaration,
    [JsonStringEnumMemberName("group")] Group,
    [JsonStringEnumMemberName("guidance")] Guidance,
    [JsonStringEnumMemberName("heading")] Heading,
}

/// <summary>The JSON reading and writing settings of definitions, shared by the store, the API and the importer.</summary>
public static class DefinitionJson
{
    public static readonly System.Text.Json.JsonSerializerOptions Options = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver { Modifiers = { LeaveOutEmpty } },
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>Written definitions leave out false flags and empty lists, so they read like what an author would write.</summary>
    private static void LeaveOutEmpty(System.Text.Json.Serialization.Metadata.JsonTypeInfo type)
    {
        foreach (var property in type.Properties)
        {
            if (property.PropertyType == typeof(bool))
                property.ShouldSerialize = (_, value) => value is true;
            else if (typeof(System.Collections.ICollection).IsAssignableFrom(property.PropertyType) || property.PropertyType.IsGenericType
                     && property.PropertyType.GetGenericTypeDefinition() is var g && (g == typeof(IReadOnlyList<>) || g == typeof(IReadOnlyDictionary<,>)))
                property.ShouldSerialize = (_, value) => value is System.Collections.ICollection { Count: > 0 };
        }
    }

    /// <summary>Reads a definition; a JSON or shape error comes back as a message with its JSON path, not an exception.</summary>
    public static FormDefinition? Parse(string json, out string? error)
    {
        try
        {
            var definition = System.Text.Json.JsonSerializer.Deserialize<FormDefinition>(json, Options);
            error = definition is null ? "The file is empty." : null;
            return definition;
        }
        catch (System.Text.Json.JsonException e)
        {
            error = e.Path is { Length: > 0 } path ? $"{path}: {e.Message}" : e.Message;
            return null;
        }
    }

    public static string Write(FormDefinition definition) => System.Text.Json.JsonSerializer.Serialize(definition, Options);
}
