using OneStop.Catalogue.Search;
using Xunit;
using static OneStop.Tests.Catalogue.Search.SearchTestData;

namespace OneStop.Tests.Catalogue.Search;

public class EnglishSearchTests
{
    private static readonly SearchIndex Services = Index(
        Doc(1, "Passport renewal", "Renew an adult passport before it expires."),
        Doc(2, "Passport application", "Apply for your first adult passport here."),
        Doc(3, "Renew a driving licence", "Driving licence renewal for private cars."),
        Doc(4, "Food business license", "Restaurant license for food premises."),
        Doc(5, "Youth programme", "Summer programme run by a community organisation."),
        Doc(6, "Property tax", "Pay property tax for the policies year."));

    [Fact]
    public void Search_CaseInsensitiveWord_FindsDocuments()
    {
        Assert.Equal([1, 2], Services.Search("PASSPORT").Ids());
    }

    [Fact]
    public void Search_OneTypoInEachWord_FindsDocument()
    {
        Assert.Equal([1], Services.Search("pasport renewel").Ids());
    }

    [Fact]
    public void Search_TransposedLetters_CountAsOneTypo()
    {
        Assert.Equal([1, 2], Services.Search("psasport").Ids());
    }

    [Fact]
    public void Search_TwoTyposInOneWord_FindsNothing()
    {
        Assert.Empty(Services.Search("pasprot applicashun"));
    }

    [Fact]
    public void Search_TypoInThreeLetterWord_IsNotTolerated()
    {
        Assert.Empty(Services.Search("tac property"));
    }

    [Fact]
    public void Search_KnownWord_DoesNotAlsoMatchWordsOneTypoAway()
    {
        var index = Index(Doc(1, "Render notice"), Doc(2, "Tender notice"));

        Assert.Equal([2], index.Search("tender").Ids());
    }

    [Fact]
    public void Search_UnknownWord_MatchesEveryWordOneTypoAway()
    {
        var index = Index(Doc(1, "Render notice"), Doc(2, "Tender notice"), Doc(3, "Gender notice"));

        Assert.Equal([1, 2, 3], index.Search("xender").Ids().Order());
    }

    [Fact]
    public void Search_AmericanSpelling_FindsBritishText()
    {
        Assert.Equal([3], Services.Search("driving license").Ids());
    }

    [Fact]
    public void Search_BritishSpelling_FindsAmericanText()
    {
        Assert.Equal([4], Services.Search("food licence").Ids());
    }

    [Theory]
    [InlineData("driving license", "driving licence")]
    [InlineData("food licence", "food license")]
    [InlineData("community organization", "community organisation")]
    [InlineData("youth programs", "youth programme")]
    public void Search_SpellingVariant_ScoresLikeTheIndexedSpelling(string variant, string canonical)
    {
        // Equal scores show the variant was folded, not merely caught as a one-letter typo.
        var viaVariant = Services.Search(variant);
        var viaCanonical = Services.Search(canonical);

        Assert.Single(viaVariant);
        Assert.Equal(viaCanonical, viaVariant);
    }

    [Fact]
    public void Search_SpellingVariantBeyondTypoReach_IsFolded()
    {
        var index = Index(Doc(1, "Adult enrolment programme"), Doc(2, "Adult education"));

        Assert.Equal([1], index.Search("program enrollment adult").Ids());
    }

    [Theory]
    [InlineData("youth program")]
    [InlineData("community organization")]
    [InlineData("Youth Programs")]
    public void Search_SpellingVariantsAndPlurals_FindBritishText(string query)
    {
        Assert.Equal([5], Services.Search(query).Ids());
    }

    [Theory]
    [InlineData("passports renewals", 1)]
    [InlineData("policy", 6)]
    public void Search_PluralAndSingular_MatchEachOther(string query, int expectedId)
    {
        Assert.Equal([expectedId], Services.Search(query).Ids());
    }

    [Fact]
    public void Search_StopWords_AreIgnored()
    {
        Assert.Equal([1], Services.Search("How to renew my passport").Ids());
    }

    [Fact]
    public void Search_OnlyStopWords_MatchesThemLiterally()
    {
        var index = Index(Doc(1, "How to apply"), Doc(2, "Apply online"), Doc(3, "How it works"));

        Assert.Equal([1], index.Search("how to").Ids());
    }

    [Fact]
    public void Search_UnfinishedLastWord_MatchesAsPrefix()
    {
        Assert.Equal([1, 2], Services.Search("passp").Ids());
        Assert.Equal([1], Services.Search("passport renew").Ids());
    }

    [Fact]
    public void Search_PrefixMatch_RanksBelowExactMatch()
    {
        var index = Index(Doc(1, "Passport card"), Doc(2, "Pass card"));

        Assert.Equal([2, 1], index.Search("pass").Ids());
    }

    [Fact]
    public void Search_PrefixOnlyAppliesToLastWord()
    {
        Assert.Empty(Services.Search("passp renewal"));
    }

    [Fact]
    public void Search_PrefixShorterThanThreeLetters_DoesNotExpand()
    {
        Assert.Empty(Services.Search("pa"));
    }

    [Fact]
    public void Search_Apostrophe_IsPartOfWord()
    {
        var index = Index(Doc(1, "Driver's licence"), Doc(2, "Licence for drivers"));

        Assert.Equal([1, 2], index.Search("drivers licence").Ids());
    }
}
