using OneStop.Documents.Counters;

namespace OneStop.Tests.Documents.Appointments;

/// <summary>Which slots a counter offers: its weekly hours cut into slots, none on closed days or public holidays, bookable only ahead and within the horizon.</summary>
public sealed class SlotRulesTests
{
    private const string OfficeHours = """{"mon":["09:00-13:00","14:00-17:00"],"sat":["09:00-10:10"]}""";
    private static readonly DateOnly Monday = new(2026, 3, 2);
    private static readonly DateOnly Saturday = new(2026, 3, 7);
    private static readonly DateOnly Sunday = new(2026, 3, 8);
    private static readonly IReadOnlySet<DateOnly> NoHolidays = new HashSet<DateOnly>();

    private static OpeningHours Hours(string json = OfficeHours)
    {
        var hours = OpeningHours.Parse(json, out var problem);
        Assert.True(hours is not null, problem);
        return hours;
    }

    [Fact]
    public void SlotsOn_OpenDay_EachPeriodCutIntoSlotsWithTheLunchBreakLeftOut()
    {
        var slots = SlotRules.SlotsOn(Monday, Hours(), 30, NoHolidays);

        Assert.Equal(8 + 6, slots.Count);
        Assert.Equal(new TimeOnly(9, 0), slots[0].LocalStart);
        Assert.Equal(new TimeOnly(12, 30), slots[7].LocalStart);
        Assert.Equal(new TimeOnly(13, 0), slots[7].LocalEnd);
        Assert.Equal(new TimeOnly(14, 0), slots[8].LocalStart);
        Assert.Equal(new TimeOnly(17, 0), slots[^1].LocalEnd);
    }

    [Fact]
    public void SlotsOn_HongKongNine_IsOneInTheMorningUtc()
    {
        var first = SlotRules.SlotsOn(Monday, Hours(), 30, NoHolidays)[0];

        Assert.Equal(new DateTime(2026, 3, 2, 1, 0, 0, DateTimeKind.Utc), first.StartUtc);
        Assert.Equal(DateTimeKind.Utc, first.StartUtc.Kind);
    }

    [Fact]
    public void SlotsOn_LastPieceShorterThanASlot_NotOffered()
    {
        var slots = SlotRules.SlotsOn(Saturday, Hours(), 30, NoHolidays);

        // 09:00-10:10 gives 09:00 and 09:30; 10:00-10:10 is too short.
        Assert.Equal([new TimeOnly(9, 0), new TimeOnly(9, 30)], slots.Select(s => s.LocalStart));
    }

    [Fact]
    public void SlotsOn_DayLeftOutOfTheHours_Closed()
    {
        Assert.Empty(SlotRules.SlotsOn(Sunday, Hours(), 30, NoHolidays));
    }

    [Fact]
    public void SlotsOn_PublicHoliday_Closed()
    {
        Assert.Empty(SlotRules.SlotsOn(Monday, Hours(), 30, new HashSet<DateOnly> { Monday }));
        Assert.NotEmpty(SlotRules.SlotsOn(Monday, Hours(), 30, new HashSet<DateOnly> { Monday.AddDays(1) }));
    }

    [Fact]
    public void SlotsOn_SlotLengthNotPositive_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SlotRules.SlotsOn(Monday, Hours(), 0, NoHolidays));
    }

    [Fact]
    public void Bookable_SlotStartedOrPast_NotBookable()
    {
        var slot = SlotRules.SlotsOn(Monday, Hours(), 30, NoHolidays)[0];

        Assert.False(SlotRules.Bookable(slot, slot.StartUtc, 30));
        Assert.False(SlotRules.Bookable(slot, slot.StartUtc.AddMinutes(10), 30));
        Assert.True(SlotRules.Bookable(slot, slot.StartUtc.AddMinutes(-1), 30));
    }

    [Fact]
    public void Bookable_HorizonCountsHongKongDays()
    {
        var slot = SlotRules.SlotsOn(Monday, Hours(), 30, NoHolidays)[^1];
        // 23:30 in Hong Kong (15:30 UTC) 30 days before: the slot is 30 Hong Kong days ahead, the last bookable day; a day earlier it is 31.
        var thirtyDaysBefore = SlotRules.ToUtc(Monday.AddDays(-30), new TimeOnly(23, 30));
        var thirtyOneDaysBefore = SlotRules.ToUtc(Monday.AddDays(-31), new TimeOnly(23, 30));

        Assert.True(SlotRules.Bookable(slot, thirtyDaysBefore, 30));
        Assert.False(SlotRules.Bookable(slot, thirtyOneDaysBefore, 30));
    }

    [Fact]
    public void ToHongKong_ToUtc_RoundTrip()
    {
        var utc = SlotRules.ToUtc(Monday, new TimeOnly(9, 30));

        Assert.Equal(new DateTime(2026, 3, 2, 9, 30, 0), SlotRules.ToHongKong(utc));
    }
}

/// <summary>Reading a counter's weekly hours.</summary>
public sealed class OpeningHoursTests
{
    [Fact]
    public void Parse_WeekdaysWithPeriods_ReadsEachDay()
    {
        var hours = OpeningHours.Parse("""{"mon":["09:00-13:00","14:00-17:00"],"sun":["10:00-12:00"]}""", out var problem);

        Assert.Null(problem);
        Assert.Equal([new OpenPeriod(new(9, 0), new(13, 0)), new OpenPeriod(new(14, 0), new(17, 0))], hours!.On(DayOfWeek.Monday));
        Assert.Equal([new OpenPeriod(new(10, 0), new(12, 0))], hours.On(DayOfWeek.Sunday));
        Assert.Empty(hours.On(DayOfWeek.Tuesday));
    }

    [Fact]
    public void ToJson_Parsed_WritesTheSameHours()
    {
        const string json = """{"mon":["09:00-13:00","14:00-17:00"],"sat":["09:00-12:00"]}""";

        Assert.Equal(json, OpeningHours.Parse(json, out _)!.ToJson());
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("""{"monday":["09:00-13:00"]}""", "is not a day")]
    [InlineData("""{"mon":["9-1"]}""", "is not a period")]
    [InlineData("""{"mon":["13:00-09:00"]}""", "is not a period")]
    [InlineData("""{"mon":["24:00-25:00"]}""", "is not a period")]
    [InlineData("""{"mon":["09:00-13:00","12:00-17:00"]}""", "in order and not overlap")]
    [InlineData("""{"mon":["14:00-17:00","09:00-13:00"]}""", "in order and not overlap")]
    public void Parse_Nonsense_NullWithTheProblem(string json, string problem)
    {
        var hours = OpeningHours.Parse(json, out var found);

        Assert.Null(hours);
        Assert.Contains(problem, found);
    }

    [Fact]
    public void DayKeys_MapToWeekdaysBothWays()
    {
        foreach (var key in OpeningHours.DayKeys) Assert.Equal(key, OpeningHours.KeyOf(OpeningHours.DayOf(key)));
        Assert.Equal(DayOfWeek.Sunday, OpeningHours.DayOf("sun"));
        Assert.Equal("mon", OpeningHours.KeyOf(DayOfWeek.Monday));
    }
}
