using OneStop.Documents;
using OneStop.Identity.Staff;
using OneStop.Tests.Office.Cases;

namespace OneStop.Tests.Office.Counters;

/// <summary>
/// The officers' desk: the day's list with the holders' names, looking a booking up by its code or its QR code's
/// address, checking in (on the day only) and handing over (once, however often pressed); other departments see nothing.
/// </summary>
public abstract class CounterDeskTests(Provider provider) : IAsyncLifetime
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

    [Fact]
    public async Task DayList_Today_TheDaysAppointmentsInTimeOrderWithTheHoldersNames()
    {
        var today = _app.Today();
        var (afternoon, afternoonDocument) = await _app.AppointmentAsync(today, new TimeOnly(14, 0));
        var (morning, morningDocument) = await _app.AppointmentAsync(today, new TimeOnly(9, 30));
        var (tomorrow, _) = await _app.AppointmentAsync(today.AddDays(1), new TimeOnly(9, 0));
        var (officer, _, _) = await _app.OfficerAsync(StaffRole.Officer, "TD");

        var page = await officer.PageAsync($"/office/counters/{CounterDeskSteps.TestCounter}/day");

        var rows = page.QuerySelectorAll("table[data-appointments] tbody tr");
        Assert.Equal([morning.Code, afternoon.Code], rows.Select(r => r.GetAttribute("data-appointment")));
        Assert.Equal(["09:30–10:00", "14:00–14:30"], rows.Select(r => r.QuerySelector("[data-time]")!.TextContent));
        Assert.Equal([await _app.HolderNameAsync(morningDocument), await _app.HolderNameAsync(afternoonDocument)],
            rows.Select(r => r.QuerySelector("[data-holder]")!.TextContent));
        Assert.All(rows, r => Assert.NotEmpty(r.QuerySelector("[data-holder]")!.TextContent));
        Assert.Contains(morningDocument.Number, rows[0].TextContent);
        Assert.Contains("Vehicle test licence", rows[0].TextContent);
        Assert.All(rows, r => Assert.NotNull(r.QuerySelector("button[data-check-in]")));
        var next = await officer.PageAsync($"/office/counters/{CounterDeskSteps.TestCounter}/day?date={today.AddDays(1):yyyy-MM-dd}");
        var later = Assert.Single(next.QuerySelectorAll("table[data-appointments] tbody tr"));
        Assert.Equal(tomorrow.Code, later.GetAttribute("data-appointment"));
        // Another day: hand-over yes, check-in no.
        Assert.Null(later.QuerySelector("button[data-check-in]"));
        Assert.NotNull(later.QuerySelector("button[data-collected]"));
    }

    [Fact]
    public async Task DayList_WrongDate_ErrorSummaryAndToday()
    {
        await _app.CounterAsync();
        var (officer, _, _) = await _app.OfficerAsync(StaffRole.Officer, "TD");

        var page = await officer.PageAsync($"/office/counters/{CounterDeskSteps.TestCounter}/day?date=27/11/2026");

        Assert.Equal(["Enter the day as YYYY-MM-DD, for example 2026-11-27"], page.ErrorSummary());
        Assert.Equal("27/11/2026", page.QuerySelector("#date")!.GetAttribute("value"));
    }

    [Theory]
    [InlineData("bare")]
    [InlineData("url")]
    public async Task LookUp_BareCodeOrScannedAddress_OpensTheAppointment(string form)
    {
        var (appointment, document) = await _app.AppointmentAsync(_app.Today(), new TimeOnly(10, 0));
        var (officer, _, _) = await _app.OfficerAsync(StaffRole.Officer, "TD");
        var typed = form == "bare" ? " " + appointment.Code.ToLowerInvariant() + " " : $"https://onestop.example/zh-hk/office/counters/check-in/{appointment.Code}";

        using var response = await officer.SubmitAsync("/office/counters/check-in", new Dictionary<string, string> { ["Code"] = typed });

        Assert.Equal($"/office/counters/check-in/{appointment.Code}", response.Location());
        var page = await officer.PageAsync(response.Location());
        Assert.Equal(await _app.HolderNameAsync(document), page.QuerySelector("[data-holder]")!.TextContent);
        Assert.Contains(document.Number, page.QuerySelector("[data-document]")!.TextContent);
        Assert.Equal("booked", page.QuerySelector("[data-state]")!.GetAttribute("data-state"));
    }

    [Fact]
    public async Task LookUp_UnknownCode_ErrorKeepsWhatWasTyped()
    {
        var (officer, _, _) = await _app.OfficerAsync(StaffRole.Officer, "TD");

        using var response = await officer.SubmitAsync("/office/counters/check-in", new Dictionary<string, string> { ["Code"] = "AP-NOSUCH00" });

        var page = await response.ReadPageAsync();
        Assert.Equal(["There is no booking AP-NOSUCH00 at your department's counters"], page.ErrorSummary());
        Assert.Equal("AP-NOSUCH00", page.QuerySelector("#Code")!.GetAttribute("value"));
    }

    [Fact]
    public async Task CheckIn_OnTheDay_CheckedInByTheOfficerAndAudited()
    {
        var (appointment, _) = await _app.AppointmentAsync(_app.Today(), new TimeOnly(10, 0));
        var (officer, officerId, _) = await _app.OfficerAsync(StaffRole.Officer, "TD");
        var url = $"/office/counters/check-in/{appointment.Code}";

        using var response = await officer.SubmitAsync(url, new Dictionary<string, string>(), "CheckIn");

        Assert.Equal(url, response.Location());
        var stored = await _app.AppointmentAsync(appointment.Code);
        Assert.Equal((AppointmentState.CheckedIn, officerId), (stored.State, stored.CheckedInBy));
        Assert.NotNull(stored.CheckedInAt);
        var audit = Assert.Single(await _app.AuditAsync(DocumentAuditEvents.AppointmentCheckedIn, appointment.Code));
        Assert.Equal((officerId, appointment.HolderId, "TD"), (audit.ActorId, audit.SubjectId, audit.DepartmentCode));
        var page = await officer.PageAsync(url);
        Assert.Equal("checkedIn", page.QuerySelector("[data-desk-banner]")!.GetAttribute("data-desk-banner"));
        Assert.Null(page.QuerySelector("button[data-check-in]"));
    }

    [Fact]
    public async Task CheckIn_AnotherDay_RefusedWithTheReason()
    {
        var (appointment, _) = await _app.AppointmentAsync(_app.Today().AddDays(2), new TimeOnly(10, 0));
        var (officer, _, _) = await _app.OfficerAsync(StaffRole.Officer, "TD");
        var url = $"/office/counters/check-in/{appointment.Code}";
        var page = await officer.PageAsync(url);
        Assert.NotNull(page.QuerySelector("[data-not-today]"));
        Assert.Null(page.QuerySelector("button[data-check-in]"));

        using var response = await officer.PostFormAsync(url + "?handler=CheckIn", await officer.TokenAsync(url));

        Assert.Equal(200, (int)response.StatusCode);
        var error = Assert.Single((await response.ReadPageAsync()).ErrorSummary());
        Assert.StartsWith($"Booking {appointment.Code} is on ", error);
        Assert.Equal(AppointmentState.Booked, (await _app.AppointmentAsync(appointment.Code)).State);
        Assert.Empty(await _app.AuditAsync(DocumentAuditEvents.AppointmentCheckedIn, appointment.Code));
    }

    [Fact]
    public async Task Collected_FromTheDayList_DeliveryRecordedAuditedAndBackToTheDay()
    {
        var today = _app.Today();
        var (appointment, document) = await _app.AppointmentAsync(today, new TimeOnly(11, 0));
        var (officer, officerId, _) = await _app.OfficerAsync(StaffRole.Officer, "TD");
        var day = $"/office/counters/{CounterDeskSteps.TestCounter}/day";
        var list = await officer.PageAsync(day);
        var form = list.QuerySelector($"tr[data-appointment='{appointment.Code}'] form:has(button[data-collected])")!;

        using var response = await officer.PostFormAsync(System.Net.WebUtility.HtmlDecode(form.GetAttribute("action")!), await officer.TokenAsync(day));

        Assert.Equal($"{day}?date={today:yyyy-MM-dd}", response.Location());
        var stored = await _app.AppointmentAsync(appointment.Code);
        Assert.Equal(AppointmentState.Collected, stored.State);
        Assert.Equal(stored.CollectedAt, (await _app.DeliveryAsync(document.Id)).CollectedAt);
        Assert.NotNull(stored.CollectedAt);
        var audit = Assert.Single(await _app.AuditAsync(DocumentAuditEvents.Collected, $"{document.Number} v{document.Version}"));
        Assert.Equal((officerId, document.HolderId, "TD"), (audit.ActorId, audit.SubjectId, audit.DepartmentCode));
        var after = await officer.PageAsync(response.Location());
        Assert.Equal("collected", after.QuerySelector("[data-desk-banner]")!.GetAttribute("data-desk-banner"));
        Assert.Equal("collected", after.QuerySelector($"tr[data-appointment='{appointment.Code}']")!.GetAttribute("data-state"));
    }

    [Fact]
    public async Task Collected_PressedTwiceAndTwiceAtOnce_RecordedOnce()
    {
        var (appointment, document) = await _app.AppointmentAsync(_app.Today(), new TimeOnly(11, 0));
        var (officer, _, _) = await _app.OfficerAsync(StaffRole.Officer, "TD");
        var url = $"/office/counters/check-in/{appointment.Code}";
        var token = await officer.TokenAsync(url);

        var atOnce = await Task.WhenAll(officer.PostFormAsync(url + "?handler=Collected", token), officer.PostFormAsync(url + "?handler=Collected", token));
        using var again = await officer.PostFormAsync(url + "?handler=Collected", token);

        Assert.All(atOnce.Append(again), r => Assert.Equal(url, r.Location()));
        Assert.Single(await _app.AuditAsync(DocumentAuditEvents.Collected, $"{document.Number} v{document.Version}"));
        Assert.Equal("alreadyCollected", (await officer.PageAsync(url)).QuerySelector("[data-desk-banner]")!.GetAttribute("data-desk-banner"));
        foreach (var r in atOnce) r.Dispose();
    }

    [Fact]
    public async Task Desk_AnotherDepartmentsOfficer_NotFound()
    {
        var (appointment, _) = await _app.AppointmentAsync(_app.Today(), new TimeOnly(10, 0));
        var (fehd, _, _) = await _app.OfficerAsync(StaffRole.Officer, "FEHD");
        var url = $"/office/counters/check-in/{appointment.Code}";
        var token = await fehd.TokenAsync("/office/counters/check-in");

        using var page = await fehd.GetAsync(url, Cancel);
        using var checkIn = await fehd.PostFormAsync(url + "?handler=CheckIn", token);
        using var collected = await fehd.PostFormAsync(url + "?handler=Collected", token);
        using var day = await fehd.GetAsync($"/office/counters/{CounterDeskSteps.TestCounter}/day", Cancel);
        using var lookUp = await fehd.SubmitAsync("/office/counters/check-in", new Dictionary<string, string> { ["Code"] = appointment.Code });

        Assert.Equal([404, 404, 404, 404], new[] { page, checkIn, collected, day }.Select(r => (int)r.StatusCode));
        Assert.Equal([$"There is no booking {appointment.Code} at your department's counters"], (await lookUp.ReadPageAsync()).ErrorSummary());
        Assert.Equal(AppointmentState.Booked, (await _app.AppointmentAsync(appointment.Code)).State);
    }
}

public sealed class CounterDeskSqliteTests() : CounterDeskTests(Provider.Sqlite);

public sealed class CounterDeskPostgresTests() : CounterDeskTests(Provider.Postgres);
