using System.Text.Json;
using System.Text.Json.Nodes;
using OneStop.Forms.Definitions;
using static OneStop.Tests.Forms.TestForms;

namespace OneStop.Tests.Forms.Engine;

/// <summary>Small builders for the engine's unit tests: a fixed today, conditions and answers from JSON.</summary>
public static class Engine
{
    /// <summary>A Sunday, chosen so that month and year arithmetic has room on both sides.</summary>
    public static readonly DateOnly Today = new(2026, 3, 15);

    public static Condition Cond(string json) =>
        JsonSerializer.Deserialize<Condition>(json, DefinitionJson.Options) ?? throw new InvalidOperationException("null condition");

    public static JsonObject Obj(string json) => (JsonObject)JsonNode.Parse(json)!;

    public static bool Holds(string condition, string answers, DateOnly? today = null) =>
        Cond(condition).Holds(new ConditionContext(id => Obj(answers)[id], today ?? Today));

    public static FieldDefinition Choice(string id, FieldType type, params string[] values) =>
        Field(id, type) with { Options = values.Select(v => new OptionDefinition { Value = v, Label = W(v) }).ToList() };

    /// <summary>A definition that uses every field type and every limit, checked clean by DefinitionCheck.</summary>
    public static FormDefinition EveryType() => new()
    {
        Schema = "https://onestop.gov.example/schemas/form-definition.json",
        Id = "td-every-type",
        Department = "TD",
        Title = W("Every type"),
        Description = W("A form that asks everything once"),
        MaxTotalUploadBytes = 20_000_000,
        Pages =
        [
            new PageDefinition
            {
                Id = "first", Title = W("First"),
                Fields =
                [
                    Field("heading", FieldType.Heading, required: false),
                    Field("guidance", FieldType.Guidance, required: false),
                    Field("name", FieldType.Text) with { MinLength = 2, MaxLength = 80, Pattern = "[A-Za-z ,.'-]+", Hint = W("As on your card"), Prefill = "name.en", LockVerified = true },
                    Field("story", FieldType.TextArea, required: false) with { MaxLength = 2000 },
                    Field("seats", FieldType.Number) with { Min = 1, Max = 500 },
                    Field("weight", FieldType.Decimal) with { Min = 0.1m, Max = 99.9m },
                    Field("fee", FieldType.Money) with { Max = 100000 },
                    Field("born", FieldType.Date) with { NotBefore = "1900-01-01", NotAfter = "today-18y", Prefill = "date-of-birth" },
                    Field("agrees", FieldType.YesNo),
                    Choice("colour", FieldType.Radios, "red", "blue") with { ShowIf = Cond("""{"field":"agrees","equals":true}""") },
                    Choice("classes", FieldType.Checkboxes, "1", "2", "3") with { MinSelected = 1, MaxSelected = 2 },
                    Choice("district", FieldType.Select, "north", "south"),
                    Field("email", FieldType.Email) with { Prefill = "email" },
                    Field("phone", FieldType.Phone) with { PhoneRegion = "international", Prefill = "phone" },
                    Field("hkid", FieldType.HongKongId) with { Prefill = "hkid", LockVerified = true },
                    Field("home", FieldType.Address) with { Prefill = "address.residential" },
                ],
            },
            new PageDefinition
            {
                Id = "second", Title = W("Second"),
                ShowIf = Cond("""{"any":[{"field":"classes","contains":"1"},{"not":{"field":"seats","lessThan":{"field":"fee"}}}]}"""),
                Fields =
                [
                    Field("plan", FieldType.File) with { Accept = ["pdf", "png"], MaxBytes = 10_000_000, MaxFiles = 3 },
                    Field("people", FieldType.Group) with
                    {
                        MinItems = 1, MaxItems = 5, ItemLabel = W("Person"),
                        Fields =
                        [
                            Field("personName", FieldType.Text),
                            Field("hasPhone", FieldType.YesNo),
                            Field("personPhone", FieldType.Phone) with { PhoneRegion = "any", ShowIf = Cond("""{"field":"hasPhone","equals":true}""") },
                        ],
                    },
                    Field("declare", FieldType.Declaration) with
                    {
                        Signature = true,
                        Errors = new Dictionary<string, Words> { ["declaration"] = W("You must agree") },
                    },
                ],
            },
        ],
        Rules =
        [
            new RuleDefinition
            {
                Id = "feeCoversSeats", Field = "fee",
                When = Cond("""{"field":"seats","answered":true}"""),
                Assert = Cond("""{"field":"fee","atLeast":{"field":"seats"}}"""),
                Message = W("The fee must be at least the number of seats"),
            },
        ],
    };
}
