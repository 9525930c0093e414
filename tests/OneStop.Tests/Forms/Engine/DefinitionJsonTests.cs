using System.Text.Json.Nodes;
using OneStop.Forms.Answers;
using OneStop.Forms.Definitions;
using static OneStop.Tests.Forms.Engine.Engine;

namespace OneStop.Tests.Forms.Engine;

/// <summary>Definitions read back what was written; anything the reader does not know is refused with where it is.</summary>
public sealed class DefinitionJsonTests
{
    [Fact]
    public void Parse_WrittenDefinition_IsStructurallyTheSame()
    {
        var form = EveryType();

        var read = DefinitionJson.Parse(DefinitionJson.Write(form), out var error);

        Assert.Null(error);
        Assert.Null(Structural.Difference(form, read));
    }

    [Fact]
    public void Structural_DifferentDefinitions_AreTold()
    {
        var form = EveryType();
        var changed = form with { Rules = [form.Rules[0] with { Assert = Cond("""{"field":"fee","atLeast":{"field":"weight"}}""") }] };

        Assert.Equal("$.Rules[0].Assert.OtherField: seats vs weight", Structural.Difference(form, changed));
    }

    [Fact]
    public void Write_LeavesOutFalseFlagsEmptyListsAndNulls()
    {
        var json = JsonNode.Parse(DefinitionJson.Write(TestForms.OnePage("td-small", TestForms.Field("a", FieldType.Text, required: false))))!;

        var field = json["pages"]![0]!["fields"]![0]!.AsObject();
        Assert.Equal(["id", "type", "label"], field.Select(p => p.Key));
        Assert.Null(json["rules"]);
    }

    [Fact]
    public void Write_LeavesOutComputedViews()
    {
        var json = JsonNode.Parse(DefinitionJson.Write(EveryType()))!;

        Assert.Null(json["allFields"]);
        Assert.Equal(["en", "zh-HK", "zh-CN"], json["title"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public void Write_UsesTheAuthorsNames()
    {
        var json = DefinitionJson.Write(EveryType());

        Assert.Contains("\"$schema\":", json);
        Assert.Contains("\"zh-HK\":", json);
        Assert.Contains("\"type\": \"hkid\"", json);
        Assert.Contains("\"type\": \"yesNo\"", json);
        Assert.Contains("\"maxTotalUploadBytes\": 20000000", json);
        Assert.Contains("\"greaterThan\"", DefinitionJson.Write(EveryType() with { Rules = [EveryType().Rules[0] with { Assert = Cond("""{"field":"fee","greaterThan":3}""") }] }));
    }

    [Theory]
    [InlineData("""{"id":"x","department":"TD","title":{"en":"a","zh-HK":"b","zh-CN":"c"},"pages":[],"colour":"red"}""", "$.colour")]
    [InlineData("""{"id":"x","department":"TD","title":{"en":"a","zh-HK":"b","zh-CN":"c","fr":"d"},"pages":[]}""", "$.title.fr")]
    [InlineData("""{"id":"x","department":"TD","title":{"en":"a","zh-HK":"b","zh-CN":"c"},"pages":[{"id":"p","title":{"en":"a","zh-HK":"b","zh-CN":"c"},"fields":[{"id":"f","type":"text","lable":{"en":"a","zh-HK":"b","zh-CN":"c"}}]}]}""", "$.pages[0].fields[0].lable")]
    public void Parse_UnknownProperty_IsRefusedWithItsPath(string json, string path)
    {
        var read = DefinitionJson.Parse(json, out var error);

        Assert.Null(read);
        Assert.NotNull(error);
        Assert.StartsWith(path, error);
    }

    [Theory]
    [InlineData("""{"id":"x","department":"TD","title":{"en":"a","zh-HK":"b"},"pages":[]}""", "$.title", "zh-CN")]
    [InlineData("""{"id":"x","department":"TD","title":{"en":"a","zh-HK":"b","zh-CN":"c"},"pages":[{"id":"p","title":{"en":"a","zh-HK":"b","zh-CN":"c"},"fields":[{"id":"f","type":"photo"}]}]}""", "$.pages[0].fields[0].type", "")]
    [InlineData("""{"id":"x","department":"TD","title":{"en":"a","zh-HK":"b","zh-CN":"c"},"pages":[{"id":"p","title":{"en":"a","zh-HK":"b","zh-CN":"c"},"showIf":{"field":"f","near":1},"fields":[]}]}""", "$.pages[0].showIf", "Unknown test 'near'")]
    [InlineData("""{"id":"x","department":"TD","title":null,"pages":[]}""", "$.title", "")]
    [InlineData("""{"id":"x","department":"TD","title":{"en":"a","zh-HK":"b","zh-CN":"c"},"pages":[]""", "", "")]
    public void Parse_WrongShape_SaysWhere(string json, string path, string reason)
    {
        var read = DefinitionJson.Parse(json, out var error);

        Assert.Null(read);
        Assert.NotNull(error);
        Assert.StartsWith(path, error);
        Assert.Contains(reason, error);
    }

    [Fact]
    public void Canonical_KeyOrder_DoesNotMatter()
    {
        var a = Obj("""{"b":1,"a":{"y":[{"q":2,"p":1}],"x":"中"},"c":null}""");
        var b = Obj("""{"c":null,"a":{"x":"中","y":[{"p":1,"q":2}]},"b":1}""");

        Assert.Equal(AnswerValues.Canonical(a), AnswerValues.Canonical(b));
        Assert.Equal("""{"a":{"x":"中","y":[{"p":1,"q":2}]},"b":1,"c":null}""", AnswerValues.Canonical(a));
    }

    [Fact]
    public void Canonical_ArrayOrderAndValues_Matter()
    {
        Assert.NotEqual(AnswerValues.Canonical(Obj("""{"a":[1,2]}""")), AnswerValues.Canonical(Obj("""{"a":[2,1]}""")));
        Assert.NotEqual(AnswerValues.Canonical(Obj("""{"a":"1"}""")), AnswerValues.Canonical(Obj("""{"a":1}""")));
    }

    [Fact]
    public void Canonical_KeysSortByOrdinal()
    {
        Assert.Equal("""{"B":1,"a":2,"é":3}""", AnswerValues.Canonical(Obj("""{"é":3,"a":2,"B":1}""")));
    }
}
