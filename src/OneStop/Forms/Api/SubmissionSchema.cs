using System.Text.Json;
using System.Text.Json.Nodes;
using OneStop.Forms.Definitions;
using OneStop.Identity.Profile;

namespace OneStop.Forms.Api;

/// <summary>
/// The JSON Schema (draft 2020-12) of the <c>answers</c> object of a valid submission to one version, built from
/// its definition. It never refuses answers the server accepts, except answers to fields that are hidden and
/// malformed (the server drops those; a client should not send them) and text past maxLength in code points that
/// fits in characters as people see them. It cannot say everything the server checks: conditions (<c>x-showIf</c>,
/// written as in the definition), cross-field rules, dates relative to today and identity card check digits are
/// checked on submission. Fields that are not always asked are never in <c>required</c>.
/// </summary>
public static class SubmissionSchema
{
    public const string MediaType = "application/schema+json";
    public const string Dialect = "https://json-schema.org/draft/2020-12/schema";

    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    // As FieldCheck: what each type accepts.
    private const int TextMax = 500, TextAreaMax = 5000, AddressPartMax = 200;
    private const string EmailPattern = @"^[^@\s]+@[^@\s]+\.[^@\s]+$";
    private const string HongKongPhonePattern = @"^[2-9][0-9]{7}$";
    private const string InternationalPhonePattern = @"^\+[1-9][0-9]{6,14}$";
    private const string HongKongIdPattern = @"^[A-Z]{1,2}[0-9]{6}\([0-9A]\)$";

    public static JsonObject Build(FormDefinition form, string id)
    {
        var (properties, required) = Fields(form.Pages.SelectMany(p => p.Fields.Select(f => (Field: f, Page: (PageDefinition?)p))));
        return new JsonObject
        {
            ["$schema"] = Dialect,
            ["$id"] = id,
            ["title"] = form.Title.En,
            ["description"] = "The answers object of a submission, keyed by field id. Fields with x-showIf are asked only when it holds; "
                + "answers to fields not asked are dropped. Conditions, cross-field rules, dates relative to today and "
                + "identity card check digits are checked on submission.",
            ["type"] = "object",
            ["properties"] = properties,
            ["required"] = required,
            ["additionalProperties"] = false,
            ["$defs"] = new JsonObject
            {
                // What the server counts as not answered (AnswerValues.IsAnswered): an optional or hidden field may be sent so.
                ["unanswered"] = new JsonObject
                {
                    ["anyOf"] = new JsonArray(
                        new JsonObject { ["type"] = "null" },
                        new JsonObject { ["type"] = "string", ["pattern"] = @"^\s*$" },
                        new JsonObject { ["type"] = "array", ["maxItems"] = 0 },
                        new JsonObject { ["type"] = "object", ["additionalProperties"] = new JsonObject { ["$ref"] = "#/$defs/unanswered" } }),
                },
            },
        };
    }

    private static (JsonObject Properties, JsonArray Required) Fields(IEnumerable<(FieldDefinition Field, PageDefinition? Page)> fields)
    {
        var properties = new JsonObject();
        var required = new JsonArray();
        foreach (var (field, page) in fields)
        {
            if (!field.HasAnswer) continue;
            var schema = Typed(field);
            var mustAnswer = field.Required || field.Type == FieldType.Group && field.MinItems > 0;
            var alwaysAsked = field.ShowIf is null && page?.ShowIf is null;
            if (field.Label is { } label) schema["title"] = label.En;
            if (field.Hint is { } hint) schema["description"] = hint.En;
            if (page?.ShowIf is { } pageCondition) schema["x-pageShowIf"] = Condition(pageCondition);
            if (field.ShowIf is { } condition) schema["x-showIf"] = Condition(condition);
            if (mustAnswer && alwaysAsked)
            {
                required.Add(field.Id);
                properties[field.Id] = schema;
            }
            else
            {
                if (mustAnswer) schema["x-requiredWhenShown"] = true;
                properties[field.Id] = new JsonObject { ["anyOf"] = new JsonArray(schema, new JsonObject { ["$ref"] = "#/$defs/unanswered" }) };
            }
        }
        return (properties, required);
    }

    private static JsonNode Condition(Condition condition) => JsonSerializer.SerializeToNode(condition, DefinitionJson.Options)!;

    private static JsonObject Typed(FieldDefinition field) => field.Type switch
    {
        FieldType.Text or FieldType.TextArea => Text(field, field.Type == FieldType.TextArea ? TextAreaMax : TextMax),
        FieldType.Email => WithPattern(Text(field, TextMax), EmailPattern, "email"),
        FieldType.Phone => WithPattern(Text(field, TextMax), (field.PhoneRegion ?? "hk") switch
        {
            "hk" => HongKongPhonePattern,
            "international" => InternationalPhonePattern,
            _ => $"^(?:{HongKongPhonePattern[1..^1]}|{InternationalPhonePattern[1..^1]})$",
        }),
        FieldType.HongKongId => new JsonObject { ["type"] = "string", ["pattern"] = HongKongIdPattern },
        FieldType.Number => Number(field, "integer"),
        FieldType.Decimal => Number(field, "number"),
        FieldType.Money => Money(field),
        FieldType.Date => Date(field),
        FieldType.YesNo => new JsonObject { ["type"] = "boolean" },
        FieldType.Declaration => new JsonObject { ["const"] = true },
        FieldType.Radios or FieldType.Select => new JsonObject { ["type"] = "string", ["enum"] = Values(field) },
        FieldType.Checkboxes => Checkboxes(field),
        FieldType.Address => Address(),
        FieldType.File => Files(field),
        FieldType.Group => Group(field),
        _ => new JsonObject(),
    };

    private static JsonObject Text(FieldDefinition field, int defaultMax)
    {
        var schema = new JsonObject { ["type"] = "string", ["maxLength"] = field.MaxLength ?? defaultMax };
        if (field.MinLength is { } min) schema["minLength"] = min;
        // Anchored as FieldCheck anchors it; the pattern is .NET syntax, which for common patterns is ECMA-262's too.
        if (field.Pattern is { } pattern) schema["pattern"] = $"^(?:{pattern})$";
        return schema;
    }

    private static JsonObject WithPattern(JsonObject schema, string pattern, string? format = null)
    {
        if (schema["pattern"] is null) schema["pattern"] = pattern;
        else schema["allOf"] = new JsonArray(new JsonObject { ["pattern"] = pattern });
        if (format is not null) schema["format"] = format;
        return schema;
    }

    private static JsonObject Number(FieldDefinition field, string type)
    {
        var schema = new JsonObject { ["type"] = type };
        if (field.Min is { } min) schema["minimum"] = min;
        if (field.Max is { } max) schema["maximum"] = max;
        return schema;
    }

    private static JsonObject Money(FieldDefinition field)
    {
        var schema = Number(field, "number");
        schema["minimum"] = Math.Max(0, field.Min ?? 0);
        schema["multipleOf"] = 0.01m;
        schema["description"] = "An amount in Hong Kong dollars, at most two decimal places.";
        return schema;
    }

    private static JsonObject Date(FieldDefinition field)
    {
        var schema = new JsonObject { ["type"] = "string", ["format"] = "date", ["pattern"] = @"^[0-9]{4}-[0-9]{2}-[0-9]{2}$" };
        // Bounds may be relative to today (today-18y), which a schema cannot say; they are annotations.
        if (field.NotBefore is { } from) schema["x-notBefore"] = from;
        if (field.NotAfter is { } to) schema["x-notAfter"] = to;
        return schema;
    }

    private static JsonArray Values(FieldDefinition field) => new(field.Options.Select(o => (JsonNode)o.Value).ToArray());

    private static JsonObject Checkboxes(FieldDefinition field)
    {
        var schema = new JsonObject
        {
            ["type"] = "array",
            ["items"] = new JsonObject { ["type"] = "string", ["enum"] = Values(field) },
            ["uniqueItems"] = true,
        };
        if (field.MinSelected is { } min) schema["minItems"] = min;
        if (field.MaxSelected is { } max) schema["maxItems"] = max;
        return schema;
    }

    private static JsonObject Address()
    {
        var part = () => new JsonObject { ["type"] = new JsonArray("string", "null"), ["maxLength"] = AddressPartMax };
        var answered = () => new JsonObject { ["type"] = "string", ["pattern"] = @"\S" };
        return new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["flat"] = part(), ["floor"] = part(), ["block"] = part(), ["building"] = part(), ["estate"] = part(), ["street"] = part(),
                ["district"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray(Districts.All.Select(d => (JsonNode)d.Code).ToArray()) },
            },
            ["required"] = new JsonArray("district"),
            ["additionalProperties"] = false,
            ["anyOf"] = new JsonArray(
                new JsonObject { ["required"] = new JsonArray("building"), ["properties"] = new JsonObject { ["building"] = answered() } },
                new JsonObject { ["required"] = new JsonArray("street"), ["properties"] = new JsonObject { ["street"] = answered() } }),
        };
    }

    private static JsonObject Files(FieldDefinition field) => new()
    {
        ["type"] = "array",
        ["maxItems"] = field.MaxFiles ?? 1,
        ["description"] = "Files uploaded beforehand, by the id the upload returned.",
        ["items"] = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["id"] = new JsonObject { ["type"] = "string" },
                // Filled in by OneStop from the upload; what a client sends here is not relied on.
                ["name"] = new JsonObject { ["description"] = "The file's name as uploaded." },
                ["type"] = new JsonObject { ["description"] = "Its type by content, e.g. pdf." },
                ["size"] = new JsonObject { ["description"] = "Bytes." },
                ["sha256"] = new JsonObject { ["description"] = "SHA-256 of its content, hex." },
            },
            ["required"] = new JsonArray("id"),
        },
    };

    private static JsonObject Group(FieldDefinition field)
    {
        var (properties, required) = Fields(field.Fields.Select(f => (f, (PageDefinition?)null)));
        var schema = new JsonObject
        {
            ["type"] = "array",
            ["items"] = new JsonObject { ["type"] = "object", ["properties"] = properties, ["required"] = required, ["additionalProperties"] = false },
        };
        if (field.MinItems is { } min) schema["minItems"] = min;
        if (field.MaxItems is { } max) schema["maxItems"] = max;
        return schema;
    }
}
