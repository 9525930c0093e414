using OneStop.Cases.Calendar;

namespace OneStop.Tests.Cases.Engine;

/// <summary>Pledge arithmetic on the seeded Hong Kong calendar: weekends, Lunar New Year, Easter, and Hong Kong midnight.</summary>
public sealed class WorkingDaysTests
{
    private static readonly WorkingDays Calendar = new(HongKongHolidays.All(DateTime.UtcNow).Select(h => h.Date).ToHashSet());

    private static DateOnly D(string s) => DateOnly.ParseExact(s, "yyyy-MM-dd");

    [Theory]
    // Friday + 1 skips the weekend.
    [InlineData("2026-11-27", 1, "2026-11-30")]
    // Ten working days from a Friday: two full weeks.
    [InlineData("2026-11-27", 10, "2026-12-11")]
    // Lunar New Year 2026 (17–19 Feb) and the weekend before it.
    [InlineData("2026-02-13", 1, "2026-02-16")]
    [InlineData("2026-02-16", 1, "2026-02-20")]
    [InlineData("2026-02-16", 2, "2026-02-23")]
    // Easter 2026: Good Friday 3 Apr, Saturday, Sunday (Ching Ming), the day after Ching Ming 6 Apr, the day after Easter Monday 7 Apr.
    [InlineData("2026-04-02", 1, "2026-04-08")]
    // Christmas 2026 (Friday) and the day after on a Saturday; New Year's Day a Friday.
    [InlineData("2026-12-24", 1, "2026-12-28")]
    [InlineData("2026-12-31", 1, "2027-01-04")]
    // Zero days: the day itself is not counted, so nothing moves.
    [InlineData("2026-11-27", 0, "2026-11-27")]
    public void Add_AcrossWeekendsAndHolidays_LandsOnTheNthWorkingDay(string start, int days, string expected)
    {
        Assert.Equal(D(expected), Calendar.Add(D(start), days));
    }

    [Theory]
    [InlineData("2026-11-27", "2026-11-30", 1)]
    [InlineData("2026-11-28", "2026-11-29", 0)]
    [InlineData("2026-02-13", "2026-02-20", 2)]
    [InlineData("2026-11-30", "2026-11-30", 0)]
    public void Between_TwoDays_CountsTheWorkingDaysAfterTheFirst(string from, string to, int expected)
    {
        Assert.Equal(expected, Calendar.Between(D(from), D(to)));
    }

    [Fact]
    public void IsWorkingDay_HolidayWeekendAndWeekday_AnswersEach()
    {
        Assert.False(Calendar.IsWorkingDay(D("2026-10-01")));
        Assert.False(Calendar.IsWorkingDay(D("2026-11-28")));
        Assert.True(Calendar.IsWorkingDay(D("2026-11-27")));
    }

    [Fact]
    public void DueAt_LateEveningInHongKong_CountsFromTheHongKongDate()
    {
        // 23:30 on Thursday 26 Nov in Hong Kong is 15:30 UTC the same day; one working day later is Friday,
        // and the target runs out at midnight Hong Kong time, 16:00 UTC on Friday.
        var received = new DateTime(2026, 11, 26, 15, 30, 0, DateTimeKind.Utc);

        var due = Calendar.DueAt(received, 1);

        Assert.Equal(new DateTime(2026, 11, 27, 16, 0, 0, DateTimeKind.Utc), due);
        Assert.Equal(D("2026-11-27"), WorkingDays.LastDay(due));
    }

    [Fact]
    public void DueAt_JustAfterHongKongMidnight_CountsFromTheNextDay()
    {
        // 00:30 on Friday 27 Nov in Hong Kong is still Thursday in UTC.
        var received = new DateTime(2026, 11, 26, 16, 30, 0, DateTimeKind.Utc);

        Assert.Equal(D("2026-11-30"), WorkingDays.LastDay(Calendar.DueAt(received, 1)));
    }

    [Fact]
    public void HongKongHolidays_EveryYear_HasBetweenTwelveAndEighteenWeekdayOrWeekendHolidays()
    {
        var byYear = HongKongHolidays.All(DateTime.UtcNow).GroupBy(h => h.Date.Year).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal([2025, 2026, 2027], byYear.Keys.Order());
        Assert.All(byYear.Values, count => Assert.InRange(count, 12, 18));
    }
}
