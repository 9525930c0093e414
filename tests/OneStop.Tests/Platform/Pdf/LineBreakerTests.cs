using OneStop.Platform.Pdf;

namespace OneStop.Tests.Platform.Pdf;

/// <summary>Where lines break, with every character one unit wide.</summary>
public sealed class LineBreakerTests
{
    private static List<string> Wrap(string text, double width) => LineBreaker.Wrap(text, width, s => s.Length);

    [Fact]
    public void Wrap_LatinText_BreaksAtSpacesAndDropsThem()
    {
        Assert.Equal(["the quick", "brown fox", "jumps"], Wrap("the quick brown fox jumps", 10));
    }

    [Fact]
    public void Wrap_ChineseText_BreaksBetweenCharactersButNeverBeforeClosingPunctuation()
    {
        Assert.Equal(["香港特別行政", "區，運輸署。"], Wrap("香港特別行政區，運輸署。", 7));
    }

    [Fact]
    public void Wrap_QuotedChinese_NeverEndsALineWithAnOpeningQuoteNorStartsOneWithAClosingQuote()
    {
        Assert.Equal(["申請人", "「陳大", "文」"], Wrap("申請人「陳大文」", 4));
    }

    [Fact]
    public void Wrap_LatinWordInChineseText_IsNotSplitWhileItFits()
    {
        Assert.Equal(["請填寫", "OneStop", "帳戶"], Wrap("請填寫OneStop帳戶", 7));
    }

    [Fact]
    public void Wrap_WordWiderThanTheLine_IsCutBetweenCharacters()
    {
        Assert.Equal(["see", "abcd", "efgh", "ij"], Wrap("see abcdefghij", 4));
    }

    [Fact]
    public void Wrap_TextWithLineBreaks_KeepsThemAndEmptyLines()
    {
        Assert.Equal(["first", "", "second"], Wrap("first\r\n\r\nsecond", 20));
    }

    [Fact]
    public void Wrap_CharacterOutsideTheBasicPlane_IsNeverSplitInHalf()
    {
        var lines = Wrap("𠀀𠀁𠀂", 2); // each is two UTF-16 units, so one per line at this width

        Assert.Equal(["𠀀", "𠀁", "𠀂"], lines);
    }
}
