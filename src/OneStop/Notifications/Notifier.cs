using Microsoft.EntityFrameworkCore;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;
using OneStop.Platform.Outbox;

namespace OneStop.Notifications;

/// <summary>A notification to send: which event, whose wording, to whom, about which case, with which values.</summary>
/// <param name="Event">Template key, e.g. <c>case.received</c> (see <see cref="NotificationEvents"/>).</param>
/// <param name="DepartmentCode">Whose templates apply; the platform's default when the department has none.</param>
/// <param name="UserId">The recipient's account; null for a guest.</param>
/// <param name="GuestEmail">The guest's address when <paramref name="UserId"/> is null.</param>
/// <param name="GuestLanguage">en, zh-HK or zh-CN, for guests (accounts use their preferred language).</param>
/// <param name="CaseId">Links the deliveries to a case, whose officers see their status.</param>
/// <param name="IdempotencyKey">Unique per logical notification (<c>case-event:{id}</c>); a repeat is ignored.</param>
/// <param name="Values">Placeholder values as plain text. <c>name:zh-HK</c> is used before <c>name</c> for that language;
/// a <c>link</c> starting with <c>/</c> becomes an absolute link in the recipient's language.</param>
public sealed record NotificationRequest(
    string Event,
    string DepartmentCode,
    Guid? UserId,
    string? GuestEmail,
    string GuestLanguage,
    Guid? CaseId,
    string IdempotencyKey,
    IReadOnlyDictionary<string, string> Values);

/// <summary>The one way other modules send notifications (scoped).</summary>
public sealed class Notifier(OneStopDb db, Outbox outbox, NotificationProtection protection, TimeProvider clock)
{
    /// <summary>The outbox topic whose handler sends.</summary>
    public const string Topic = "notifications.send";

    /// <summary>
    /// Adds the notification and its outbox message to the current unit of work, so it commits with the
    /// caller's change or not at all. Does not save. A request whose key was already used (saved, or added
    /// earlier in this unit of work) is ignored; two units of work racing with one key are settled by the
    /// unique index, which fails the second SaveChanges.
    /// </summary>
    public void Enqueue(NotificationRequest request)
    {
        var key = Check(request);
        if (db.Set<Notification>().Local.Any(n => n.IdempotencyKey == key)) return;
        // Synchronous for callers that cannot await; async code uses EnqueueAsync. One indexed lookup.
        if (db.Set<Notification>().AsNoTracking().Any(n => n.IdempotencyKey == key)) return;
        Add(request, key);
    }

    /// <summary>The same as <see cref="Enqueue"/>, without blocking a thread on the key's look-up.</summary>
    public async Task EnqueueAsync(NotificationRequest request, CancellationToken cancellationToken = default)
    {
        var key = Check(request);
        if (db.Set<Notification>().Local.Any(n => n.IdempotencyKey == key)) return;
        if (await db.Set<Notification>().AsNoTracking().AnyAsync(n => n.IdempotencyKey == key, cancellationToken)) return;
        Add(request, key);
    }

    private static string Check(NotificationRequest request)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Event);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.DepartmentCode);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.IdempotencyKey);
        if (request.UserId is null && string.IsNullOrWhiteSpace(request.GuestEmail))
            throw new ArgumentException("A notification needs an account or a guest's email address.", nameof(request));
        return request.IdempotencyKey.Trim();
    }

    private void Add(NotificationRequest request, string key)
    {
        var notification = new Notification
        {
            Id = Guid.CreateVersion7(),
            Event = request.Event.Trim(),
            DepartmentCode = request.DepartmentCode.Trim(),
            UserId = request.UserId,
            GuestEmail = request.UserId is null ? protection.Protect(request.GuestEmail!.Trim()) : null,
            GuestLanguage = (Languages.FromCulture(request.GuestLanguage) ?? Language.En).Tag(),
            CaseId = request.CaseId,
            IdempotencyKey = key,
            Values = protection.ProtectValues(request.Values),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(notification);
        outbox.Add(Topic, new NotificationQueued(notification.Id));
    }
}

/// <summary>The outbox payload: an identifier only, never personal data.</summary>
public sealed record NotificationQueued(Guid NotificationId);

/// <summary>A delivery as officers see it on a case.</summary>
public sealed record DeliveryView(string Channel, string Status, DateTime UpdatedAt, int Attempts, string? Failure);

/// <summary>Delivery status for case pages (scoped).</summary>
public sealed class NotificationDeliveries(OneStopDb db)
{
    /// <summary>Every delivery of the case's notifications, oldest first. Status is the lower-case name (pending, sent…).</summary>
    public async Task<IReadOnlyList<DeliveryView>> ForCaseAsync(Guid caseId, CancellationToken ct)
    {
        var rows = await (
            from n in db.Set<Notification>().AsNoTracking()
            join d in db.Set<NotificationDelivery>().AsNoTracking() on n.Id equals d.NotificationId
            where n.CaseId == caseId
            orderby d.CreatedAt, d.Channel
            select new { d.Channel, d.Status, d.UpdatedAt, d.Attempts, d.Failure }).ToListAsync(ct);
        return rows.Select(r => new DeliveryView(r.Channel, r.Status.ToString().ToLowerInvariant(), r.UpdatedAt, r.Attempts, r.Failure)).ToList();
    }
}
