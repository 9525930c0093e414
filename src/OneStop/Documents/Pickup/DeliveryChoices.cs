using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OneStop.Documents.Appointments;
using OneStop.Platform.Audit;
using OneStop.Platform.Database;

namespace OneStop.Documents.Pickup;

public enum ChoiceOutcome { Saved, Stale, Refused }

/// <summary>
/// Saves how the holder will receive the paper document. The choice may change until the document is posted or
/// collected; a change is checked against the revision the holder saw (another tab, an officer posting it).
/// Leaving collection at a counter cancels the appointment to come and gives its seat back, in the same transaction.
/// </summary>
public sealed class DeliveryChoices(OneStopDb db, Bookings bookings, DocumentText protection, AuditLog audit, TimeProvider clock)
{
    /// <summary>A profile address has up to six lines (flat, building, estate, street, district, region); one typed in has four.</summary>
    public const int MaxLines = 6;
    public const int MaxLineLength = 100;

    public async Task<ChoiceOutcome> ChooseAsync(Guid holderId, HolderDocument target, DeliveryMethod method, IReadOnlyList<string>? address, int revision, CancellationToken cancellationToken = default)
    {
        if (!target.MayChoose || !target.Offers.Contains(method)) return ChoiceOutcome.Refused;
        if (method == DeliveryMethod.Post && address is not { Count: > 0 and <= MaxLines }) throw new ArgumentException("Post needs one to six address lines.", nameof(address));
        var documentId = target.Document.Id;
        var now = clock.GetUtcNow().UtcDateTime;
        var stored = method == DeliveryMethod.Post ? protection.Protect(JsonSerializer.Serialize(address)) : null;
        var current = method == DeliveryMethod.Counter ? null : await bookings.CurrentAsync(target.Delivery, cancellationToken);
        if (current is { State: AppointmentState.CheckedIn }) return ChoiceOutcome.Refused;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (current is not null) await bookings.ReleaseSeatAsync(current.CounterCode, DateTime.SpecifyKind(current.SlotStart, DateTimeKind.Utc), cancellationToken);
        if (target.Delivery is null)
        {
            if (revision != 0) return ChoiceOutcome.Stale;
            // Revision 1: the page of a document with no choice yet posts 0, so it cannot overwrite a first choice made meanwhile.
            db.Add(new DocumentDelivery { DocumentId = documentId, Method = method, Address = stored, ChosenAt = now, Revision = 1 });
        }
        else
        {
            var keepAppointment = method == DeliveryMethod.Counter;
            var changed = await db.Set<DocumentDelivery>()
                .Where(d => d.DocumentId == documentId && d.Revision == revision && d.PostedAt == null && d.CollectedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.Method, method).SetProperty(d => d.Address, stored).SetProperty(d => d.ChosenAt, now)
                    .SetProperty(d => d.AppointmentId, d => keepAppointment ? d.AppointmentId : null).SetProperty(d => d.Revision, d => d.Revision + 1), cancellationToken);
            if (changed == 0) return ChoiceOutcome.Stale;
        }
        if (current is not null && !await bookings.MarkCancelledAsync(current, holderId, cancellationToken)) return ChoiceOutcome.Stale;
        var document = target.Document;
        audit.Record(DocumentAuditEvents.DeliveryChosen, holderId, holderId, "document", $"{document.Number} v{document.Version}",
            "method=" + method.ToString().ToLowerInvariant(), document.DepartmentCode);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A first choice saved at the same moment in another tab: this one saw no choice, so it is stale.
            return ChoiceOutcome.Stale;
        }
        await transaction.CommitAsync(cancellationToken);
        return ChoiceOutcome.Saved;
    }

    /// <summary>The postal address as saved, in lines; empty when none.</summary>
    public IReadOnlyList<string> AddressOf(DocumentDelivery? delivery) =>
        delivery?.Address is { } stored ? JsonSerializer.Deserialize<string[]>(protection.UnprotectOrNull(stored)!) ?? [] : [];
}
