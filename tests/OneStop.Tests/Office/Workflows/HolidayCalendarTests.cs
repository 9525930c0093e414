using Microsoft.EntityFrameworkCore;
using OneStop.Cases.Calendar;
using OneStop.Identity.Staff;
using OneStop.Tests.Cases;
using static OneStop.Tests.Forms.Editor.EditorSteps;

namespace OneStop.Tests.Office.Workflows;

/// <summary>The Hong Kong holiday calendar: seen by all staff, kept by platform administrators, counted by new targets.</summary>
public abstract class HolidayCalendarTests(Provider provider) : IAsyncLifetime
{
    private OneStopApp _app = null!;
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    // Monday 1 November 2027, 10:00 in Hong Kong: no general holiday until Christmas.
    private static readonly DateTimeOffset Monday = new(2027, 11, 1, 2, 0, 0, TimeSpan.Zero);

    public ValueTask InitializeAsync()
    {
        if (provider == Provider.Postgres) PostgresServer.SkipIfUnavailable();
        _app = new OneStopApp(provider) { ClockStart = Monday };
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }

    private Task<List<PublicHoliday>> HolidaysAsync(int year) =>
        _app.QueryAsync(db => db.Set<PublicHoliday>().AsNoTracking().Where(h => h.Date >= new DateOnly(year, 1, 1) && h.Date <= new DateOnly(year, 12, 31)).OrderBy(h => h.Date).ToListAsync(Cancel));

    private static (string, string?)[] Date(int day, int month, int year) =>
        [("DateDay", day.ToString()), ("DateMonth", month.ToString()), ("DateYear", year.ToString())];

    [Fact]
    public async Task AddHoliday_ByPlatformAdmin_CasesOpenedAfterwardsAreDueLaterAndEarlierOnesKeepTheirDate()
    {
        var (admin, _) = await _app.SignedInStaffAsync(StaffRole.PlatformAdmin, null);
        var before = await _app.NewCaseAsync(null);

        using (var added = await admin.EditAsync("/office/holidays/add", changes: [.. Date(5, 11, 2027), .. Words("Name", "Typhoon recovery day")]))
            Assert.Equal("/office/holidays?year=2027", added.Location());
        var after = await _app.NewCaseAsync(null);

        Assert.Equal(new DateOnly(2027, 11, 15), WorkingDays.LastDay(before.CaseDueAt));
        Assert.Equal(new DateOnly(2027, 11, 16), WorkingDays.LastDay(after.CaseDueAt));
        Assert.Equal(before.CaseDueAt, (await _app.CaseAsync(before.Reference)).CaseDueAt);
        var holiday = (await HolidaysAsync(2027)).Single(h => h.Date == new DateOnly(2027, 11, 5));
        Assert.Equal(("Typhoon recovery day", "Typhoon recovery day（繁）"), (holiday.Name.En, holiday.Name.ZhHk));
        Assert.True(await _app.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Event == "cases.holiday-added" && a.TargetId == "2027-11-05", Cancel)));
        var (_, page) = await admin.GetPageAsync("/office/holidays?year=2027");
        Assert.NotNull(page.QuerySelector("[data-date='2027-11-05']"));
    }

    [Fact]
    public async Task Holidays_Officer_SeesTheYearButCannotChangeIt()
    {
        var (officer, _) = await _app.SignedInStaffAsync(StaffRole.Officer, "TD");

        var (status, page) = await officer.GetPageAsync("/office/holidays?year=2026");
        using var add = await officer.GetAsync("/office/holidays/add", Cancel);
        using var change = await officer.PostFormAsync("/office/holidays/2026-12-25", await officer.TokenAsync(),
            [("DateDay", "28"), ("DateMonth", "12"), ("DateYear", "2026"), ("NameEn", "X"), ("NameZhHk", "X"), ("NameZhCn", "X")]);

        Assert.Equal(200, status);
        Assert.Equal((await HolidaysAsync(2026)).Count, page.QuerySelectorAll("#holidays tbody tr").Length);
        Assert.Contains("2026", page.QuerySelector("h1")!.TextContent);
        Assert.Null(page.QuerySelector("a[href*='/office/holidays/add'], a[href*='/office/holidays/2026-']"));
        Assert.Equal(("forbidden", "forbidden"), (add.Outcome(), change.Outcome()));
        Assert.Contains(await HolidaysAsync(2026), h => h.Date == new DateOnly(2026, 12, 25));
    }

    [Theory]
    [InlineData(25, 12, 2026, "Christmas again")]
    [InlineData(31, 2, 2027, "Not a day")]
    [InlineData(1, 12, 2027, "")]
    public async Task AddHoliday_TakenOrImpossibleDateOrMissingName_IsRefusedKeepingWhatWasTyped(int day, int month, int year, string name)
    {
        var (admin, _) = await _app.SignedInStaffAsync(StaffRole.PlatformAdmin, null);
        var count = (await HolidaysAsync(year)).Count;

        using var response = await admin.EditAsync("/office/holidays/add", changes: [.. Date(day, month, year), ("NameEn", name), ("NameZhHk", "假期"), ("NameZhCn", "假期")]);
        var page = await response.ReadPageAsync();

        Assert.Equal(200, (int)response.StatusCode);
        Assert.NotNull(page.QuerySelector(name.Length == 0 ? ".govuk-error-summary a[href='#NameEn']" : ".govuk-error-summary a[href='#Date']"));
        Assert.Equal(day.ToString(), page.QuerySelector("#DateDay")!.GetAttribute("value"));
        Assert.Equal("假期", page.QuerySelector("#NameZhHk")!.GetAttribute("value"));
        Assert.Equal(count, (await HolidaysAsync(year)).Count);
    }

    [Fact]
    public async Task ChangeAndRemove_ByPlatformAdmin_MoveTheDayAndTakeItAway()
    {
        var (admin, _) = await _app.SignedInStaffAsync(StaffRole.PlatformAdmin, null);

        using (var moved = await admin.EditAsync("/office/holidays/2027-12-27", changes: Date(28, 12, 2027)))
            Assert.Equal("/office/holidays?year=2027", moved.Location());
        using (var taken = await admin.EditAsync("/office/holidays/2027-12-28", changes: Date(25, 12, 2027)))
            Assert.Equal(200, (int)taken.StatusCode);
        using (var removed = await admin.EditAsync("/office/holidays/2027-12-28", handler: "Delete"))
            Assert.Equal("/office/holidays?year=2027", removed.Location());

        var december = (await HolidaysAsync(2027)).Where(h => h.Date.Month == 12).Select(h => h.Date.Day);
        Assert.Equal([25], december);
        var events = await _app.QueryAsync(db => db.AuditEntries.Where(a => a.TargetType == "holiday").OrderBy(a => a.Id).Select(a => a.Event + " " + a.TargetId).ToListAsync(Cancel));
        Assert.Equal(["cases.holiday-changed 2027-12-28", "cases.holiday-removed 2027-12-28"], events);
    }
}

public sealed class HolidayCalendarSqliteTests() : HolidayCalendarTests(Provider.Sqlite);

public sealed class HolidayCalendarPostgresTests() : HolidayCalendarTests(Provider.Postgres);
