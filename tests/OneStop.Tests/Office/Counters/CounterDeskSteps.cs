using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Documents;
using OneStop.Documents.Counters;
using OneStop.Platform.Audit;
using OneStop.Platform.Localisation;
using OneStop.Tests.Documents;

namespace OneStop.Tests.Office.Counters;

/// <summary>
/// Counters, appointments and post deliveries written straight into the database (booking is another part's
/// work): an issued document through the real approval, then the rows a booking or a delivery choice would leave.
/// </summary>
public static class CounterDeskSteps
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>The counter <see cref="DocumentSteps.LicenceJson"/> names.</summary>
    public const string TestCounter = "td-test-counter";

    public const string OfficeHours = """{"mon":["09:00-13:00","14:00-17:00"],"tue":["09:00-13:00","14:00-17:00"],"wed":["09:00-13:00","14:00-17:00"],"thu":["09:00-13:00","14:00-17:00"],"fri":["09:00-13:00","14:00-17:00"]}""";

    /// <summary>The counter, added when it is not there yet.</summary>
    public static async Task<Counter> CounterAsync(this OneStopApp app, string code = TestCounter, string department = "TD")
    {
        await app.QueryAsync(async db =>
        {
            if (await db.Set<Counter>().AnyAsync(c => c.Code == code, Cancel)) return 0;
            db.Add(new Counter
            {
                Code = code, DepartmentCode = department, OpeningHours = OfficeHours, SlotMinutes = 30, SlotCapacity = 4,
                Name = new LocalisedText($"Test counter {code}", $"測試櫃位 {code}", $"测试柜台 {code}"),
                Address = new LocalisedText("1 Test Road, Hong Kong", "香港測試道1號", "香港测试道1号"),
                UpdatedAt = app.Clock.GetUtcNow().UtcDateTime,
            });
            return await db.SaveChangesAsync(Cancel);
        });
        return await app.QueryAsync(db => db.Set<Counter>().AsNoTracking().SingleAsync(c => c.Code == code, Cancel));
    }

    /// <summary>Today in Hong Kong, by the app's clock.</summary>
    public static DateOnly Today(this OneStopApp app) => HongKongTime.Today(app.Clock);

    /// <summary>
    /// A holder's document issued through approval, and their appointment to collect it at <paramref name="counter"/> on
    /// <paramref name="day"/> at <paramref name="time"/> (Hong Kong): the slot's seat taken and the delivery chosen, as booking leaves them.
    /// </summary>
    public static async Task<(Appointment Appointment, IssuedDocument Document)> AppointmentAsync(this OneStopApp app, DateOnly day, TimeOnly time,
        string counter = TestCounter)
    {
        var (_, _, _, document) = await app.IssuedDocumentAsync();
        return (await app.AppointmentForAsync(document, day, time, counter), document);
    }

    /// <summary>An appointment to collect <paramref name="document"/>, written as booking leaves it.</summary>
    public static async Task<Appointment> AppointmentForAsync(this OneStopApp app, IssuedDocument document, DateOnly day, TimeOnly time, string counter = TestCounter)
    {
        var place = await app.CounterAsync(counter);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var start = SlotRules.ToUtc(day, time);
        var appointment = new Appointment
        {
            Id = Guid.CreateVersion7(),
            Code = "AP-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant(),
            CounterCode = counter, DepartmentCode = place.DepartmentCode, SlotStart = start,
            DocumentId = document.Id, HolderId = document.HolderId!.Value, CreatedAt = now, UpdatedAt = now,
        };
        await app.QueryAsync(async db =>
        {
            if (await db.Set<CounterSlot>().SingleOrDefaultAsync(s => s.CounterCode == counter && s.Start == start, Cancel) is { } slot) slot.Booked++;
            else db.Add(new CounterSlot { CounterCode = counter, Start = start, Capacity = place.SlotCapacity, Booked = 1 });
            db.Add(appointment);
            db.Add(new DocumentDelivery { DocumentId = document.Id, Method = DeliveryMethod.Counter, ChosenAt = now, AppointmentId = appointment.Id });
            return await db.SaveChangesAsync(Cancel);
        });
        return appointment;
    }

    /// <summary>A holder's document issued through approval, to be posted to <paramref name="address"/> (chosen at the clock's now).</summary>
    public static async Task<IssuedDocument> PostDeliveryAsync(this OneStopApp app, params string[] address)
    {
        var (_, _, _, document) = await app.IssuedDocumentAsync();
        await app.PostDeliveryForAsync(document, address);
        return document;
    }

    /// <summary>The holder of <paramref name="document"/> chose post to <paramref name="address"/>.</summary>
    public static async Task PostDeliveryForAsync(this OneStopApp app, IssuedDocument document, params string[] address)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var text = scope.ServiceProvider.GetRequiredService<DocumentText>();
        var db = scope.ServiceProvider.GetRequiredService<OneStop.Platform.Database.OneStopDb>();
        db.Add(new DocumentDelivery
        {
            DocumentId = document.Id, Method = DeliveryMethod.Post, ChosenAt = app.Clock.GetUtcNow().UtcDateTime,
            Address = text.Protect(JsonSerializer.Serialize(address)),
        });
        await db.SaveChangesAsync(Cancel);
    }

    /// <summary>The holder's name as printed, decrypted the way the desk does.</summary>
    public static async Task<string> HolderNameAsync(this OneStopApp app, IssuedDocument document)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return scope.ServiceProvider.GetRequiredService<DocumentText>().UnprotectOrNull(document.HolderName)!;
    }

    public static Task<Appointment> AppointmentAsync(this OneStopApp app, string code) =>
        app.QueryAsync(db => db.Set<Appointment>().AsNoTracking().SingleAsync(a => a.Code == code, Cancel));

    public static Task<DocumentDelivery> DeliveryAsync(this OneStopApp app, Guid documentId) =>
        app.QueryAsync(db => db.Set<DocumentDelivery>().AsNoTracking().SingleAsync(d => d.DocumentId == documentId, Cancel));

    /// <summary>Audit entries of <paramref name="event"/> whose target or detail names <paramref name="mention"/>.</summary>
    public static Task<List<AuditEntry>> AuditAsync(this OneStopApp app, string @event, string mention) =>
        app.QueryAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.Event == @event && (e.TargetId == mention || (e.Detail != null && e.Detail.Contains(mention)))).ToListAsync(Cancel));
}
