using OneStop.Catalogue.Search;
using Xunit;
using static OneStop.Tests.Catalogue.Search.SearchTestData;

namespace OneStop.Tests.Catalogue.Search;

public class QueryEdgeCaseTests
{
    private static readonly SearchIndex Services = Index(
        Doc(1, "Passport renewal", "Renew an adult passport."),
        Doc(2, "申請護照", "護照"));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    [InlineData("?!.,;-")]
    [InlineData("。，、——")]
    [InlineData("🙂")]
    public void Search_BlankOrPunctuationOnlyQuery_ReturnsNothing(string query)
    {
        Assert.Empty(Services.Search(query));
    }

    [Fact]
    public void Search_UnknownWord_ReturnsNothing()
    {
        Assert.Empty(Services.Search("zebra"));
    }

    [Fact]
    public void Search_PunctuationAroundWords_IsIgnored()
    {
        Assert.Equal([1], Services.Search("  \"passport\"?! ").Ids());
    }

    [Fact]
    public void Search_VeryLongQuery_DoesNotThrow()
    {
        string query = string.Join(" ", Enumerable.Repeat("passport", 200)) + new string('x', 5000);

        Assert.Empty(Services.Search(query));
    }

    [Fact]
    public void Search_NegativeMaxResults_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Services.Search("passport", -1));
    }

    [Fact]
    public void Search_ZeroMaxResults_ReturnsNothing()
    {
        Assert.Empty(Services.Search("passport", 0));
    }

    [Fact]
    public void Build_NoDocuments_SearchesReturnNothing()
    {
        Assert.Empty(SearchIndex.Build([]).Search("passport"));
        Assert.Empty(SearchIndex.Empty.Search("護照"));
    }

    [Fact]
    public void Build_DuplicateIds_Throws()
    {
        Assert.Throws<ArgumentException>(() => Index(Doc(1, "A"), Doc(1, "B")));
    }

    [Fact]
    public void Build_EmptyFieldsAndLanguages_AreAllowed()
    {
        var index = SearchIndex.Build([new SearchDocument(7, ["Passport"], [], [])]);

        Assert.Equal([7], index.Search("passport").Ids());
        Assert.Equal(1, index.DocumentCount);
    }

    [Fact]
    public void Search_ConcurrentReaders_GetSameResultsAsSequential()
    {
        var documents = Enumerable.Range(1, 200)
            .Select(i => Trilingual(i, $"Service {i} passport renewal licence", "申請護照續期", "申请护照续期", body: [$"body {i % 7}", "", ""]))
            .ToArray();
        var index = SearchIndex.Build(documents);
        string[] queries = ["passport", "renewel licence", "護照", "续期", "body", "passp", "service 5"];
        var expected = queries.Select(q => index.Search(q).Ids()).ToArray();

        var mismatches = 0;
        Parallel.For(0, 400, i =>
        {
            int q = i % queries.Length;
            if (!index.Search(queries[q]).Ids().SequenceEqual(expected[q]))
            {
                System.Threading.Interlocked.Increment(ref mismatches);
            }
        });

        Assert.Equal(0, mismatches);
        Assert.Equal(200, expected[0].Length);
    }
}
