using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using OneStop.Documents.Pickup;
using OneStop.Notifications;
using OneStop.Notifications.Templates;
using OneStop.Platform.Audit;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;

namespace OneStop.Documents.Appointments;

public abstract record BookingResult
{
    public sealed record Booked(Appointment Appointment) : BookingResult;
    /// <summary>Every place of the time is taken (perhaps a moment ago, by someone else): choose another.</summary>
    public sealed record Full : BookingResult;
    /// <summary>Not a time the counter offers for this document now: closed, a holiday, past, beyond the horizon, or not its counter.</summary>
    public sealed record NotOffered : BookingResult;
    /// <summary>Nothing to book, move or cancel: not the holder's, not current, posted or collected, already booked, past or changed meanwhile.</summary>
    public sealed record Refused : BookingResult;
}

/// <summary>
/// Books, moves and cancels counter appointments without ever putting more people in a slot than its capacity.
/// The seat is taken with one conditional UPDATE (<c>Booked = Booked + 1 WHERE Booked &lt; Capacity</c>): the
/// database checks and takes in one step, so concurrent bookings of the last place cannot both pass (PostgreSQL
/// re-checks the condition on the row a concurrent transaction just committed; SQLite lets one writer in at a
/// time). The seat, the appointment, the delivery's link to it, the audit entry and the confirmation commit in
/// one transaction, so a refused step gives the seat back by rolling back. Rows are written in one order in
/// every operation — slots (by counter, then start), delivery, appointment — so two transactions never wait on
/// each other in a circle.
/// </summary>
public sealed class Bookings(OneStopDb db, HolderDocuments documents, BookingCalendar calendar, AuditLog audit, Notifier notifier, Text text, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>A new appointment for a document whose holder chose collection at a counter and has no appointment to come.</summary>
    public async Task<BookingResult> BookAsync(Guid holderId, Guid documentId, string counterCode, DateTime startUtc, CancellationToken cancellationToken = default)
    {
        if (await documents.FindAsync(holderId, documentId, cancellationToken) is not { MayChoose: true, Delivery: { Method: DeliveryMethod.Counter } delivery } target)
            return new BookingResult.Refused();
        if (await CurrentAsync(delivery, cancellationToken) is not null) return new BookingResult.Refused();
        if (await calendar.CounterAsync(target, counterCode, cancellationToken) is not { } counter
            || await calendar.FindAsync(counter, startUtc, cancellationToken) is not { } slot) return new BookingResult.NotOffered();
        var start = Utc(slot.StartUtc);
        await EnsureSlotRowAsync(counter.Counter, start, cancellationToken);
        var now = Now;
        var appointment = new Appointment
        {
            Id = Guid.NewGuid(), Code = await NewCodeAsync(cancellationToken), CounterCode = counterCode, DepartmentCode = counter.Counter.DepartmentCode,
            SlotStart = start, DocumentId = documentId, HolderId = holderId, CreatedAt = now, UpdatedAt = now,
        };

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await TakeSeatAsync(counterCode, start, cancellationToken)) return new BookingResult.Full();
        // The delivery as read above, still without an appointment to come: a second tab or a double click loses here and rolls its seat back.
        var claimed = await db.Set<DocumentDelivery>()
            .Where(d => d.DocumentId == documentId && d.Revision == delivery.Revision && d.Method == DeliveryMethod.Counter && d.PostedAt == null && d.CollectedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.AppointmentId, appointment.Id).SetProperty(d => d.Revision, d => d.Revision + 1), cancellationToken);
        if (claimed == 0) return new BookingResult.Refused();
        db.Add(appointment);
        audit.Record(DocumentAuditEvents.AppointmentBooked, holderId, holderId, "appointment", appointment.Code,
            $"document={target.Document.Number} v{target.Document.Version};counter={counterCode};slot={start:O}", appointment.DepartmentCode);
        await NotifyAsync(appointment, counter.Counter, target.Document, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new BookingResult.Booked(appointment);
    }

    /// <summary>The same appointment at another time (or counter): the new seat taken and the old one given back together.</summary>
    public async Task<BookingResult> MoveAsync(Guid holderId, string code, string counterCode, DateTime startUtc, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(holderId, code, cancellationToken) is not { } appointment || !IsUpcoming(appointment)) return new BookingResult.Refused();
        if (await documents.FindAsync(holderId, appointment.DocumentId, cancellationToken) is not { MayChoose: true } target) return new BookingResult.Refused();
        if (await calendar.CounterAsync(target, counterCode, cancellationToken) is not { } counter
            || await calendar.FindAsync(counter, startUtc, cancellationToken) is not { } slot) return new BookingResult.NotOffered();
        var (from, to) = ((appointment.CounterCode, Start: Utc(appointment.SlotStart)), (CounterCode: counterCode, Start: Utc(slot.StartUtc)));
        if (from == to) return new BookingResult.Booked(appointment);
        await EnsureSlotRowAsync(counter.Counter, to.Start, cancellationToken);
        var now = Now;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var step in new[] { (Slot: from, Take: false), (Slot: to, Take: true) }.OrderBy(s => s.Slot.CounterCode, StringComparer.Ordinal).ThenBy(s => s.Slot.Start))
        {
            if (!step.Take) await ReleaseSeatAsync(step.Slot.CounterCode, step.Slot.Start, cancellationToken);
            else if (!await TakeSeatAsync(step.Slot.CounterCode, step.Slot.Start, cancellationToken)) return new BookingResult.Full();
        }
        var moved = await db.Set<Appointment>()
            .Where(a => a.Id == appointment.Id && a.Revision == appointment.Revision && a.State == AppointmentState.Booked)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.CounterCode, to.CounterCode).SetProperty(a => a.SlotStart, to.Start)
                .SetProperty(a => a.DepartmentCode, counter.Counter.DepartmentCode).SetProperty(a => a.UpdatedAt, now).SetProperty(a => a.Revision, a => a.Revision + 1), cancellationToken);
        if (moved == 0) return new BookingResult.Refused();
        appointment.CounterCode = to.CounterCode;
        appointment.SlotStart = to.Start;
        appointment.DepartmentCode = counter.Counter.DepartmentCode;
        appointment.UpdatedAt = now;
        appointment.Revision++;
        audit.Record(DocumentAuditEvents.AppointmentMoved, holderId, holderId, "appointment", appointment.Code,
            $"from={from.CounterCode}@{from.Start:O};to={to.CounterCode}@{to.Start:O}", appointment.DepartmentCode);
        await NotifyAsync(appointment, counter.Counter, target.Document, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new BookingResult.Booked(appointment);
    }

    /// <summary>Cancels an appointment still to come and gives its seat back; false when there is none to cancel.</summary>
    public async Task<bool> CancelAsync(Guid holderId, string code, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(holderId, code, cancellationToken) is not { } appointment || !IsUpcoming(appointment)) return false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await ReleaseSeatAsync(appointment.CounterCode, Utc(appointment.SlotStart), cancellationToken);
        await db.Set<DocumentDelivery>().Where(d => d.DocumentId == appointment.DocumentId && d.AppointmentId == appointment.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.AppointmentId, (Guid?)null).SetProperty(d => d.Revision, d => d.Revision + 1), cancellationToken);
        if (!await MarkCancelledAsync(appointment, holderId, cancellationToken)) return false;
        // The holder is told too: the confirmation they may have kept (or a relative who booked for them) is void.
        if (await documents.FindAsync(holderId, appointment.DocumentId, cancellationToken) is { } target
            && await db.Set<Counter>().AsNoTracking().SingleOrDefaultAsync(c => c.Code == appointment.CounterCode, cancellationToken) is { } counter)
            await NotifyAsync(appointment, counter, target.Document, cancellationToken, NotificationEvents.AppointmentCancelled, $"appointment:{appointment.Id}:cancelled");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>The holder's appointment with this booking code; null for anyone else's.</summary>
    public Task<Appointment?> FindAsync(Guid holderId, string code, CancellationToken cancellationToken = default) =>
        db.Set<Appointment>().AsNoTracking().SingleOrDefaultAsync(a => a.Code == code && a.HolderId == holderId, cancellationToken);

    /// <summary>The delivery's appointment while it still holds a place (to come, or checked in); null when a new one may be booked.</summary>
    public async Task<Appointment?> CurrentAsync(DocumentDelivery? delivery, CancellationToken cancellationToken = default)
    {
        if (delivery?.AppointmentId is not { } id) return null;
        var appointment = await db.Set<Appointment>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        return appointment is not null && (IsUpcoming(appointment) || appointment.State == AppointmentState.CheckedIn) ? appointment : null;
    }

    /// <summary>Booked and not yet begun: only such an appointment may be moved or cancelled.</summary>
    public bool IsUpcoming(Appointment appointment) => appointment.State == AppointmentState.Booked && appointment.SlotStart > Now;

    /// <summary>Within the caller's transaction: the seat back. Never below zero, whatever went before.</summary>
    internal Task ReleaseSeatAsync(string counterCode, DateTime start, CancellationToken cancellationToken) =>
        db.Set<CounterSlot>().Where(s => s.CounterCode == counterCode && s.Start == start && s.Booked > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Booked, x => x.Booked - 1), cancellationToken);

    /// <summary>Within the caller's transaction: the appointment cancelled (and audited) if it is as read; false if it changed meanwhile.</summary>
    internal async Task<bool> MarkCancelledAsync(Appointment appointment, Guid actorId, CancellationToken cancellationToken)
    {
        var now = Now;
        var cancelled = await db.Set<Appointment>()
            .Where(a => a.Id == appointment.Id && a.Revision == appointment.Revision && a.State == AppointmentState.Booked)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.State, AppointmentState.Cancelled).SetProperty(a => a.UpdatedAt, now).SetProperty(a => a.Revision, a => a.Revision + 1), cancellationToken);
        if (cancelled == 0) return false;
        audit.Record(DocumentAuditEvents.AppointmentCancelled, actorId, appointment.HolderId, "appointment", appointment.Code,
            $"counter={appointment.CounterCode};slot={Utc(appointment.SlotStart):O}", appointment.DepartmentCode);
        return true;
    }

    /// <summary>The one statement that decides whether there is a place: 0 rows means the slot is full.</summary>
    private async Task<bool> TakeSeatAsync(string counterCode, DateTime start, CancellationToken cancellationToken) =>
        await db.Set<CounterSlot>().Where(s => s.CounterCode == counterCode && s.Start == start && s.Booked < s.Capacity)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Booked, x => x.Booked + 1), cancellationToken) == 1;

    /// <summary>
    /// The slot's row, created by its first booking with the counter's capacity at that moment. Two first bookings
    /// racing both insert; the unique key refuses one, which then books on the winner's row. Saved on its own,
    /// before the booking's transaction: a failed statement would end a PostgreSQL transaction.
    /// </summary>
    private async Task EnsureSlotRowAsync(Counter counter, DateTime start, CancellationToken cancellationToken)
    {
        if (await db.Set<CounterSlot>().AnyAsync(s => s.CounterCode == counter.Code && s.Start == start, cancellationToken)) return;
        var row = new CounterSlot { CounterCode = counter.Code, Start = start, Capacity = counter.SlotCapacity };
        db.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.Entry(row).State = EntityState.Detached;
            // Another booking created it first; anything else is a real failure.
            if (!await db.Set<CounterSlot>().AnyAsync(s => s.CounterCode == counter.Code && s.Start == start, cancellationToken)) throw;
        }
        db.Entry(row).State = EntityState.Detached;
    }

    /// <summary>The confirmation (also after a move) or the cancellation: when and where in each language, and the link to the appointment's page.</summary>
    private Task NotifyAsync(Appointment appointment, Counter counter, IssuedDocument document, CancellationToken cancellationToken,
        string @event = NotificationEvents.AppointmentBooked, string? key = null)
    {
        var values = new Dictionary<string, string> { ["reference"] = appointment.Code, ["link"] = DocumentPaths.Appointment(appointment.Code) };
        foreach (var language in Languages.All)
        {
            var suffix = language == Language.En ? "" : ":" + language.Tag();
            values["when" + suffix] = BookingWords.When(appointment.SlotStart, counter.SlotMinutes, language, text);
            values["counter" + suffix] = $"{counter.Name[language]}, {counter.Address[language]}";
            values["document" + suffix] = document.Title[language];
        }
        return notifier.EnqueueAsync(new NotificationRequest(@event, appointment.DepartmentCode, appointment.HolderId, null,
            document.Language, document.CaseId, key ?? $"appointment:{appointment.Id}:r{appointment.Revision}", values), cancellationToken);
    }

    /// <summary><c>AP-</c> and 8 characters of Crockford base32 (40 bits), checked unused; easy to read out at a counter.</summary>
    private async Task<string> NewCodeAsync(CancellationToken cancellationToken)
    {
        const string alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        while (true)
        {
            var bytes = RandomNumberGenerator.GetBytes(8);
            var code = "AP-" + string.Create(8, bytes, (span, b) => { for (var i = 0; i < span.Length; i++) span[i] = alphabet[b[i] & 31]; });
            if (!await db.Set<Appointment>().AnyAsync(a => a.Code == code, cancellationToken)) return code;
        }
    }

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
