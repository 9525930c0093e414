using OneStop.Catalogue.Search;
using Xunit;
using static OneStop.Tests.Catalogue.Search.SearchTestData;

namespace OneStop.Tests.Catalogue.Search;

public class RankingTests
{
    [Fact]
    public void Search_TermInName_RanksAboveSummary_AboveBody()
    {
        // Same field lengths everywhere, so only the field that holds the term differs.
        var index = Index(
            Doc(1, "Health services", "Clinics for children", "Book a vaccination online"),
            Doc(2, "Health services", "Vaccination for children", "Book a clinic online"),
            Doc(3, "Vaccination services", "Clinics for children", "Book a health check online"));

        Assert.Equal([3, 2, 1], index.Search("vaccination").Ids());
    }

    [Fact]
    public void Search_ChineseTermInName_RanksAboveSummary_AboveBody()
    {
        var index = Index(
            Doc(1, "衞生服務", "兒童診所", "網上預約接種疫苗"),
            Doc(2, "衞生服務", "兒童疫苗", "網上預約診所服務"),
            Doc(3, "疫苗服務", "兒童診所", "網上預約健康檢查"));

        Assert.Equal([3, 2, 1], index.Search("疫苗").Ids());
    }

    [Fact]
    public void Search_RepeatedBodyTerm_DoesNotOutrankSummaryMatch()
    {
        var index = Index(
            Doc(1, "Health services", "Clinics", "vaccination vaccination vaccination vaccination vaccination"),
            Doc(2, "Health services", "Vaccination", "Book a clinic online today please"));

        Assert.Equal([2, 1], index.Search("vaccination").Ids());
    }

    [Fact]
    public void Search_RareTerm_CountsMoreThanCommonTerm()
    {
        var index = Index(
            Doc(1, "Renewal of vehicle licence"),
            Doc(2, "Renewal of trade licence"),
            Doc(3, "Renewal of lease"),
            Doc(4, "Renewal of permit"),
            Doc(10, "Renewal application", "", "Also covers passport cases"),
            Doc(11, "Passport application", "", "Also covers renewal cases"));

        Assert.Equal([11, 10], index.Search("passport renewal").Ids());
    }

    [Fact]
    public void Search_NameContainingWholePhrase_GetsBonus()
    {
        // Without the bonus the two would tie and the lower id would come first.
        var index = Index(Doc(1, "Renewal service passport"), Doc(2, "Passport renewal service"));

        Assert.Equal([2, 1], index.Search("passport renewal").Ids());
    }

    [Fact]
    public void Search_PhraseWithStopWords_StillGetsBonus()
    {
        var index = Index(Doc(1, "Passport renewal for adults"), Doc(2, "Renewal of a passport"));

        Assert.Equal([2, 1], index.Search("renewal of passport").Ids());
    }

    [Fact]
    public void Search_EqualScores_AreOrderedById()
    {
        var index = Index(Doc(30, "Parking permit"), Doc(10, "Parking permit"), Doc(20, "Parking permit"));

        Assert.Equal([10, 20, 30], index.Search("parking").Ids());
    }

    [Fact]
    public void Search_EveryTermMustMatch()
    {
        var index = Index(
            Doc(1, "Passport renewal"),
            Doc(2, "Passport application"),
            Doc(3, "Licence renewal"),
            Doc(4, "Identity card", "", "Renewal of a lost passport is handled elsewhere"));

        Assert.Equal([1, 4], index.Search("passport renewal").Ids());
    }

    [Fact]
    public void Search_TermsMayMatchInDifferentFields()
    {
        var index = Index(Doc(1, "Passport", "Renewal for adults"), Doc(2, "Passport", "First application"));

        Assert.Equal([1], index.Search("passport renewal").Ids());
    }

    [Fact]
    public void Search_WithMaxResults_ReturnsBestInOrder()
    {
        var index = Index(
            Doc(1, "Parking", "", "permit"),
            Doc(2, "Parking permit"),
            Doc(3, "Parking", "permit"),
            Doc(4, "Parking permit"));

        var all = index.Search("parking permit").Ids();
        var top = index.Search("parking permit", 2).Ids();

        Assert.Equal([2, 4, 3, 1], all);
        Assert.Equal([2, 4], top);
    }

    [Fact]
    public void Search_Scores_AreDescending()
    {
        var index = Index(Doc(1, "Parking", "", "permit"), Doc(2, "Parking permit"), Doc(3, "Parking", "permit"));

        var hits = index.Search("parking permit");

        Assert.Equal(3, hits.Count);
        Assert.True(hits[0].Score > hits[1].Score);
        Assert.True(hits[1].Score > hits[2].Score);
    }
}
