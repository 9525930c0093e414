using OneStop.Catalogue.Search;
using static OneStop.Tests.Catalogue.Search.SearchTestData;

namespace OneStop.Tests.Catalogue.Search;

public sealed class SpellingCorrectionTests
{
    private static readonly SearchIndex Catalogue = Index(
        Doc(1, "Renew a passport", "Renewal of an adult passport"),
        Doc(2, "Register a birth"),
        Doc(3, "Passport photos"));

    [Fact]
    public void Correction_TypoInEachWord_ReturnsTheWordsTheSearchUsed() =>
        Assert.Equal("passport renewal", Catalogue.Correction("pasport renewel"));

    [Fact]
    public void Correction_KnownWordsAndStopWords_AreKept() =>
        Assert.Equal("renew a passport", Catalogue.Correction("renew a pasport"));

    [Theory]
    [InlineData("renew passport")]  // nothing to correct
    [InlineData("zzzzzz passport")] // nothing resembles zzzzzz: the search finds nothing either
    [InlineData("護照")]             // Chinese is not corrected
    [InlineData("renew passp")]     // an unfinished last word is completed, not corrected
    [InlineData("")]
    public void Correction_NothingToExplain_ReturnsNull(string query) =>
        Assert.Null(Catalogue.Correction(query));
}
