using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OneStop.Documents.Counters;
using OneStop.Identity;
using OneStop.Identity.Staff;
using OneStop.Platform.Audit;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;

namespace OneStop.Documents.Desk;

/// <summary>An appointment as the desk shows it: what to hand over, and to whom (the name decrypted).</summary>
public sealed record DeskAppointment(
    string Code, string CounterCode, LocalisedText CounterName, DateTime SlotStart, int SlotMinutes, AppointmentState State,
    DateTime? CheckedInAt, DateTime? CollectedAt, string DocumentNumber, int DocumentVersion, LocalisedText DocumentTitle, string HolderName)
{
    public DateOnly Day => DateOnly.FromDateTime(SlotRules.ToHongKong(SlotStart));
    public TimeOnly From => TimeOnly.FromDateTime(SlotRules.ToHongKong(SlotStart));
    public TimeOnly To => From.AddMinutes(SlotMinutes);
    public bool CanCheckIn => State == AppointmentState.Booked;
    public bool CanCollect => State is AppointmentState.Booked or AppointmentState.CheckedIn;
}

/// <summary>What a press of "Check in" or "Collected" did.</summary>
public enum DeskOutcome { Done, AlreadyCheckedIn, AlreadyCollected, Cancelled, NotToday, NotFound }

/// <summary>
/// The officers' counter desk: a day's appointments, one appointment by its booking code, checking the holder in
/// and handing the document over. Everything is scoped to the officer's department, so another department's
/// appointment is simply not found. A press is applied once however often it arrives: the state is checked
/// first, and the appointment's <see cref="Appointment.Revision"/> makes the second of two simultaneous presses
/// fail to save rather than record the change twice.
/// </summary>
public sealed class CounterDesk(OneStopDb db, DocumentText text, AuditLog audit, TimeProvider clock)
{
    public async Task<Counter?> CounterAsync(ClaimsPrincipal user, string code, CancellationToken cancellationToken) =>
        await db.Set<Counter>().AsNoTracking().InDepartmentOf(user, c => c.DepartmentCode).SingleOrDefaultAsync(c => c.Code == code, cancellationToken);

    /// <summary>The appointments at the counter on a Hong Kong day, in time order (cancelled ones too, marked so).</summary>
    public async Task<IReadOnlyList<DeskAppointment>> DayAsync(ClaimsPrincipal user, Counter counter, DateOnly day, CancellationToken cancellationToken)
    {
        var (from, to) = (SlotRules.ToUtc(day, TimeOnly.MinValue), SlotRules.ToUtc(day.AddDays(1), TimeOnly.MinValue));
        var rows = await Rows(user).Where(r => r.Appointment.CounterCode == counter.Code && r.Appointment.SlotStart >= from && r.Appointment.SlotStart < to)
            .OrderBy(r => r.Appointment.SlotStart).ThenBy(r => r.Appointment.Code).ToListAsync(cancellationToken);
        return rows.Select(Show).ToList();
    }

    public async Task<DeskAppointment?> FindAsync(ClaimsPrincipal user, string code, CancellationToken cancellationToken) =>
        await Rows(user).Where(r => r.Appointment.Code == code).SingleOrDefaultAsync(cancellationToken) is { } row ? Show(row) : null;

    /// <summary>Booked → checked in, on the appointment's day only.</summary>
    public Task<DeskOutcome> CheckInAsync(ClaimsPrincipal user, string code, CancellationToken cancellationToken) =>
        ChangeAsync(user, code, (appointment, now) => Task.FromResult(CheckIn(user, appointment, now)), cancellationToken);

    private DeskOutcome CheckIn(ClaimsPrincipal user, Appointment appointment, DateTime now)
    {
        switch (appointment.State)
        {
            case AppointmentState.Cancelled: return DeskOutcome.Cancelled;
            case AppointmentState.CheckedIn: return DeskOutcome.AlreadyCheckedIn;
            case AppointmentState.Collected: return DeskOutcome.AlreadyCollected;
        }
        if (DateOnly.FromDateTime(SlotRules.ToHongKong(appointment.SlotStart)) != HongKongTime.Today(clock)) return DeskOutcome.NotToday;
        appointment.State = AppointmentState.CheckedIn;
        appointment.CheckedInAt = now;
        appointment.CheckedInBy = user.UserId();
        audit.Record(DocumentAuditEvents.AppointmentCheckedIn, user.UserId(), appointment.HolderId, "appointment", appointment.Code,
            $"counter={appointment.CounterCode}", appointment.DepartmentCode);
        return DeskOutcome.Done;
    }

    /// <summary>Booked or checked in → collected; the document's delivery records the collection too.</summary>
    public Task<DeskOutcome> CollectAsync(ClaimsPrincipal user, string code, CancellationToken cancellationToken) =>
        ChangeAsync(user, code, async (appointment, now) =>
        {
            switch (appointment.State)
            {
                case AppointmentState.Cancelled: return DeskOutcome.Cancelled;
                case AppointmentState.Collected: return DeskOutcome.AlreadyCollected;
            }
            appointment.State = AppointmentState.Collected;
            appointment.CollectedAt = now;
            if (await db.Set<DocumentDelivery>().SingleOrDefaultAsync(d => d.DocumentId == appointment.DocumentId, cancellationToken) is { } delivery)
            {
                delivery.CollectedAt = now;
                delivery.Revision++;
            }
            var document = await db.Set<IssuedDocument>().AsNoTracking().Where(d => d.Id == appointment.DocumentId)
                .Select(d => new { d.Number, d.Version }).SingleAsync(cancellationToken);
            audit.Record(DocumentAuditEvents.Collected, user.UserId(), appointment.HolderId, "document", $"{document.Number} v{document.Version}",
                $"appointment={appointment.Code}", appointment.DepartmentCode);
            return DeskOutcome.Done;
        }, cancellationToken);

    /// <summary>
    /// Applies <paramref name="change"/> to the appointment and saves it with its audit entry. When another press
    /// saved first (the revision moved on), the change is dropped and tried once more against what is stored now,
    /// which then answers "already".
    /// </summary>
    private async Task<DeskOutcome> ChangeAsync(ClaimsPrincipal user, string code, Func<Appointment, DateTime, Task<DeskOutcome>> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var appointment = await db.Set<Appointment>().InDepartmentOf(user, a => a.DepartmentCode).SingleOrDefaultAsync(a => a.Code == code, cancellationToken);
            if (appointment is null) return DeskOutcome.NotFound;
            var now = clock.GetUtcNow().UtcDateTime;
            var outcome = await change(appointment, now);
            if (outcome != DeskOutcome.Done) return outcome;
            appointment.UpdatedAt = now;
            appointment.Revision++;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return DeskOutcome.Done;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    // Built with member initialisers (not a constructor) so that EF can still filter and sort on its members.
    private sealed class Row
    {
        public required Appointment Appointment { get; init; }
        public required LocalisedText CounterName { get; init; }
        public int SlotMinutes { get; init; }
        public required string Number { get; init; }
        public int Version { get; init; }
        public required LocalisedText Title { get; init; }
        public required string HolderName { get; init; }
    }

    private IQueryable<Row> Rows(ClaimsPrincipal user) =>
        from a in db.Set<Appointment>().AsNoTracking().InDepartmentOf(user, a => a.DepartmentCode)
        join c in db.Set<Counter>() on a.CounterCode equals c.Code
        join d in db.Set<IssuedDocument>() on a.DocumentId equals d.Id
        select new Row { Appointment = a, CounterName = c.Name, SlotMinutes = c.SlotMinutes, Number = d.Number, Version = d.Version, Title = d.Title, HolderName = d.HolderName };

    private DeskAppointment Show(Row row)
    {
        var a = row.Appointment;
        // The slot's own length is not stored with the appointment: the counter's current one is a fair guide.
        return new DeskAppointment(a.Code, a.CounterCode, row.CounterName, a.SlotStart, row.SlotMinutes, a.State, a.CheckedInAt, a.CollectedAt,
            row.Number, row.Version, row.Title, text.UnprotectOrNull(row.HolderName) ?? "");
    }
}
