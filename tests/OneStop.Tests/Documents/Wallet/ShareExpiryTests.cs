using OneStop.Documents.Wallet;

namespace OneStop.Tests.Documents.Wallet;

/// <summary>How long a share link lives: a number of days offered, or to the end of a typed day in Hong Kong, never past the longest life.</summary>
public sealed class ShareExpiryTests
{
    /// <summary>10:00 in Hong Kong on 15 March 2026.</summary>
    private static readonly DateTimeOffset Now = new(2026, 3, 15, 2, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Max = TimeSpan.FromDays(90);

    [Fact]
    public void Offered_ShortLongestLife_OnlyTheDaysWithinIt()
    {
        Assert.Equal([1, 7, 30], ShareExpiry.Offered(Max));
        Assert.Equal([1, 7], ShareExpiry.Offered(TimeSpan.FromDays(10)));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("7")]
    [InlineData("30")]
    public void Read_Days_ThatLongFromNow(string days)
    {
        var choice = ShareExpiry.Read(days, null, null, null, Now, Max);

        Assert.Equal(Now.UtcDateTime.AddDays(int.Parse(days)), choice.ExpiresAt);
        Assert.Null(choice.ErrorKey);
    }

    [Fact]
    public void Read_Today_EndsAtMidnightHongKongTime()
    {
        var choice = ShareExpiry.Read("date", "15", "3", "2026", Now, Max);

        Assert.Equal(new DateTime(2026, 3, 15, 16, 0, 0, DateTimeKind.Utc), choice.ExpiresAt);
    }

    [Fact]
    public void Read_LastDayAllowed_CappedAtTheLongestLife()
    {
        var last = ShareExpiry.LastDay(Now, Max);

        var choice = ShareExpiry.Read("date", last.Day.ToString(), last.Month.ToString(), last.Year.ToString(), Now, Max);

        Assert.Equal(new DateOnly(2026, 6, 13), last);
        Assert.Equal((Now + Max).UtcDateTime, choice.ExpiresAt);
    }

    [Theory]
    [InlineData(null, "", "", "", "Expiry", "documents.wallet.share.error.choose")]
    [InlineData("90", "", "", "", "Expiry", "documents.wallet.share.error.choose")]
    [InlineData("-1", "", "", "", "Expiry", "documents.wallet.share.error.choose")]
    [InlineData("date", " ", "", "", "Until", "documents.wallet.share.error.dateMissing")]
    [InlineData("date", "30", "2", "2026", "Until", "documents.wallet.share.error.dateReal")]
    [InlineData("date", "1", "13", "2026", "Until", "documents.wallet.share.error.dateReal")]
    [InlineData("date", "x", "4", "2026", "Until", "documents.wallet.share.error.dateReal")]
    [InlineData("date", "1", "4", "26", "Until", "documents.wallet.share.error.dateReal")]
    [InlineData("date", "14", "3", "2026", "Until", "documents.wallet.share.error.datePast")]
    [InlineData("date", "14", "6", "2026", "Until", "documents.wallet.share.error.dateTooLate")]
    public void Read_BadChoice_TheFieldAndTheProblem(string? expiry, string day, string month, string year, string field, string error)
    {
        var choice = ShareExpiry.Read(expiry, day, month, year, Now, Max);

        Assert.Null(choice.ExpiresAt);
        Assert.Equal((field, error), (choice.Field, choice.ErrorKey));
    }

    [Fact]
    public void Read_TooLate_NamesTheLastDay()
    {
        Assert.Equal(new DateOnly(2026, 6, 13), ShareExpiry.Read("date", "1", "1", "2027", Now, Max).LastDay);
    }

    [Fact]
    public void Token_ThirtyTwoRandomBytes_Base64UrlAndOnlyItsHashKept()
    {
        var token = DocumentShares.NewToken();

        Assert.Matches("^[A-Za-z0-9_-]{43}$", token);
        Assert.NotEqual(token, DocumentShares.NewToken());
        Assert.Matches("^[0-9a-f]{64}$", DocumentShares.HashOf(token));
    }
}
