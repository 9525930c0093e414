using OneStop.Forms.Definitions;
using OneStop.Platform.Storage;
using static OneStop.Tests.Forms.Engine.Engine;
using static OneStop.Tests.Forms.TestForms;

namespace OneStop.Tests.Forms.Engine;

/// <summary>Each structural problem DefinitionCheck reports, and where it says it is.</summary>
public sealed class DefinitionCheckTests
{
    private static List<string> Problems(FormDefinition form) =>
        DefinitionCheck.Check(form, FileTypeNames.Known).Select(p => p.ToString()).ToList();

    private static List<string> Problems(params FieldDefinition[] fields) => Problems(OnePage("td-check", fields));

    [Fact]
    public void Check_EveryTypeForm_HasNoProblems() => Assert.Empty(Problems(EveryType()));

    [Theory]
    [InlineData("TD-Licence")]
    [InlineData("td--licence")]
    [InlineData("-td")]
    [InlineData("td_licence")]
    public void Check_BadFormId_IsReportedAtId(string id) =>
        Assert.Contains(Problems(OnePage(id, Field("a", FieldType.Text))), p => p.StartsWith("id: "));

    [Fact]
    public void Check_FormLevelProblems_AreReportedWhereTheyAre()
    {
        var form = OnePage("td-check", Field("a", FieldType.Text)) with
        {
            Department = " ",
            Title = W("") with { ZhCn = "" },
            Description = W("d") with { ZhHk = " " },
            MaxTotalUploadBytes = 0,
        };

        var problems = Problems(form);

        Assert.Contains("department: Name the department that owns the form.", problems);
        Assert.Contains("title.en: The English text is missing.", problems);
        Assert.Contains("title.zh-CN: The Simplified Chinese text is missing.", problems);
        Assert.Contains("description.zh-HK: The Traditional Chinese text is missing.", problems);
        Assert.Contains("maxTotalUploadBytes: Must be more than 0.", problems);
    }

    [Fact]
    public void Check_NoPages_IsAProblem() => Assert.Contains("pages: A form has at least one page.", Problems(OnePage("td-check") with { Pages = [] }));

    [Fact]
    public void Check_PageProblems_AreReportedAtThePage()
    {
        var form = OnePage("td-check", Field("a", FieldType.Text)) with
        {
            Pages =
            [
                new PageDefinition { Id = "main", Title = W("Main"), Fields = [Field("a", FieldType.Text)] },
                new PageDefinition { Id = "main", Title = W("Again"), Fields = [] },
                new PageDefinition { Id = "2nd", Title = null!, Fields = [Field("b", FieldType.Text)], ShowIf = Cond("""{"field":"b","answered":true}""") },
            ],
        };

        var problems = Problems(form);

        Assert.Contains("pages[1].id: Another page is already called 'main'.", problems);
        Assert.Contains("pages[1].fields: A page has at least one field.", problems);
        Assert.Contains(problems, p => p.StartsWith("pages[2].id: Start with a letter"));
        Assert.Contains("pages[2].title: Write it in English, Traditional Chinese and Simplified Chinese.", problems);
        Assert.Contains("pages[2].showIf: 'b' is not a field asked before this point, so the condition cannot read it.", problems);
    }

    [Fact]
    public void Check_FieldIds_MustBeWellFormedAndUnique()
    {
        var problems = Problems(Field("a", FieldType.Text), Field("a", FieldType.Number), Field("my-field", FieldType.Text), Field("_x", FieldType.Text));

        Assert.Contains("pages[0].fields[1].id: Another field is already called 'a'.", problems);
        Assert.Contains(problems, p => p.StartsWith("pages[0].fields[2].id: Start with a letter"));
        Assert.Contains(problems, p => p.StartsWith("pages[0].fields[3].id: Start with a letter"));
    }

    [Fact]
    public void Check_ConditionReadingALaterOrContentField_IsAProblem()
    {
        var problems = Problems(
            Field("intro", FieldType.Guidance, required: false),
            Field("a", FieldType.Text) with { ShowIf = Cond("""{"all":[{"field":"b","answered":true},{"field":"intro","answered":true}]}""") },
            Field("b", FieldType.Text) with { ShowIf = Cond("""{"field":"b","equals":"x"}""") },
            Field("c", FieldType.Text) with { ShowIf = Cond("""{"field":"a","equals":{"field":"b"}}""") });

        Assert.Equal(
        [
            "pages[0].fields[1].showIf: 'b' is not a field asked before this point, so the condition cannot read it.",
            "pages[0].fields[1].showIf: 'intro' is not a field asked before this point, so the condition cannot read it.",
            "pages[0].fields[2].showIf: 'b' is not a field asked before this point, so the condition cannot read it.",
        ], problems);
    }

    [Fact]
    public void Check_MissingTranslations_AreReportedPerLanguage()
    {
        var problems = Problems(Field("a", FieldType.Text) with { Label = W("A") with { ZhHk = "" }, Hint = W("") });

        Assert.Equal(
        [
            "pages[0].fields[0].label.zh-HK: The Traditional Chinese text is missing.",
            "pages[0].fields[0].hint.en: The English text is missing.",
        ], problems);
    }

    [Fact]
    public void Check_Options_MustFitTheType()
    {
        var problems = Problems(
            Field("a", FieldType.Radios),
            Choice("b", FieldType.Text, "x"),
            Choice("c", FieldType.Select, "x", "x"),
            Choice("d", FieldType.Checkboxes, "x") with { Options = [new OptionDefinition { Value = " ", Label = W("blank"), Hint = W("") with { ZhCn = "" } }] });

        Assert.Contains("pages[0].fields[0].options: List the options to choose from.", problems);
        Assert.Contains("pages[0].fields[1].options: A text field has no options.", problems);
        Assert.Contains("pages[0].fields[2].options: The value 'x' is used twice.", problems);
        Assert.Contains("pages[0].fields[3].options[0].value: An option needs a value.", problems);
        Assert.Contains("pages[0].fields[3].options[0].hint.en: The English text is missing.", problems);
        Assert.Contains("pages[0].fields[3].options[0].hint.zh-CN: The Simplified Chinese text is missing.", problems);
    }

    [Fact]
    public void Check_Limits_MustMakeSense()
    {
        var problems = Problems(
            Field("a", FieldType.Text) with { MinLength = 5, MaxLength = 4 },
            Field("b", FieldType.Text) with { MaxLength = 0 },
            Field("c", FieldType.Number) with { Min = 10, Max = 1 },
            Choice("d", FieldType.Checkboxes, "x", "y") with { MaxSelected = 3 },
            Choice("e", FieldType.Checkboxes, "x", "y") with { MinSelected = 2, MaxSelected = 1 },
            Field("f", FieldType.Text) with { Pattern = "[a-" },
            Field("g", FieldType.Date) with { NotBefore = "yesterday" },
            Field("h", FieldType.Text) with { NotAfter = "today" },
            Field("i", FieldType.Date) with { NotAfter = "today+2q" },
            Field("j", FieldType.Phone) with { PhoneRegion = "uk" },
            Field("k", FieldType.Date) with { NotBefore = "today-9000y" });

        Assert.Contains("pages[0].fields[0].maxLength: Lengths must be positive and minLength at most maxLength.", problems);
        Assert.Contains("pages[0].fields[1].maxLength: Lengths must be positive and minLength at most maxLength.", problems);
        Assert.Contains("pages[0].fields[2].min: min must be at most max.", problems);
        Assert.Contains("pages[0].fields[3].maxSelected: Selection limits must fit the options.", problems);
        Assert.Contains("pages[0].fields[4].maxSelected: Selection limits must fit the options.", problems);
        Assert.Contains("pages[0].fields[5].pattern: Not a valid regular expression.", problems);
        Assert.Contains(problems, p => p.StartsWith("pages[0].fields[6].notBefore: Use today, today+30d"));
        Assert.Contains(problems, p => p.StartsWith("pages[0].fields[7].notAfter: Use today"));
        Assert.Contains(problems, p => p.StartsWith("pages[0].fields[8].notAfter: Use today"));
        Assert.Contains("pages[0].fields[9].phoneRegion: Use hk, international or any.", problems);
        Assert.Contains(problems, p => p.StartsWith("pages[0].fields[10].notBefore: Use today"));
    }

    [Fact]
    public void Check_Files_NeedKnownTypesAndSaneLimits()
    {
        var problems = Problems(
            Field("a", FieldType.File),
            Field("b", FieldType.File) with { Accept = ["pdf", "exe"], MaxBytes = 0, MaxFiles = 21 },
            Field("c", FieldType.File) with { Accept = ["png"], MaxFiles = 0 });

        Assert.Contains(problems, p => p.StartsWith("pages[0].fields[0].accept: List the file types allowed: "));
        Assert.Contains(problems, p => p.StartsWith("pages[0].fields[1].accept: 'exe' is not a file type OneStop recognises"));
        Assert.Contains("pages[0].fields[1].maxBytes: Must be more than 0.", problems);
        Assert.Contains("pages[0].fields[1].maxFiles: From 1 to 20.", problems);
        Assert.Contains("pages[0].fields[2].maxFiles: From 1 to 20.", problems);
        Assert.DoesNotContain(problems, p => p.StartsWith("pages[0].fields[2].accept"));
    }

    [Fact]
    public void Check_SignatureOutsideADeclaration_IsAProblem() =>
        Assert.Equal(["pages[0].fields[0].signature: Only a declaration can ask for a signature."], Problems(Field("a", FieldType.YesNo) with { Signature = true }));

    [Fact]
    public void Check_Prefill_MustBeAProfileFieldOfAFittingType()
    {
        var problems = Problems(
            Field("a", FieldType.Text) with { Prefill = "shoe-size" },
            Field("b", FieldType.Text) with { Prefill = "hkid" },
            Field("c", FieldType.Text) with { LockVerified = true },
            Field("d", FieldType.HongKongId) with { Prefill = "hkid", LockVerified = true },
            Choice("e", FieldType.Select, "m", "f") with { Prefill = "sex" });

        Assert.Equal(
        [
            "pages[0].fields[0].prefill: 'shoe-size' is not a profile field that can fill a form (name.en, name.zh, hkid, date-of-birth, sex, phone, email, address.residential, address.correspondence).",
            "pages[0].fields[1].prefill: 'hkid' cannot fill a text field.",
            "pages[0].fields[2].lockVerified: Only a prefilled field can be locked.",
        ], problems);
    }

    [Fact]
    public void Check_ErrorOverrides_NeedAKnownKindAndThreeLanguages()
    {
        var problems = Problems(Field("a", FieldType.Text) with
        {
            Errors = new Dictionary<string, Words> { ["tooShort"] = W("Too short") with { En = "" }, ["bad"] = W("Bad") },
        });

        Assert.Contains("pages[0].fields[0].errors.tooShort.en: The English text is missing.", problems);
        Assert.Contains(problems, p => p.StartsWith("pages[0].fields[0].errors.bad: Unknown error kind. Use one of: required, "));
    }

    [Fact]
    public void Check_Groups_LimitsChildrenAndSiblingConditions()
    {
        var problems = Problems(
            Field("before", FieldType.Text),
            Field("g", FieldType.Group) with
            {
                MinItems = 3, MaxItems = 2, ItemLabel = W("") ,
                Fields =
                [
                    Field("x", FieldType.Text) with { Prefill = "name.en" },
                    Field("x", FieldType.Text) with { ShowIf = Cond("""{"all":[{"field":"x","answered":true},{"field":"before","answered":true}]}""") },
                    Field("y", FieldType.Text) with { ShowIf = Cond("""{"field":"z","answered":true}""") },
                    Field("z", FieldType.File) with { Accept = ["pdf"] },
                    Field("inner", FieldType.Group) with { MaxItems = 1, Fields = [Field("q", FieldType.Text)] },
                    Field("d", FieldType.Declaration),
                ],
            },
            Field("after", FieldType.Text) with { ShowIf = Cond("""{"field":"x","answered":true}""") },
            Field("g2", FieldType.Group) with { Fields = [] });

        Assert.Contains("pages[0].fields[1].minItems: Must be between 0 and maxItems.", problems);
        Assert.Contains("pages[0].fields[1].itemLabel.en: The English text is missing.", problems);
        Assert.Contains("pages[0].fields[1].fields[0].prefill: Fields in a repeating group are not prefilled.", problems);
        Assert.Contains("pages[0].fields[1].fields[1].id: Another field in the group is already called 'x'.", problems);
        Assert.DoesNotContain(problems, p => p.StartsWith("pages[0].fields[1].fields[1].showIf"));
        Assert.Contains("pages[0].fields[1].fields[2].showIf: 'z' is not a field asked before this point, so the condition cannot read it.", problems);
        Assert.Contains("pages[0].fields[1].fields[3].type: Groups cannot hold groups, files or declarations.", problems);
        Assert.Contains("pages[0].fields[1].fields[4].type: Groups cannot hold groups, files or declarations.", problems);
        Assert.Contains("pages[0].fields[1].fields[5].type: Groups cannot hold groups, files or declarations.", problems);
        Assert.Contains("pages[0].fields[2].showIf: 'x' is not a field asked before this point, so the condition cannot read it.", problems);
        Assert.Contains("pages[0].fields[3].fields: A repeating group has at least one field.", problems);
        Assert.Contains("pages[0].fields[3].maxItems: Say how many items may be added, from 1 to 100.", problems);
    }

    [Fact]
    public void Check_Rules_NeedUniqueIdsAKnownFieldAndEarlierFields()
    {
        var rule = new RuleDefinition { Id = "r", Field = "a", Assert = Cond("""{"field":"a","answered":true}"""), Message = W("m") };
        var form = OnePage("td-check", Field("a", FieldType.Text), Field("note", FieldType.Heading, required: false)) with
        {
            Rules =
            [
                rule,
                rule with { Field = "note", When = Cond("""{"field":"ghost","equals":1}"""), Message = W("m") with { ZhHk = "" } },
            ],
        };

        Assert.Equal(
        [
            "rules[1].id: Another rule is already called 'r'.",
            "rules[1].field: There is no field 'note' to show the message on.",
            "rules[1].when: 'ghost' is not a field asked before this point, so the condition cannot read it.",
            "rules[1].message.zh-HK: The Traditional Chinese text is missing.",
        ], Problems(form));
    }
}
