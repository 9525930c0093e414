using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Cases.Calendar;
using OneStop.Documents;
using OneStop.Documents.Appointments;
using OneStop.Documents.Counters;
using OneStop.Documents.Pickup;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;
using OneStop.Tests.Office;

namespace OneStop.Tests.Documents.Appointments;

/// <summary>The counter <see cref="DocumentSteps.LicenceJson"/> names, holders who chose it, and the slots they book.</summary>
public static class BookingSteps
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public const string Counter = "td-test-counter";
    /// <summary>Open every day 09:00-13:00 and 14:00-17:00 (closed only on public holidays), so tests need not dodge weekends.</summary>
    public const string EveryDay = """{"mon":["09:00-13:00","14:00-17:00"],"tue":["09:00-13:00","14:00-17:00"],"wed":["09:00-13:00","14:00-17:00"],"thu":["09:00-13:00","14:00-17:00"],"fri":["09:00-13:00","14:00-17:00"],"sat":["09:00-13:00","14:00-17:00"],"sun":["09:00-13:00","14:00-17:00"]}""";

    /// <summary>Creates the test counter (once per app) the way an administrator would leave it.</summary>
    public static async Task<Counter> TestCounterAsync(this OneStopApp app, int capacity = 3, string hours = EveryDay)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDb>();
        if (await db.Set<Counter>().AsNoTracking().SingleOrDefaultAsync(c => c.Code == Counter, Cancel) is { } existing) return existing;
        var counter = new Counter
        {
            Code = Counter, DepartmentCode = "TD", OpeningHours = hours, SlotMinutes = 30, SlotCapacity = capacity,
            Name = new LocalisedText("Test Licensing Office", "測試牌照事務處", "测试牌照事务处"),
            Address = new LocalisedText("1 Test Road, Wan Chai", "灣仔測試道1號", "湾仔测试道1号"),
        };
        db.Add(counter);
        await db.SaveChangesAsync(Cancel);
        return counter;
    }

    /// <summary>A day at least two days ahead that is not a public holiday, so its times are bookable whatever the hour now.</summary>
    public static async Task<DateOnly> OpenDayAsync(this OneStopApp app, int from = 2)
    {
        var day = HongKongTime.Today(app.Clock).AddDays(from);
        var holidays = await app.QueryAsync(db => db.Set<PublicHoliday>().Where(h => h.Date >= day).Select(h => h.Date).ToListAsync(Cancel));
        while (holidays.Contains(day)) day = day.AddDays(1);
        return day;
    }

    /// <summary>The holder chooses collection at a counter on the choice page, which goes on to booking.</summary>
    public static async Task ChooseCounterAsync(this HttpClient client, Guid documentId)
    {
        using var response = await client.SubmitAsync(DocumentPaths.Collect(documentId), new Dictionary<string, string> { ["Method"] = "counter" });
        Assert.Equal(PickupPaths.Counter(documentId), response.Location());
    }

    /// <summary>Through the pages: counter, day, time, then confirm. The response of the confirm step.</summary>
    public static async Task<HttpResponseMessage> BookThroughPagesAsync(this HttpClient client, Guid documentId, DateOnly day, TimeOnly time)
    {
        using (var counter = await client.SubmitAsync(PickupPaths.Counter(documentId), new Dictionary<string, string> { ["Choice"] = Counter }))
            Assert.Equal(PickupPaths.Day(documentId, Counter), counter.Location());
        using (var chosenDay = await client.SubmitAsync(PickupPaths.Day(documentId, Counter), new Dictionary<string, string> { ["Day"] = $"{day:yyyy-MM-dd}" }))
            Assert.Equal(PickupPaths.Time(documentId, Counter, day), chosenDay.Location());
        using (var chosenTime = await client.SubmitAsync(PickupPaths.Time(documentId, Counter, day), new Dictionary<string, string> { ["Time"] = $"{time:HHmm}" }))
            Assert.Equal(PickupPaths.Confirm(documentId, Counter, day, time), chosenTime.Location());
        return await client.SubmitAsync(PickupPaths.Confirm(documentId, Counter, day, time), new Dictionary<string, string>());
    }

    /// <summary>The booking code from the confirm step's redirect to the appointment page.</summary>
    public static string CodeOf(HttpResponseMessage confirmed)
    {
        var location = confirmed.Location();
        Assert.Matches(@"^/appointments/AP-[0-9A-HJKMNP-TV-Z]{8}\?booked=true$", location);
        return location["/appointments/".Length..location.IndexOf('?')];
    }

    public static Task<CounterSlot?> SlotAsync(this OneStopApp app, DateOnly day, TimeOnly time)
    {
        var start = SlotRules.ToUtc(day, time);
        return app.QueryAsync(db => db.Set<CounterSlot>().AsNoTracking().SingleOrDefaultAsync(s => s.CounterCode == Counter && s.Start == start, Cancel));
    }

    public static Task<Appointment> AppointmentAsync(this OneStopApp app, string code) =>
        app.QueryAsync(db => db.Set<Appointment>().AsNoTracking().SingleAsync(a => a.Code == code, Cancel));

    public static Task<DocumentDelivery?> DeliveryAsync(this OneStopApp app, Guid documentId) =>
        app.QueryAsync(db => db.Set<DocumentDelivery>().AsNoTracking().SingleOrDefaultAsync(d => d.DocumentId == documentId, Cancel));

    /// <summary>
    /// More holders of the same kind of document, written straight to the database (issuing each through an
    /// application would sign a PDF apiece): copies of <paramref name="model"/> for new holders, each having chosen a counter.
    /// </summary>
    public static async Task<IReadOnlyList<IssuedDocument>> MoreHoldersAsync(this OneStopApp app, IssuedDocument model, int count)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDb>();
        var copies = new List<IssuedDocument>();
        for (var i = 0; i < count; i++)
        {
            var id = Guid.NewGuid();
            var copy = new IssuedDocument
            {
                Id = id, Number = $"{model.Number}-{i}", VerificationCode = Guid.NewGuid().ToString("N")[..16].ToUpperInvariant(),
                DepartmentCode = model.DepartmentCode, ServiceSlug = model.ServiceSlug, Kind = model.Kind, Title = model.Title,
                HolderId = Guid.NewGuid(), HolderName = model.HolderName, MaskedHolderName = model.MaskedHolderName, Language = model.Language,
                IssuedAt = model.IssuedAt, ValidFrom = model.ValidFrom, ValidUntil = model.ValidUntil, StorageKey = model.StorageKey,
                Sha256 = model.Sha256, Size = model.Size, SigningKeyId = model.SigningKeyId, IssueKey = $"test:{id}",
            };
            db.Add(copy);
            db.Add(new DocumentDelivery { DocumentId = id, Method = DeliveryMethod.Counter, ChosenAt = model.IssuedAt });
            copies.Add(copy);
        }
        await db.SaveChangesAsync(Cancel);
        return copies;
    }

    /// <summary>Books as <see cref="Bookings"/> does for the confirm page, in a scope of its own (as a request has).</summary>
    public static async Task<BookingResult> BookAsync(this OneStopApp app, IssuedDocument document, DateOnly day, TimeOnly time)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Bookings>().BookAsync(document.HolderId!.Value, document.Id, Counter, SlotRules.ToUtc(day, time), Cancel);
    }
}
