using OneStop.Payments.Links;

namespace OneStop.Tests.Payments.Links;

/// <summary>The checks on payment items and the references payers type.</summary>
public sealed class LinkRulesTests
{
    [Theory]
    [InlineData(@"\d{11}", "12345678901", true)]
    [InlineData(@"\d{11}", "123456789012", false)]
    [InlineData(@"\d{11}", "x12345678901", false)]
    [InlineData(@"[A-Z]{2}\d{8}|\d{10}", "1234567890", true)]
    [InlineData(@"[A-Z]{2}\d{8}|\d{10}", "AB12345678x", false)]
    public void Matches_WholeReferenceOnly(string pattern, string reference, bool expected) =>
        Assert.Equal(expected, LinkRules.Matches(pattern, reference));

    [Fact]
    public void Matches_PatternThatBacktracksForever_StopsAtTheTimeoutAndRefuses()
    {
        var started = DateTime.UtcNow;

        // Overlapping alternatives: exponentially many ways to split the a's before the "!" refuses them all.
        var matched = LinkRules.Matches("(a|aa)+", new string('a', 80) + "!");

        Assert.False(matched);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5));
    }

    [Theory]
    [InlineData(@"\d{11}", null)]
    [InlineData("", "patternMissing")]
    [InlineData("[a-", "pattern")]
    [InlineData("a)|(b", "pattern")]
    public void PatternProblem_NamesWhatIsWrong(string pattern, string? problem) => Assert.Equal(problem, LinkRules.PatternProblem(pattern));

    [Fact]
    public void PatternProblem_TooLong_Refused() => Assert.Equal("patternTooLong", LinkRules.PatternProblem(new string('a', LinkRules.PatternMaxLength + 1)));

    [Theory]
    [InlineData("320", 320.0)]
    [InlineData("HK$1,234.50", 1234.50)]
    [InlineData("0", null)]
    [InlineData("-5", null)]
    [InlineData("12.345", null)]
    [InlineData("1000000.01", null)]
    [InlineData("abc", null)]
    public void ParseAmount_FixedHkdAmounts(string typed, double? expected) =>
        Assert.Equal(expected is null ? null : (decimal)expected.Value, LinkRules.ParseAmount(typed));

    [Theory]
    [InlineData("wsd-water-bill", true)]
    [InlineData("add", false)]
    [InlineData("WSD", false)]
    [InlineData("-wsd", false)]
    [InlineData("ab", false)]
    public void IsCode_LowerCaseLettersDigitsHyphens(string code, bool expected) => Assert.Equal(expected, LinkRules.IsCode(code));
}
