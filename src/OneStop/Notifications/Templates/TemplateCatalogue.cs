using Microsoft.EntityFrameworkCore;
using OneStop.Platform.Audit;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;

namespace OneStop.Notifications.Templates;

/// <summary>Where a template's wording came from.</summary>
public enum TemplateSource { BuiltIn, Platform, Department }

/// <summary>The wording in force for an event and language, and where it came from.</summary>
public sealed record EffectiveTemplate(TemplateText Text, TemplateSource Source);

/// <summary>
/// Finds the wording in force: the department's rows, else the platform's, else the built-in
/// <see cref="DefaultTemplates"/>; within a scope a channel's own row (<c>sms</c>, <c>email</c>, <c>inbox</c>)
/// before the shared one. The editor saves a scope's shared and SMS rows together, so one scope is never half-used.
/// </summary>
public sealed class TemplateCatalogue(OneStopDb db, AuditLog audit, TimeProvider clock)
{
    /// <summary>The wording for <paramref name="channel"/>: (subject, body). Null when the event is unknown everywhere.</summary>
    public async Task<(string Subject, string Body)?> ForChannelAsync(string department, string @event, Language language, string channel, CancellationToken cancellationToken)
    {
        var rows = await RowsAsync(department, @event, language, cancellationToken);
        foreach (var scope in new[] { department, null })
        {
            var own = rows.FirstOrDefault(r => r.DepartmentCode == scope && r.Channel == channel)
                ?? rows.FirstOrDefault(r => r.DepartmentCode == scope && r.Channel == NotificationChannels.Shared);
            if (own is not null) return (own.Subject ?? SharedSubject(rows, scope) ?? "", own.Body);
        }
        if (DefaultTemplates.For(@event, language) is not { } builtIn) return null;
        return channel == NotificationChannels.Sms ? (builtIn.Subject, builtIn.Sms) : (builtIn.Subject, builtIn.Body);
    }

    /// <summary>
    /// What a scope (a department, or the platform when <paramref name="department"/> is null) currently sends:
    /// its own rows, else what it inherits. Null for an unknown event.
    /// </summary>
    public async Task<EffectiveTemplate?> ForScopeAsync(string? department, string @event, Language language, CancellationToken cancellationToken)
    {
        var rows = await RowsAsync(department, @event, language, cancellationToken);
        foreach (var scope in department is null ? new string?[] { null } : [department, null])
        {
            var shared = rows.FirstOrDefault(r => r.DepartmentCode == scope && r.Channel == NotificationChannels.Shared);
            var sms = rows.FirstOrDefault(r => r.DepartmentCode == scope && r.Channel == NotificationChannels.Sms);
            if (shared is null && sms is null) continue;
            var inherited = scope is null ? DefaultTemplates.For(@event, language) : null;
            var text = new TemplateText(shared?.Subject ?? inherited?.Subject ?? "", shared?.Body ?? inherited?.Body ?? "", sms?.Body ?? inherited?.Sms ?? "");
            return new EffectiveTemplate(text, scope is null ? TemplateSource.Platform : TemplateSource.Department);
        }
        return DefaultTemplates.For(@event, language) is { } builtIn ? new EffectiveTemplate(builtIn, TemplateSource.BuiltIn) : null;
    }

    /// <summary>Which (event, language) pairs a scope has its own rows for.</summary>
    public async Task<IReadOnlySet<(string Event, string Language)>> OverridesAsync(string? department, CancellationToken cancellationToken)
    {
        var rows = await db.Set<NotificationTemplate>().AsNoTracking()
            .Where(t => t.DepartmentCode == department)
            .Select(t => new { t.Event, t.Language }).ToListAsync(cancellationToken);
        return rows.Select(r => (r.Event, r.Language)).ToHashSet();
    }

    /// <summary>Saves a scope's wording (shared subject and body, SMS text) with its audit entry.</summary>
    public async Task SaveAsync(string? department, string @event, Language language, TemplateText text, Guid? actor, CancellationToken cancellationToken)
    {
        var tag = language.Tag();
        var now = clock.GetUtcNow().UtcDateTime;
        var existing = await db.Set<NotificationTemplate>()
            .Where(t => t.DepartmentCode == department && t.Event == @event && t.Language == tag).ToListAsync(cancellationToken);
        foreach (var (channel, subject, body) in new[] { (NotificationChannels.Shared, (string?)text.Subject, text.Body), (NotificationChannels.Sms, null, text.Sms) })
        {
            var row = existing.FirstOrDefault(t => t.Channel == channel);
            if (row is null)
            {
                row = new NotificationTemplate { Id = Guid.NewGuid(), DepartmentCode = department, Event = @event, Language = tag, Channel = channel, Body = body };
                db.Add(row);
            }
            (row.Subject, row.Body, row.UpdatedAt, row.UpdatedBy) = (subject, body, now, actor);
        }
        audit.Record(NotificationAuditEvents.TemplateEdited, actor, null, "notification-template", $"{department ?? "*"}:{@event}:{tag}", departmentCode: department);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Removes a scope's own wording, so it inherits again.</summary>
    public async Task ResetAsync(string? department, string @event, Language language, Guid? actor, CancellationToken cancellationToken)
    {
        var tag = language.Tag();
        var rows = await db.Set<NotificationTemplate>()
            .Where(t => t.DepartmentCode == department && t.Event == @event && t.Language == tag).ToListAsync(cancellationToken);
        if (rows.Count == 0) return;
        db.RemoveRange(rows);
        audit.Record(NotificationAuditEvents.TemplateReset, actor, null, "notification-template", $"{department ?? "*"}:{@event}:{tag}", departmentCode: department);
        await db.SaveChangesAsync(cancellationToken);
    }

    private Task<List<NotificationTemplate>> RowsAsync(string? department, string @event, Language language, CancellationToken cancellationToken)
    {
        var tag = language.Tag();
        return db.Set<NotificationTemplate>().AsNoTracking()
            .Where(t => t.Event == @event && t.Language == tag && (t.DepartmentCode == null || t.DepartmentCode == department))
            .ToListAsync(cancellationToken);
    }

    // An SMS row has no subject; the email/inbox subject of the same scope stands for it.
    private static string? SharedSubject(List<NotificationTemplate> rows, string? scope) =>
        rows.FirstOrDefault(r => r.DepartmentCode == scope && r.Channel == NotificationChannels.Shared)?.Subject;
}
