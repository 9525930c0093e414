using Microsoft.EntityFrameworkCore;
using OneStop.Documents;
using OneStop.Identity.Staff;
using OneStop.Tests.Office.Cases;

namespace OneStop.Tests.Office.Counters;

/// <summary>Department administrators add and change their counters; every change is audited; another department's counter is not found.</summary>
public abstract class CounterAdminTests(Provider provider) : IAsyncLifetime
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private OneStopApp _app = null!;

    public ValueTask InitializeAsync()
    {
        if (provider == Provider.Postgres) PostgresServer.SkipIfUnavailable();
        _app = new OneStopApp(provider);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static Dictionary<string, string> Valid(string code) => new()
    {
        ["Code"] = code,
        ["NameEn"] = "Sha Tin Licensing Office", ["NameZhHk"] = "沙田牌照事務處", ["NameZhCn"] = "沙田牌照事务处",
        ["AddressEn"] = "1 Sheung Wo Che Road, Sha Tin", ["AddressZhHk"] = "沙田上禾輋路1號", ["AddressZhCn"] = "沙田上禾輋路1号",
        ["hours-mon-1"] = "09:00-13:00", ["hours-mon-2"] = "14:00–17:00", ["hours-sat-1"] = " 09:00-12:00 ",
        ["SlotMinutes"] = "20", ["SlotCapacity"] = "5", ["Active"] = "true",
    };

    [Fact]
    public async Task NewCounter_Valid_SavedWithItsHoursAndAudited()
    {
        var (admin, adminId, _) = await _app.OfficerAsync(StaffRole.DepartmentAdmin, "TD");

        using var response = await admin.SubmitAsync("/office/counters/new", Valid("td-sha-tin"));

        Assert.Equal("/office/counters", response.Location());
        var counter = await _app.QueryAsync(db => db.Set<Counter>().AsNoTracking().SingleAsync(c => c.Code == "td-sha-tin", Cancel));
        Assert.Equal(("TD", "沙田牌照事務處", 20, 5, true), (counter.DepartmentCode, counter.Name.ZhHk, counter.SlotMinutes, counter.SlotCapacity, counter.Active));
        Assert.Equal("""{"mon":["09:00-13:00","14:00-17:00"],"sat":["09:00-12:00"]}""", counter.OpeningHours);
        var audit = Assert.Single(await _app.AuditAsync(DocumentAuditEvents.CounterChanged, "td-sha-tin"));
        Assert.Equal((adminId, "TD"), (audit.ActorId, audit.DepartmentCode));
        var list = await admin.PageAsync("/office/counters");
        Assert.NotNull(list.QuerySelector("tr[data-counter='td-sha-tin']"));
    }

    [Fact]
    public async Task NewCounter_WrongFields_ErrorSummaryKeepsWhatWasTypedAndSavesNothing()
    {
        var (admin, _, _) = await _app.OfficerAsync(StaffRole.DepartmentAdmin, "TD");
        var fields = Valid("Bad Code!");
        fields["NameZhCn"] = "";
        fields["hours-mon-2"] = "12:00-17:00";
        fields["hours-tue-1"] = "9am-1pm";
        fields["SlotMinutes"] = "5";
        fields["SlotCapacity"] = "51";

        using var response = await admin.SubmitAsync("/office/counters/new", fields);

        var page = await response.ReadPageAsync();
        Assert.Equal(200, (int)response.StatusCode);
        Assert.StartsWith("Error: ", page.Title);
        Assert.Equal(
        [
            "Enter a counter code of 3 to 60 lower-case letters, digits and hyphens, such as td-kowloon-bay",
            "Enter the name in Simplified Chinese",
            "Monday: the second period must start after the first one ends",
            "Tuesday, First period: enter the times as HH:mm-HH:mm, such as 09:00-13:00, ending after they start",
            "Enter the length of a slot as a whole number of minutes from 10 to 120",
            "Enter the places in a slot as a whole number from 1 to 50",
        ], page.ErrorSummary());
        Assert.Equal("Bad Code!", page.QuerySelector("#Code")!.GetAttribute("value"));
        Assert.Equal("Sha Tin Licensing Office", page.QuerySelector("#NameEn")!.GetAttribute("value"));
        Assert.Equal("9am-1pm", page.QuerySelector("#hours-tue-1")!.GetAttribute("value"));
        Assert.Equal("12:00-17:00", page.QuerySelector("#hours-mon-2")!.GetAttribute("value"));
        Assert.Equal("51", page.QuerySelector("#SlotCapacity")!.GetAttribute("value"));
        Assert.False(await _app.QueryAsync(db => db.Set<Counter>().AnyAsync(c => c.DepartmentCode == "TD" && c.SlotCapacity == 51, Cancel)));
    }

    [Fact]
    public async Task NewCounter_CodeTakenOrReserved_ErrorOnTheCode()
    {
        await _app.CounterAsync("fehd-taken", "FEHD");
        var (admin, _, _) = await _app.OfficerAsync(StaffRole.DepartmentAdmin, "TD");

        using var taken = await admin.SubmitAsync("/office/counters/new", Valid("fehd-taken"));
        using var reserved = await admin.SubmitAsync("/office/counters/new", Valid("check-in"));

        Assert.Equal(["A counter with this code already exists: choose another code"], (await taken.ReadPageAsync()).ErrorSummary());
        Assert.Equal(["Enter a counter code of 3 to 60 lower-case letters, digits and hyphens, such as td-kowloon-bay"], (await reserved.ReadPageAsync()).ErrorSummary());
    }

    [Fact]
    public async Task EditCounter_NewCapacityAndClosed_SavedWhileBookedSlotsKeepTheirPlaces()
    {
        var counter = await _app.CounterAsync();
        var slotStart = new DateTime(2099, 3, 2, 1, 0, 0, DateTimeKind.Utc);
        await _app.QueryAsync(db =>
        {
            db.Add(new CounterSlot { CounterCode = counter.Code, Start = slotStart, Capacity = 4, Booked = 3 });
            return db.SaveChangesAsync(Cancel);
        });
        var (admin, _, _) = await _app.OfficerAsync(StaffRole.DepartmentAdmin, "TD");
        var page = await admin.PageAsync($"/office/counters/{counter.Code}/edit");
        Assert.Equal("09:00-13:00", page.QuerySelector("#hours-mon-1")!.GetAttribute("value"));
        Assert.Equal("4", page.QuerySelector("#SlotCapacity")!.GetAttribute("value"));
        var fields = Valid("ignored");
        fields.Remove("Code");
        fields.Remove("Active");
        fields["SlotCapacity"] = "2";

        using var response = await admin.SubmitAsync(page, $"/office/counters/{counter.Code}/edit", fields);

        Assert.Equal("/office/counters", response.Location());
        var changed = await _app.QueryAsync(db => db.Set<Counter>().AsNoTracking().SingleAsync(c => c.Code == counter.Code, Cancel));
        Assert.Equal((2, false, "Sha Tin Licensing Office"), (changed.SlotCapacity, changed.Active, changed.Name.En));
        var slot = await _app.QueryAsync(db => db.Set<CounterSlot>().AsNoTracking().SingleAsync(s => s.CounterCode == counter.Code && s.Start == slotStart, Cancel));
        Assert.Equal((4, 3), (slot.Capacity, slot.Booked));
        Assert.Contains("active=no", Assert.Single(await _app.AuditAsync(DocumentAuditEvents.CounterChanged, counter.Code)).Detail);
    }

    [Fact]
    public async Task EditCounter_WrongHours_ErrorSummaryKeepsInputAndChangesNothing()
    {
        var counter = await _app.CounterAsync();
        var (admin, _, _) = await _app.OfficerAsync(StaffRole.DepartmentAdmin, "TD");
        var fields = Valid("ignored");
        fields["hours-fri-2"] = "17:00-16:00";

        using var response = await admin.SubmitAsync($"/office/counters/{counter.Code}/edit", fields);

        var page = await response.ReadPageAsync();
        Assert.Equal(["Friday, Second period: enter the times as HH:mm-HH:mm, such as 09:00-13:00, ending after they start"], page.ErrorSummary());
        Assert.Equal("17:00-16:00", page.QuerySelector("#hours-fri-2")!.GetAttribute("value"));
        var unchanged = await _app.QueryAsync(db => db.Set<Counter>().AsNoTracking().SingleAsync(c => c.Code == counter.Code, Cancel));
        Assert.Equal(CounterDeskSteps.OfficeHours, unchanged.OpeningHours);
        Assert.Empty(await _app.AuditAsync(DocumentAuditEvents.CounterChanged, counter.Code));
    }

    [Fact]
    public async Task EditCounter_AnotherDepartmentsAdmin_NotFoundAndNotListed()
    {
        var counter = await _app.CounterAsync();
        var (fehd, _, _) = await _app.OfficerAsync(StaffRole.DepartmentAdmin, "FEHD");
        var token = await fehd.TokenAsync("/office/counters/new");

        using var get = await fehd.GetAsync($"/office/counters/{counter.Code}/edit", Cancel);
        using var post = await fehd.PostFormAsync($"/office/counters/{counter.Code}/edit", token, Valid("ignored").Select(f => (f.Key, f.Value)).ToArray());

        Assert.Equal((404, 404), ((int)get.StatusCode, (int)post.StatusCode));
        Assert.Null((await fehd.PageAsync("/office/counters")).QuerySelector($"tr[data-counter='{counter.Code}']"));
        Assert.Empty(await _app.AuditAsync(DocumentAuditEvents.CounterChanged, counter.Code));
    }
}

public sealed class CounterAdminSqliteTests() : CounterAdminTests(Provider.Sqlite);

public sealed class CounterAdminPostgresTests() : CounterAdminTests(Provider.Postgres);
