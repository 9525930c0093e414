using OneStop.Documents.Templates;
using OneStop.Forms.Definitions;
using OneStop.Office.DocumentTemplates;

namespace OneStop.Tests.Office.DocumentTemplates;

/// <summary>The editor names every answer a template prints (as holder or in a field) that the service's form does not ask.</summary>
public sealed class UnknownAnswersTests
{
    private static readonly Words Label = new() { En = "Label", ZhHk = "標籤", ZhCn = "标签" };

    private static DocumentDefinition Template(string holder, params string[] sources) => new()
    {
        Title = Label,
        NumberPrefix = "X",
        Holder = holder,
        Fields = sources.Select(s => new DocumentField { Label = Label, From = s }).ToList(),
    };

    [Fact]
    public void UnknownAnswers_HolderAndFieldsNotOnTheForm_EachNamedOnce()
    {
        var template = Template("answer:nickname", "answer:plate", "answer:colour", "application.reference", "answer:colour", "decision.note");

        Assert.Equal(["nickname", "colour"], TemplateEditor.UnknownAnswers(template, new HashSet<string> { "plate", "fullName" }));
    }

    [Fact]
    public void UnknownAnswers_AllAsked_None()
    {
        Assert.Empty(TemplateEditor.UnknownAnswers(Template("profile", "answer:plate"), new HashSet<string> { "plate" }));
    }

    [Fact]
    public void UnknownAnswers_ServiceWithoutAForm_NothingToCheckAgainst()
    {
        Assert.Empty(TemplateEditor.UnknownAnswers(Template("answer:anything", "answer:else"), null));
    }
}
