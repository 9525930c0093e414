using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Cases.Calendar;
using OneStop.Documents;
using OneStop.Documents.Appointments;
using OneStop.Documents.Counters;
using OneStop.Documents.Pickup;
using OneStop.Notifications;
using OneStop.Notifications.Templates;
using OneStop.Platform.Localisation;
using OneStop.Tests.Identity;
using OneStop.Tests.Office;

namespace OneStop.Tests.Documents.Appointments;

/// <summary>Booking, moving and cancelling counter appointments through the pages; a full slot refused; never more in a slot than its capacity.</summary>
public abstract class BookingTests(Provider provider) : IAsyncLifetime
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private static readonly TimeOnly Ten = new(10, 0);
    private static readonly TimeOnly Eleven = new(11, 0);
    private OneStopApp _app = null!;

    public ValueTask InitializeAsync()
    {
        if (provider == Provider.Postgres) PostgresServer.SkipIfUnavailable();
        _app = new OneStopApp(provider);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task<(HttpClient Client, IssuedDocument Document)> HolderAtCounterAsync(string language = "en")
    {
        await _app.TestCounterAsync();
        var (client, _, _, document) = await _app.IssuedDocumentAsync(language);
        await client.ChooseCounterAsync(document.Id);
        return (client, document);
    }

    [Fact]
    public async Task Book_FreeTime_AppointmentSeatAuditAndConfirmationTogether()
    {
        var (client, document) = await HolderAtCounterAsync();
        var day = await _app.OpenDayAsync();

        using var confirmed = await client.BookThroughPagesAsync(document.Id, day, Ten);

        var code = BookingSteps.CodeOf(confirmed);
        var appointment = await _app.AppointmentAsync(code);
        Assert.Equal((AppointmentState.Booked, BookingSteps.Counter, "TD", document.Id, document.HolderId!.Value),
            (appointment.State, appointment.CounterCode, appointment.DepartmentCode, appointment.DocumentId, appointment.HolderId));
        Assert.Equal(SlotRules.ToUtc(day, Ten), DateTime.SpecifyKind(appointment.SlotStart, DateTimeKind.Utc));
        var slot = await _app.SlotAsync(day, Ten);
        Assert.Equal((3, 1), (slot!.Capacity, slot.Booked));
        Assert.Equal(appointment.Id, (await _app.DeliveryAsync(document.Id))!.AppointmentId);
        Assert.True(await _app.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Event == DocumentAuditEvents.AppointmentBooked && e.ActorId == document.HolderId, Cancel)));
        var values = await NotificationValuesAsync(document.HolderId!.Value);
        Assert.Equal(code, values["reference"]);
        Assert.Equal(DocumentPaths.Appointment(code), values["link"]);
        Assert.Contains("10:00 to 10:30", values["when"]);
        Assert.Contains("10:00至10:30", values["when:zh-HK"]);
        Assert.Equal("Test Licensing Office, 1 Test Road, Wan Chai", values["counter"]);
        Assert.Equal("车辆测试牌照", values["document:zh-CN"]);

        var (status, page) = await client.GetPageAsync(confirmed.Location());
        Assert.Equal(200, status);
        Assert.Equal(code, page.QuerySelector("[data-booking-code]")!.TextContent.Trim());
        Assert.StartsWith("data:image/png;base64,", page.QuerySelector("img[data-qr]")!.GetAttribute("src"));
        Assert.Contains(code, page.QuerySelector("img[data-qr]")!.GetAttribute("alt"));
    }

    [Fact]
    public async Task Move_ToAnotherTime_OldSeatGivenBackNewOneTaken()
    {
        var (client, document) = await HolderAtCounterAsync();
        var day = await _app.OpenDayAsync();
        using var booked = await client.BookThroughPagesAsync(document.Id, day, Ten);
        var code = BookingSteps.CodeOf(booked);

        using var moved = await client.BookThroughPagesAsync(document.Id, day, Eleven);

        Assert.Equal(code, BookingSteps.CodeOf(moved));
        var appointment = await _app.AppointmentAsync(code);
        Assert.Equal(SlotRules.ToUtc(day, Eleven), DateTime.SpecifyKind(appointment.SlotStart, DateTimeKind.Utc));
        Assert.Equal(0, (await _app.SlotAsync(day, Ten))!.Booked);
        Assert.Equal(1, (await _app.SlotAsync(day, Eleven))!.Booked);
        Assert.Equal(1, await _app.QueryAsync(db => db.Set<Appointment>().CountAsync(a => a.DocumentId == document.Id, Cancel)));
        Assert.True(await _app.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Event == DocumentAuditEvents.AppointmentMoved && e.ActorId == document.HolderId, Cancel)));
        Assert.Equal(2, await _app.QueryAsync(db => db.Set<Notification>().CountAsync(n => n.UserId == document.HolderId && n.Event == NotificationEvents.AppointmentBooked, Cancel)));
    }

    [Fact]
    public async Task Cancel_Confirmed_SeatGivenBackAndTheDocumentFreeToBookAgain()
    {
        var (client, document) = await HolderAtCounterAsync();
        var day = await _app.OpenDayAsync();
        using var booked = await client.BookThroughPagesAsync(document.Id, day, Ten);
        var code = BookingSteps.CodeOf(booked);

        using var cancelled = await client.SubmitAsync(PickupPaths.Cancel(code), new Dictionary<string, string>());

        Assert.Equal(DocumentPaths.Appointment(code), cancelled.Location());
        Assert.Equal(AppointmentState.Cancelled, (await _app.AppointmentAsync(code)).State);
        Assert.Equal(0, (await _app.SlotAsync(day, Ten))!.Booked);
        Assert.Null((await _app.DeliveryAsync(document.Id))!.AppointmentId);
        Assert.True(await _app.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.Event == DocumentAuditEvents.AppointmentCancelled && e.ActorId == document.HolderId, Cancel)));
        var told = await NotificationValuesAsync(document.HolderId!.Value, NotificationEvents.AppointmentCancelled);
        Assert.Equal(code, told["reference"]);
        Assert.Equal(DocumentPaths.Appointment(code), told["link"]);
        var (_, page) = await client.GetPageAsync(DocumentPaths.Appointment(code));
        Assert.Equal("cancelled", page.QuerySelector("[data-appointment-state]")!.GetAttribute("data-appointment-state"));
        Assert.Null(page.QuerySelector("[data-cancel]"));
        // A new appointment can be booked for the document.
        using var again = await client.BookThroughPagesAsync(document.Id, day, Ten);
        Assert.NotEqual(code, BookingSteps.CodeOf(again));
    }

    [Fact]
    public async Task Confirm_TimeFilledMeanwhile_BackToTheTimesWithTheMessage()
    {
        var (client, document) = await HolderAtCounterAsync();
        var day = await _app.OpenDayAsync();
        var others = await _app.MoreHoldersAsync(document, 3);
        var (_, confirmPage) = await client.GetPageAsync(PickupPaths.Confirm(document.Id, BookingSteps.Counter, day, Ten));
        foreach (var other in others) Assert.IsType<BookingResult.Booked>(await _app.BookAsync(other, day, Ten));

        using var refused = await client.SubmitAsync(confirmPage, PickupPaths.Confirm(document.Id, BookingSteps.Counter, day, Ten), new Dictionary<string, string>());

        Assert.Equal(PickupPaths.Time(document.Id, BookingSteps.Counter, day) + "?full=1000", refused.Location());
        var (_, times) = await client.GetPageAsync(refused.Location());
        Assert.Equal(["That time has just filled up. Choose another time"], times.ErrorSummary());
        Assert.StartsWith("Error: ", times.Title);
        Assert.Null(times.QuerySelector("input[name=Time][value='1000']"));
        Assert.NotNull(times.QuerySelector("input[name=Time][value='1030']"));
        Assert.Equal(3, (await _app.SlotAsync(day, Ten))!.Booked);
        Assert.Null((await _app.DeliveryAsync(document.Id))!.AppointmentId);
    }

    [Fact]
    public async Task Days_PublicHoliday_NotOffered()
    {
        var (client, document) = await HolderAtCounterAsync();
        var holiday = await _app.OpenDayAsync(3);
        var open = await _app.OpenDayAsync(holiday.DayNumber - HongKongTime.Today(_app.Clock).DayNumber + 1);
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OneStop.Platform.Database.OneStopDb>();
            db.Add(new PublicHoliday { Date = holiday, Name = new LocalisedText("Test holiday", "測試假期", "测试假期") });
            await db.SaveChangesAsync(Cancel);
        }

        var (_, page) = await client.GetPageAsync(PickupPaths.Day(document.Id, BookingSteps.Counter));

        Assert.Null(page.QuerySelector($"input[name=Day][value='{holiday:yyyy-MM-dd}']"));
        Assert.NotNull(page.QuerySelector($"input[name=Day][value='{open:yyyy-MM-dd}']"));
        var (status, _) = await client.GetPageAsync(PickupPaths.Confirm(document.Id, BookingSteps.Counter, holiday, Ten));
        Assert.Equal(302, status);
    }

    [Fact]
    public async Task BookingPages_AnotherPerson_NotFound()
    {
        var (client, document) = await HolderAtCounterAsync();
        var day = await _app.OpenDayAsync();
        using var booked = await client.BookThroughPagesAsync(document.Id, day, Ten);
        var code = BookingSteps.CodeOf(booked);
        var stranger = _app.NewBrowser();
        await stranger.SignedInAsync(_app);

        foreach (var path in new[]
        {
            DocumentPaths.Collect(document.Id), PickupPaths.Post(document.Id), PickupPaths.Counter(document.Id), PickupPaths.Day(document.Id, BookingSteps.Counter),
            PickupPaths.Time(document.Id, BookingSteps.Counter, day), PickupPaths.Confirm(document.Id, BookingSteps.Counter, day, Eleven),
            DocumentPaths.Appointment(code), PickupPaths.Cancel(code),
        })
        {
            using var response = await stranger.GetAsync(path, Cancel);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path} answered {(int)response.StatusCode}");
        }
        var token = await stranger.TokenAsync("/account");
        using var cancel = await stranger.PostFormAsync(PickupPaths.Cancel(code), token);
        Assert.Equal(HttpStatusCode.NotFound, cancel.StatusCode);
        Assert.Equal(AppointmentState.Booked, (await _app.AppointmentAsync(code)).State);
    }

    [Fact]
    public async Task Book_TwentyHoldersForTheLastPlace_ExactlyOneGetsIt()
    {
        await _app.TestCounterAsync(capacity: 3);
        var (_, _, _, model) = await _app.IssuedDocumentAsync();
        var day = await _app.OpenDayAsync();
        var holders = await _app.MoreHoldersAsync(model, 22);
        foreach (var early in holders.Take(2)) Assert.IsType<BookingResult.Booked>(await _app.BookAsync(early, day, Ten));

        var results = await Task.WhenAll(holders.Skip(2).Select(h => Task.Run(() => _app.BookAsync(h, day, Ten), Cancel)));

        Assert.Single(results, r => r is BookingResult.Booked);
        Assert.Equal(19, results.Count(r => r is BookingResult.Full));
        var slot = await _app.SlotAsync(day, Ten);
        Assert.Equal((3, 3), (slot!.Capacity, slot.Booked));
        var start = SlotRules.ToUtc(day, Ten);
        Assert.Equal(3, await _app.QueryAsync(db => db.Set<Appointment>().CountAsync(a => a.CounterCode == BookingSteps.Counter && a.SlotStart == start && a.State == AppointmentState.Booked, Cancel)));
        var ids = holders.Select(h => h.Id).ToList();
        Assert.Equal(3, await _app.QueryAsync(db => db.Set<DocumentDelivery>().CountAsync(d => ids.Contains(d.DocumentId) && d.AppointmentId != null, Cancel)));
    }

    [Fact]
    public async Task Book_FirstBookingsOfANewSlotAtOnce_OneRowAndEveryoneSeated()
    {
        await _app.TestCounterAsync(capacity: 3);
        var (_, _, _, model) = await _app.IssuedDocumentAsync();
        var day = await _app.OpenDayAsync();
        var holders = await _app.MoreHoldersAsync(model, 3);

        var results = await Task.WhenAll(holders.Select(h => Task.Run(() => _app.BookAsync(h, day, Eleven), Cancel)));

        Assert.All(results, r => Assert.IsType<BookingResult.Booked>(r));
        Assert.Equal(3, (await _app.SlotAsync(day, Eleven))!.Booked);
    }

    private async Task<IReadOnlyDictionary<string, string>> NotificationValuesAsync(Guid holderId, string @event = NotificationEvents.AppointmentBooked)
    {
        var stored = await _app.QueryAsync(db => db.Set<Notification>().Where(n => n.UserId == holderId && n.Event == @event).Select(n => n.Values).SingleAsync(Cancel));
        return _app.Services.GetRequiredService<NotificationProtection>().UnprotectValues(stored);
    }
}

public sealed class BookingSqliteTests() : BookingTests(Provider.Sqlite);

public sealed class BookingPostgresTests() : BookingTests(Provider.Postgres);
