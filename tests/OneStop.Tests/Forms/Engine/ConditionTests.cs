using System.Text.Json;
using OneStop.Forms.Definitions;
using static OneStop.Tests.Forms.Engine.Engine;

namespace OneStop.Tests.Forms.Engine;

/// <summary>Every comparison, the combinators, and what an unanswered question makes of each.</summary>
public sealed class ConditionTests
{
    [Theory]
    [InlineData("""{"field":"a","equals":"yes"}""", """{"a":"yes"}""", true)]
    [InlineData("""{"field":"a","equals":"yes"}""", """{"a":"Yes"}""", false)]
    [InlineData("""{"field":"a","equals":true}""", """{"a":true}""", true)]
    [InlineData("""{"field":"a","equals":true}""", """{"a":"true"}""", false)]
    [InlineData("""{"field":"a","equals":2}""", """{"a":2.00}""", true)]
    [InlineData("""{"field":"a","equals":"2"}""", """{"a":2}""", false)]
    [InlineData("""{"field":"a","notEquals":"yes"}""", """{"a":"no"}""", true)]
    [InlineData("""{"field":"a","notEquals":"yes"}""", """{"a":"yes"}""", false)]
    [InlineData("""{"field":"a","notEquals":1.5}""", """{"a":1.50}""", false)]
    [InlineData("""{"field":"a","in":["x","y"]}""", """{"a":"y"}""", true)]
    [InlineData("""{"field":"a","in":["x","y"]}""", """{"a":"z"}""", false)]
    [InlineData("""{"field":"a","in":[1,2]}""", """{"a":2.0}""", true)]
    [InlineData("""{"field":"a","greaterThan":10}""", """{"a":10.5}""", true)]
    [InlineData("""{"field":"a","greaterThan":10}""", """{"a":10}""", false)]
    [InlineData("""{"field":"a","lessThan":10}""", """{"a":9.99}""", true)]
    [InlineData("""{"field":"a","lessThan":10}""", """{"a":10}""", false)]
    [InlineData("""{"field":"a","atLeast":10}""", """{"a":10.0}""", true)]
    [InlineData("""{"field":"a","atLeast":10}""", """{"a":9}""", false)]
    [InlineData("""{"field":"a","atMost":10}""", """{"a":10}""", true)]
    [InlineData("""{"field":"a","atMost":10}""", """{"a":11}""", false)]
    [InlineData("""{"field":"a","greaterThan":"10"}""", """{"a":11}""", false)]
    [InlineData("""{"field":"a","greaterThan":5}""", """{"a":"6"}""", false)]
    public void Holds_Comparison_ComparesAsAnswers(string condition, string answers, bool expected) =>
        Assert.Equal(expected, Holds(condition, answers));

    [Theory]
    [InlineData("""{"field":"classes","contains":"B"}""", """{"classes":["A","B"]}""", true)]
    [InlineData("""{"field":"classes","contains":"C"}""", """{"classes":["A","B"]}""", false)]
    [InlineData("""{"field":"classes","contains":"A"}""", """{"classes":"A"}""", false)]
    [InlineData("""{"field":"classes","in":["C","B"]}""", """{"classes":["A","B"]}""", true)]
    [InlineData("""{"field":"classes","in":["C","D"]}""", """{"classes":["A","B"]}""", false)]
    [InlineData("""{"field":"classes","in":["A"]}""", """{"classes":[]}""", false)]
    [InlineData("""{"field":"classes","equals":["A","B"]}""", """{"classes":["A","B"]}""", true)]
    [InlineData("""{"field":"classes","equals":["A","B"]}""", """{"classes":["B","A"]}""", false)]
    public void Holds_Checkboxes_ContainsAndInReadTheTickedBoxes(string condition, string answers, bool expected) =>
        Assert.Equal(expected, Holds(condition, answers));

    [Theory]
    [InlineData("""{"field":"d","greaterThan":"2026-03-14"}""", "2026-03-15", true)]
    [InlineData("""{"field":"d","greaterThan":"2026-03-15"}""", "2026-03-15", false)]
    [InlineData("""{"field":"d","atLeast":"today"}""", "2026-03-15", true)]
    [InlineData("""{"field":"d","lessThan":"today"}""", "2026-03-15", false)]
    [InlineData("""{"field":"d","atMost":"today-18y"}""", "2008-03-15", true)]
    [InlineData("""{"field":"d","atMost":"today-18y"}""", "2008-03-16", false)]
    [InlineData("""{"field":"d","lessThan":"today+2w"}""", "2026-03-28", true)]
    [InlineData("""{"field":"d","lessThan":"today+2w"}""", "2026-03-29", false)]
    [InlineData("""{"field":"d","atLeast":"today-1m"}""", "2026-02-15", true)]
    [InlineData("""{"field":"d","atLeast":"today-1m"}""", "2026-02-14", false)]
    [InlineData("""{"field":"d","greaterThan":"tomorrow"}""", "2030-01-01", false)]
    [InlineData("""{"field":"d","greaterThan":"today"}""", "15/03/2027", false)]
    public void Holds_Dates_CompareAsDatesWithRelativeBounds(string condition, string answer, bool expected) =>
        Assert.Equal(expected, Holds(condition, $$"""{"d":"{{answer}}"}"""));

    [Fact]
    public void Holds_RelativeBound_MovesWithToday()
    {
        const string condition = """{"field":"d","atLeast":"today"}""";

        Assert.True(Holds(condition, """{"d":"2026-03-15"}""", new DateOnly(2026, 3, 15)));
        Assert.False(Holds(condition, """{"d":"2026-03-15"}""", new DateOnly(2026, 3, 16)));
    }

    [Theory]
    [InlineData("""{"field":"end","greaterThan":{"field":"start"}}""", """{"start":"2026-01-01","end":"2026-01-02"}""", true)]
    [InlineData("""{"field":"end","greaterThan":{"field":"start"}}""", """{"start":"2026-01-02","end":"2026-01-02"}""", false)]
    [InlineData("""{"field":"paid","atLeast":{"field":"due"}}""", """{"due":100,"paid":100.00}""", true)]
    [InlineData("""{"field":"paid","atLeast":{"field":"due"}}""", """{"due":100,"paid":99.99}""", false)]
    [InlineData("""{"field":"a","equals":{"field":"b"}}""", """{"a":"x","b":"x"}""", true)]
    [InlineData("""{"field":"a","notEquals":{"field":"b"}}""", """{"a":"x","b":"y"}""", true)]
    [InlineData("""{"field":"a","in":{"field":"b"}}""", """{"a":"x","b":["x","y"]}""", true)]
    [InlineData("""{"field":"a","contains":{"field":"b"}}""", """{"a":["x","y"],"b":"y"}""", true)]
    [InlineData("""{"field":"end","greaterThan":{"field":"start"}}""", """{"end":"2026-01-02"}""", false)]
    [InlineData("""{"field":"a","equals":{"field":"b"}}""", """{"a":"x"}""", false)]
    public void Holds_FieldOperand_ReadsTheOtherAnswer(string condition, string answers, bool expected) =>
        Assert.Equal(expected, Holds(condition, answers));

    /// <summary>Unanswered (missing, null, blank, empty list, empty address) fails every test but notEquals and answered:false.</summary>
    [Theory]
    [InlineData("{}")]
    [InlineData("""{"a":null}""")]
    [InlineData("""{"a":"   "}""")]
    [InlineData("""{"a":[]}""")]
    [InlineData("""{"a":{"flat":"","district":null}}""")]
    public void Holds_Unanswered_OnlyNotEqualsAndAnsweredFalseHold(string answers)
    {
        Assert.False(Holds("""{"field":"a","equals":""}""", answers));
        Assert.False(Holds("""{"field":"a","equals":null}""", answers));
        Assert.True(Holds("""{"field":"a","notEquals":"x"}""", answers));
        Assert.False(Holds("""{"field":"a","in":["","x"]}""", answers));
        Assert.False(Holds("""{"field":"a","contains":"x"}""", answers));
        Assert.False(Holds("""{"field":"a","greaterThan":0}""", answers));
        Assert.False(Holds("""{"field":"a","lessThan":0}""", answers));
        Assert.False(Holds("""{"field":"a","atLeast":"2000-01-01"}""", answers));
        Assert.False(Holds("""{"field":"a","atMost":"today"}""", answers));
        Assert.False(Holds("""{"field":"a","answered":true}""", answers));
        Assert.True(Holds("""{"field":"a","answered":false}""", answers));
    }

    [Theory]
    [InlineData("x", true)]
    [InlineData("0", true)]
    [InlineData("false", true)]
    [InlineData("[\"A\"]", true)]
    [InlineData("{\"street\":\"Queen's Road\"}", true)]
    public void Holds_Answered_CountsFalseAndZeroAsAnswers(string value, bool expected)
    {
        var json = value.StartsWith('[') || value.StartsWith('{') || value is "0" or "false" ? value : $"\"{value}\"";
        Assert.Equal(expected, Holds("""{"field":"a","answered":true}""", $$"""{"a":{{json}}}"""));
    }

    [Theory]
    [InlineData("""{"all":[]}""", true)]
    [InlineData("""{"any":[]}""", false)]
    [InlineData("""{"all":[{"field":"a","equals":1},{"field":"b","equals":2}]}""", true)]
    [InlineData("""{"all":[{"field":"a","equals":1},{"field":"b","equals":3}]}""", false)]
    [InlineData("""{"any":[{"field":"a","equals":9},{"field":"b","equals":2}]}""", true)]
    [InlineData("""{"any":[{"field":"a","equals":9},{"field":"b","equals":9}]}""", false)]
    [InlineData("""{"not":{"field":"a","equals":1}}""", false)]
    [InlineData("""{"not":{"any":[{"field":"a","equals":9},{"not":{"field":"b","equals":2}}]}}""", true)]
    public void Holds_Combinators_ComposeAsLogic(string condition, bool expected) =>
        Assert.Equal(expected, Holds(condition, """{"a":1,"b":2}"""));

    [Fact]
    public void Fields_NestedCondition_ListsEveryFieldRead()
    {
        var condition = Cond("""{"all":[{"field":"a","equals":1},{"not":{"any":[{"field":"b","greaterThan":{"field":"c"}}]}}]}""");

        Assert.Equal(["a", "b", "c"], condition.Fields().Order());
    }

    [Theory]
    [InlineData("""{"field":"a","unlike":1}""", "Unknown test 'unlike'")]
    [InlineData("""{"field":"a","answered":"yes"}""", "'answered' takes true or false")]
    [InlineData("""{"field":"a","answered":{"field":"b"}}""", "'answered' takes true or false")]
    [InlineData("""{"field":"a","in":"x"}""", "'in' takes a list")]
    [InlineData("""{"field":"a","equals":1,"also":2}""", "A condition is")]
    [InlineData("""{"field":7,"equals":1}""", "A condition is")]
    [InlineData("""{"all":{"field":"a","equals":1}}""", "A condition is")]
    [InlineData("""{"all":[1]}""", "A condition is a JSON object")]
    [InlineData("""{"not":[]}""", "A condition is")]
    [InlineData("""[]""", "A condition is a JSON object")]
    public void Read_MalformedCondition_IsRefusedWithAReason(string json, string reason)
    {
        var error = Assert.Throws<JsonException>(() => Cond(json));

        Assert.Contains(reason, error.Message);
    }
}
