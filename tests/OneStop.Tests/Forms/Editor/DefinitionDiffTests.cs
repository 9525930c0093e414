using OneStop.Forms.Definitions;
using OneStop.Office.Forms;
using static OneStop.Tests.Forms.TestForms;

namespace OneStop.Tests.Forms.Editor;

/// <summary>The structural diff behind the "what changed" page.</summary>
public sealed class DefinitionDiffTests
{
    private static FormDefinition TwoPages(PageDefinition first, PageDefinition second) => OnePage("td-diff") with { Pages = [first, second] };

    private static PageDefinition Page(string id, params FieldDefinition[] fields) => new() { Id = id, Title = W(id), Fields = fields };

    [Fact]
    public void Compare_FieldMovedToAnotherPageAndOneAdded_SaysSoOnce()
    {
        var before = TwoPages(Page("a", Field("x", FieldType.Text), Field("y", FieldType.Text)), Page("b", Field("z", FieldType.Text)));
        var after = TwoPages(Page("a", Field("x", FieldType.Text)), Page("b", Field("z", FieldType.Text), Field("y", FieldType.Text), Field("w", FieldType.Date)));

        var changes = DefinitionDiff.Compare(before, after);

        Assert.Equivalent(new[]
        {
            new FormChange(ChangeKind.Added, "field", "w", "page", null, "b"),
            new FormChange(ChangeKind.Moved, "field", "y", "page", "a", "b"),
        }, changes, strict: true);
    }

    [Fact]
    public void Compare_PagesSwappedAndAPropertyChanged_GivesTheMoveAndOldAndNewValues()
    {
        var before = TwoPages(Page("a", Field("x", FieldType.Text)), Page("b", Field("z", FieldType.Number)));
        var after = TwoPages(Page("b", Field("z", FieldType.Number) with { Max = 9 }), Page("a", Field("x", FieldType.Text, required: false)));

        var changes = DefinitionDiff.Compare(before, after);

        Assert.Equivalent(new[]
        {
            new FormChange(ChangeKind.Moved, "page", "a", "position", "1", "2"),
            new FormChange(ChangeKind.Changed, "field", "z", "max", null, "9"),
            new FormChange(ChangeKind.Changed, "field", "x", "required", "true", "false"),
        }, changes, strict: true);
    }

    [Fact]
    public void OutOfOrder_OneItemPulledToTheFront_OnlyThatOneMoved() =>
        Assert.Equal(["d"], DefinitionDiff.OutOfOrder(["a", "b", "c", "d"], ["d", "a", "b", "c"]));
}
