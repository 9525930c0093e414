using Microsoft.EntityFrameworkCore;
using OneStop.Platform.Audit;
using OneStop.Platform.Database;

namespace OneStop.Documents.Templates;

/// <summary>Reads and saves services' document templates.</summary>
public sealed class DocumentTemplates(OneStopDb db, AuditLog audit, TimeProvider clock)
{
    /// <summary>The service's template, or null when it issues no document.</summary>
    public async Task<DocumentDefinition?> ForServiceAsync(string? serviceSlug, CancellationToken cancellationToken = default)
    {
        if (serviceSlug is null) return null;
        var json = await db.Set<DocumentTemplate>().AsNoTracking().Where(t => t.ServiceSlug == serviceSlug).Select(t => t.Definition).SingleOrDefaultAsync(cancellationToken);
        return json is null ? null : DocumentJson.Parse(json, out _);
    }

    /// <summary>Creates or replaces a service's template (already checked by <see cref="DocumentJson.Check"/>), audited.</summary>
    public async Task SaveAsync(string serviceSlug, string departmentCode, DocumentDefinition definition, Guid? actorId, CancellationToken cancellationToken = default)
    {
        var row = await db.Set<DocumentTemplate>().SingleOrDefaultAsync(t => t.ServiceSlug == serviceSlug, cancellationToken);
        if (row is null) db.Add(row = new DocumentTemplate { ServiceSlug = serviceSlug, DepartmentCode = departmentCode, Definition = "" });
        row.Definition = DocumentJson.Write(definition);
        row.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        row.UpdatedBy = actorId;
        audit.Record(DocumentAuditEvents.TemplateChanged, actorId, null, "document-template", serviceSlug, null, departmentCode);
        await db.SaveChangesAsync(cancellationToken);
    }
}
