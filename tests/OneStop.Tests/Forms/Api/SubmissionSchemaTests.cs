using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using OneStop.Forms.Definitions;
using static OneStop.Tests.Forms.Api.FormsApiSteps;
using static OneStop.Tests.Forms.TestForms;

namespace OneStop.Tests.Forms.Api;

/// <summary>
/// GET …/versions/{n}/schema, checked with an independent validator (JsonSchema.Net): answers the server accepts
/// pass it, answers of the wrong shape fail it.
/// </summary>
public sealed class SubmissionSchemaTests(SubmissionSchemaTests.Fixture fixture) : IClassFixture<SubmissionSchemaTests.Fixture>
{
    /// <summary>One app with the every-type form published: the tests only read it and submit under keys of their own.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        public OneStopApp App { get; } = new(Provider.Sqlite);
        public string Token { get; private set; } = "";

        public async ValueTask InitializeAsync()
        {
            await PublishAsync(App, EveryType());
            Token = (await MachineTokenAsync(App)).Token;
        }

        public async ValueTask DisposeAsync() => await App.DisposeAsync();
    }

    private readonly HttpClient _http = fixture.App.CreateClient();
    private readonly string _key = Guid.NewGuid().ToString("N");

    private static OptionDefinition Option(string value) => new() { Value = value, Label = W(value) };

    /// <summary>One field of every answerable type, some optional, one conditional, a repeating group.</summary>
    private static FormDefinition EveryType() => OnePage("td-every-type",
        Field("name", FieldType.Text) with { MinLength = 2, MaxLength = 50 },
        Field("notes", FieldType.TextArea, required: false),
        Field("seats", FieldType.Number) with { Min = 1, Max = 9 },
        Field("weight", FieldType.Decimal, required: false),
        Field("fee", FieldType.Money),
        Field("since", FieldType.Date) with { NotAfter = "today" },
        Field("commercial", FieldType.YesNo),
        Field("company", FieldType.Text) with { ShowIf = new FieldCondition("commercial", Comparison.Equals, JsonValue.Create(true)) },
        Field("colour", FieldType.Radios) with { Options = [Option("red"), Option("blue")] },
        Field("uses", FieldType.Checkboxes) with { Options = [Option("taxi"), Option("goods"), Option("tour")], MaxSelected = 2 },
        Field("district", FieldType.Select, required: false) with { Options = [Option("north"), Option("south")] },
        Field("email", FieldType.Email),
        Field("phone", FieldType.Phone, required: false) with { PhoneRegion = "any" },
        Field("hkid", FieldType.HongKongId),
        Field("garage", FieldType.Address),
        Field("photos", FieldType.File, required: false) with { MaxFiles = 2, Accept = ["jpeg"] },
        Field("drivers", FieldType.Group, required: false) with
        {
            MinItems = 1, MaxItems = 3, ItemLabel = W("Driver"),
            Fields = [Field("driverName", FieldType.Text), Field("licence", FieldType.Text, required: false)],
        },
        Field("agree", FieldType.Declaration));

    private static JsonObject Valid() => JsonNode.Parse("""
        {
          "name": "Chan Tai Man", "notes": "", "seats": 5, "fee": 120.5, "since": "2020-01-31", "commercial": false,
          "colour": "blue", "uses": ["taxi", "tour"], "email": "chan@example.com", "phone": "+85291234567", "hkid": "A123456(3)",
          "garage": { "building": "Harbour Building", "district": "central-and-western" },
          "drivers": [{ "driverName": "Chan" }, { "driverName": "Lee", "licence": "D1234" }],
          "agree": true
        }
        """)!.AsObject();

    private async Task<JsonSchema> SchemaAsync(string formId, int version = 1)
    {
        var answer = await _http.GetAsync($"/api/v1/forms/{formId}/versions/{version}/schema", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("application/schema+json", answer.Content.Headers.ContentType!.MediaType);
        var text = await answer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        // A registry of its own: the schema's $id is the same in every test.
        return JsonSchema.FromText(text, new BuildOptions { SchemaRegistry = new SchemaRegistry() });
    }

    private static bool Passes(JsonSchema schema, JsonNode answers) =>
        schema.Evaluate(JsonSerializer.SerializeToElement(answers), new EvaluationOptions { OutputFormat = OutputFormat.List }).IsValid;

    [Fact]
    public async Task Schema_AnswersTheServerAccepts_PassIt()
    {
        var schema = await SchemaAsync("td-every-type");

        var submitted = await SubmitAsync(_http, "td-every-type", fixture.Token, _key, Valid());

        Assert.Equal(HttpStatusCode.Created, submitted.Status);
        Assert.True(Passes(schema, Valid()));
    }

    [Fact]
    public async Task Schema_DemoFormWithRealAnswers_PassesThemAndRefusesAWrongType()
    {
        var schema = await SchemaAsync("fehd-food-hygiene-report");
        var answers = JsonNode.Parse("""
            {
              "problem": "illness", "peopleIll": 3, "when": "2026-03-27", "shopName": "Lucky Restaurant",
              "shopAddress": { "flat": "G/F", "street": "12 Nathan Road", "district": "yau-tsim-mong" },
              "details": "Four of us were sick after lunch.", "wantsReply": true, "email": "chan@example.com"
            }
            """)!;

        Assert.True(Passes(schema, answers));
        answers["peopleIll"] = "three";
        Assert.False(Passes(schema, answers));
    }

    [Theory]
    [InlineData("seats", "\"five\"")]        // a number as text
    [InlineData("seats", "2.5")]             // not whole
    [InlineData("fee", "-1")]                // money below zero
    [InlineData("fee", "1.005")]             // more than cents
    [InlineData("since", "\"31/01/2020\"")]  // not ISO
    [InlineData("commercial", "\"no\"")]     // yes/no as text
    [InlineData("colour", "\"green\"")]      // not an option
    [InlineData("uses", "[\"taxi\",\"goods\",\"tour\"]")] // too many ticked
    [InlineData("uses", "[\"taxi\",\"taxi\"]")] // twice
    [InlineData("email", "\"not-an-email\"")]
    [InlineData("hkid", "\"A1234563\"")]     // not in canonical form
    [InlineData("garage", "{\"building\":\"B\",\"district\":\"atlantis\"}")]
    [InlineData("garage", "{\"flat\":\"1\",\"district\":\"central-and-western\"}")] // neither building nor street
    [InlineData("drivers", "[{}]")]          // item without its required field
    [InlineData("drivers", "[{\"driverName\":\"A\"},{\"driverName\":\"B\"},{\"driverName\":\"C\"},{\"driverName\":\"D\"}]")]
    [InlineData("photos", "[{\"name\":\"no-id.jpg\"}]")]
    [InlineData("agree", "false")]
    [InlineData("surprise", "1")]            // not a field of the form
    public async Task Schema_WrongShape_FailsItAsTheServerRefusesIt(string field, string json)
    {
        var schema = await SchemaAsync("td-every-type");
        var answers = Valid();
        answers[field] = JsonNode.Parse(json);

        var submitted = await SubmitAsync(_http, "td-every-type", fixture.Token, _key, answers);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, submitted.Status);
        Assert.False(Passes(schema, answers));
    }

    [Theory]
    [InlineData("name")]
    [InlineData("garage")]
    [InlineData("agree")]
    public async Task Schema_RequiredFieldMissing_FailsIt(string field)
    {
        var schema = await SchemaAsync("td-every-type");
        var answers = Valid();
        answers.Remove(field);

        Assert.False(Passes(schema, answers));
    }

    [Fact]
    public async Task Schema_ConditionalAndOptionalFields_AreNotRequiredButTyped()
    {
        var schema = await SchemaAsync("td-every-type");
        var text = await (await _http.GetAsync("/api/v1/forms/td-every-type/versions/1/schema", TestContext.Current.CancellationToken))
            .Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var document = JsonNode.Parse(text)!;
        var withCompany = Valid();
        withCompany["commercial"] = true;
        withCompany["company"] = "Chan Transport Ltd";
        var emptyOptional = Valid();
        emptyOptional["weight"] = null;
        emptyOptional["photos"] = new JsonArray();

        var required = document["required"]!.AsArray().Select(r => r!.GetValue<string>()).ToList();
        Assert.DoesNotContain("company", required);
        Assert.DoesNotContain("notes", required);
        Assert.Contains("name", required);
        Assert.Equal("commercial", document["properties"]!["company"]!["anyOf"]![0]!["x-showIf"]!["field"]!.GetValue<string>());
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", document["$schema"]!.GetValue<string>());
        Assert.True(Passes(schema, withCompany));
        Assert.True(Passes(schema, emptyOptional));
    }

    [Fact]
    public async Task Schema_UnknownVersion_Answers404()
    {
        var answer = await _http.GetAsync("/api/v1/forms/fehd-food-hygiene-report/versions/99/schema", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
    }
}
