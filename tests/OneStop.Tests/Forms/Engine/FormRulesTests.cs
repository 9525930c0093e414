using OneStop.Forms.Answers;
using OneStop.Forms.Definitions;
using static OneStop.Tests.Forms.Engine.Engine;
using static OneStop.Tests.Forms.TestForms;

namespace OneStop.Tests.Forms.Engine;

/// <summary>What a whole form asks given the answers: skipped pages, hidden fields, rules across fields, group items.</summary>
public sealed class FormRulesTests
{
    /// <summary>Page "business" only for companies; "owner" asked within it only when the company has no directors.</summary>
    private static FormDefinition Licence() => new()
    {
        Id = "fehd-licence", Department = "FEHD", Title = W("Licence"),
        Pages =
        [
            new PageDefinition { Id = "who", Title = W("Who"), Fields = [Choice("applicant", FieldType.Radios, "person", "company")] },
            new PageDefinition
            {
                Id = "business", Title = W("Business"), ShowIf = Cond("""{"field":"applicant","equals":"company"}"""),
                Fields =
                [
                    Field("company", FieldType.Text),
                    Field("hasDirectors", FieldType.YesNo),
                    Field("owner", FieldType.Text) with { ShowIf = Cond("""{"field":"hasDirectors","equals":false}""") },
                ],
            },
            new PageDefinition
            {
                Id = "dates", Title = W("Dates"),
                Fields =
                [
                    Field("opens", FieldType.Date),
                    Field("closes", FieldType.Date, required: false),
                    Field("ownerPhone", FieldType.Phone) with { ShowIf = Cond("""{"field":"owner","answered":true}""") },
                ],
            },
            new PageDefinition
            {
                Id = "people", Title = W("People"),
                Fields =
                [
                    Field("people", FieldType.Group, required: false) with
                    {
                        MaxItems = 3,
                        Fields =
                        [
                            Field("name", FieldType.Text),
                            Field("hasPhone", FieldType.YesNo),
                            Field("phone", FieldType.Phone) with { ShowIf = Cond("""{"field":"hasPhone","equals":true}""") },
                        ],
                    },
                ],
            },
        ],
        Rules =
        [
            new RuleDefinition
            {
                Id = "closesAfterOpens", Field = "closes",
                When = Cond("""{"field":"closes","answered":true}"""),
                Assert = Cond("""{"field":"closes","greaterThan":{"field":"opens"}}"""),
                Message = W("The closing date must be after the opening date"),
            },
            new RuleDefinition
            {
                Id = "ownerNotCompany", Field = "owner",
                Assert = Cond("""{"field":"owner","notEquals":{"field":"company"}}"""),
                Message = W("The owner is a person, not the company"),
            },
        ],
    };

    private static string[] Errors(string answers) =>
        FormRules.Validate(Licence(), Obj(answers), Today).Select(e => $"{e.Path}:{e.Kind}").Order().ToArray();

    [Fact]
    public void ShownPages_ConditionFails_SkipsThePage()
    {
        var form = Licence();

        Assert.Equal(["who", "dates", "people"], FormRules.ShownPages(form, Obj("""{"applicant":"person"}"""), Today).Select(p => p.Id));
        Assert.Equal(["who", "business", "dates", "people"], FormRules.ShownPages(form, Obj("""{"applicant":"company"}"""), Today).Select(p => p.Id));
    }

    [Fact]
    public void Validate_SkippedPage_IsNotValidated() =>
        Assert.Equal(["opens:required"], Errors("""{"applicant":"person","company":"","hasDirectors":"maybe"}"""));

    [Fact]
    public void Validate_ShownPage_ValidatesItsShownFieldsOnly() =>
        Assert.Equal(["company:required", "hasDirectors:requiredChoice", "opens:required"], Errors("""{"applicant":"company"}"""));

    [Fact]
    public void Validate_StaleAnswerOfASkippedPage_DoesNotRevealLaterFields()
    {
        // They said "company" with no directors and named an owner, then went back and became a person.
        var errors = Errors("""{"applicant":"person","company":"Lucky Ltd","hasDirectors":false,"owner":"Chan","opens":"2026-04-01"}""");

        Assert.Empty(errors);
    }

    [Fact]
    public void Validate_UnknownKey_IsReported() =>
        Assert.Equal(["colour:unknownField", "opens:required"], Errors("""{"applicant":"person","colour":"red"}"""));

    [Fact]
    public void Validate_RuleAcrossFields_ShowsItsMessageOnItsField()
    {
        var errors = FormRules.Validate(Licence(), Obj("""{"applicant":"person","opens":"2026-04-02","closes":"2026-04-01"}"""), Today);

        var error = Assert.Single(errors);
        Assert.Equal(("closes", "rule", "The closing date must be after the opening date"), (error.Path, error.Kind, error.Custom?.En));
    }

    [Theory]
    [InlineData("""{"applicant":"person","opens":"2026-04-01"}""")]
    [InlineData("""{"applicant":"person","opens":"2026-04-01","closes":"2026-04-02"}""")]
    public void Validate_RuleWhenDoesNotHoldOrAssertHolds_NoError(string answers) => Assert.Empty(Errors(answers));

    [Fact]
    public void Validate_RuleOnHiddenField_IsNotChecked() =>
        Assert.Empty(Errors("""{"applicant":"company","company":"Lucky","hasDirectors":true,"opens":"2026-04-01"}"""));

    [Fact]
    public void Validate_RuleOnShownField_IsChecked() =>
        Assert.Equal(["owner:rule"], Errors("""{"applicant":"company","company":"Lucky","hasDirectors":false,"owner":"Lucky","ownerPhone":"21234567","opens":"2026-04-01"}"""));

    [Fact]
    public void Validate_FieldAlreadyInError_GetsNoRuleMessageToo() =>
        Assert.Equal(["closes:notDate"], Errors("""{"applicant":"person","opens":"2026-04-02","closes":"soon"}"""));

    [Fact]
    public void Validate_GroupItems_ChildConditionsReadTheirOwnSiblings()
    {
        var errors = Errors("""
            {"applicant":"person","opens":"2026-04-01","people":[
              {"name":"Chan","hasPhone":true},
              {"name":"Wong","hasPhone":false,"phone":"nonsense"},
              {"hasPhone":true,"phone":"21234567","age":3}
            ]}
            """);

        Assert.Equal(["people.0.phone:required", "people.2.age:unknownField", "people.2.name:required"], errors);
    }

    [Fact]
    public void ValidatePage_OnePage_ChecksItsFieldsAndItsRulesOnly()
    {
        var form = Licence();
        var answers = Obj("""{"applicant":"company","opens":"2026-04-02","closes":"2026-04-01"}""");

        var errors = FormRules.ValidatePage(form, form.Page("dates")!, answers, Today);

        Assert.Equal(["closes:rule"], errors.Select(e => $"{e.Path}:{e.Kind}"));
    }

    [Fact]
    public void Prune_SkippedPageAndHiddenFields_AreDropped()
    {
        var answers = Obj("""
            {"applicant":"person","company":"Lucky","hasDirectors":false,"owner":"Chan","ownerPhone":"21234567",
             "opens":"2026-04-01","colour":"red",
             "people":[{"name":"Wong","hasPhone":false,"phone":"21234567","age":3}]}
            """);

        var kept = FormRules.Prune(Licence(), answers, Today);

        Assert.Equal("""{"applicant":"person","opens":"2026-04-01","people":[{"name":"Wong","hasPhone":false}]}""", kept.ToJsonString());
    }

    [Fact]
    public void Prune_ShownFields_AreKeptUnchanged()
    {
        var answers = Obj("""{"applicant":"company","company":"Lucky","hasDirectors":false,"owner":"Chan","ownerPhone":"21234567","opens":"2026-04-01"}""");

        var kept = FormRules.Prune(Licence(), answers, Today);

        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(answers, kept));
        Assert.NotSame(answers["company"], kept["company"]);
    }

    [Fact]
    public void Prune_HidingOneAnswer_HidesWhatDependedOnIt()
    {
        // ownerPhone depends on owner, which depends on a page that is now skipped.
        var kept = FormRules.Prune(Licence(), Obj("""{"applicant":"person","owner":"Chan","ownerPhone":"21234567"}"""), Today);

        Assert.Equal("""{"applicant":"person"}""", kept.ToJsonString());
    }

    [Fact]
    public void IsShown_GroupChild_ReadsTheItemFirst()
    {
        var phone = Licence().Field("people")!.Fields[2];

        Assert.True(FormRules.IsShown(phone, Obj("""{"hasPhone":false}"""), Today, Obj("""{"hasPhone":true}""")));
        Assert.False(FormRules.IsShown(phone, Obj("""{"hasPhone":true}"""), Today, Obj("""{"hasPhone":false}""")));
    }
}
