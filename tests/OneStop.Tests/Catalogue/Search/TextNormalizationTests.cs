using OneStop.Catalogue.Search;
using Xunit;

namespace OneStop.Tests.Catalogue.Search;

public class TextNormalizationTests
{
    [Theory]
    [InlineData("護照", "护照")]
    [InlineData("商業登記證", "商业登记证")]
    [InlineData("稅", "税")]
    [InlineData("申请护照", "申请护照")]
    [InlineData("Passport 護照", "Passport 护照")]
    public void ChineseScript_ToSimplified_FoldsTraditionalCharacters(string text, string expected)
    {
        Assert.Equal(expected, ChineseScript.ToSimplified(text));
    }

    [Fact]
    public void ChineseScript_Table_IsLoadedAndIdempotent()
    {
        Assert.True(ChineseScript.MappingCount > 2000);
        for (char c = '\u3400'; c < '\uFB00'; c++)
        {
            char once = ChineseScript.ToSimplified(c);
            Assert.Equal(once, ChineseScript.ToSimplified(once));
        }
    }

    [Fact]
    public void SpellingVariants_Fold_IsIdempotent()
    {
        foreach (var (variant, canonical) in SpellingVariants.All)
        {
            Assert.NotEqual(variant, canonical);
            Assert.Equal(canonical, SpellingVariants.Fold(variant));
            Assert.Equal(canonical, SpellingVariants.Fold(canonical));
        }
    }

    [Theory]
    [InlineData("license", "licence")]
    [InlineData("licence", "licence")]
    [InlineData("program", "programme")]
    [InlineData("enroll", "enrol")]
    [InlineData("cheque", "cheque")]
    public void SpellingVariants_Fold_UsesBritishForm(string word, string expected)
    {
        Assert.Equal(expected, SpellingVariants.Fold(word));
    }

    [Theory]
    [InlineData("policies", "policy")]
    [InlineData("addresses", "address")]
    [InlineData("taxes", "tax")]
    [InlineData("branches", "branch")]
    [InlineData("services", "service")]
    [InlineData("licences", "licence")]
    [InlineData("business", "business")]
    [InlineData("status", "status")]
    [InlineData("analysis", "analysis")]
    [InlineData("bus", "bus")]
    [InlineData("ties", "ties")]
    public void EnglishStemmer_Stem_FoldsPluralsConservatively(string word, string expected)
    {
        Assert.Equal(expected, EnglishStemmer.Stem(word));
    }
}
