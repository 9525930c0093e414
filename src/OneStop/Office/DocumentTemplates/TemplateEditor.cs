using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OneStop.Catalogue;
using OneStop.Documents;
using OneStop.Documents.Templates;
using OneStop.Forms.Store;
using OneStop.Identity.Staff;
using OneStop.Platform.Database;

namespace OneStop.Office.DocumentTemplates;

/// <summary>A service as the template editor works on it: its stored template (null when it issues nothing) and the questions its start form asks.</summary>
/// <param name="FieldIds">The ids of the answers the service's current start form asks; null when it has none to check against.</param>
/// <param name="CounterCodes">The codes of the counters there are: a template names the ones it can be collected at.</param>
public sealed record TemplateCopy(Service Service, DocumentDefinition? Definition, IReadOnlySet<string>? FieldIds, IReadOnlySet<string> CounterCodes)
{
    public string Slug => Service.Slug;
    public string DepartmentCode => Service.Department.Code;
}

/// <summary>A line of the editor's list: a service and whether it has a template.</summary>
public sealed record TemplateRow(string Slug, Catalogue.Service Service, bool HasTemplate, DateTime? UpdatedAt);

/// <summary>Finds the services a caller may edit templates of, checks a template against the service's form, and saves it.</summary>
public sealed class TemplateEditor(OneStopDb db, OneStop.Documents.Templates.DocumentTemplates templates, FormStore forms)
{
    /// <summary>
    /// A department administrator sees their department's services, each with or without a template; a platform
    /// administrator, who belongs to no department, the services of every department that have one.
    /// </summary>
    public async Task<IReadOnlyList<TemplateRow>> ListAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var stored = await db.Set<DocumentTemplate>().AsNoTracking().ToDictionaryAsync(t => t.ServiceSlug, t => t.UpdatedAt, cancellationToken);
        var slugs = stored.Keys.ToList();
        var services = db.Services.AsNoTracking().Include(s => s.Department);
        var listed = user.StaffRole() == StaffRole.PlatformAdmin
            ? await services.Where(s => slugs.Contains(s.Slug)).ToListAsync(cancellationToken)
            : await services.InDepartmentOf(user, s => s.Department.Code).ToListAsync(cancellationToken);
        return listed
            .Select(s => new TemplateRow(s.Slug, s, stored.ContainsKey(s.Slug), stored.TryGetValue(s.Slug, out var at) ? at : null))
            .OrderByDescending(r => r.HasTemplate).ThenBy(r => r.Service.Department.Code).ThenBy(r => r.Service.Name.Current, StringComparer.CurrentCulture)
            .ToList();
    }

    /// <summary>The service when the caller may edit its template (another department's is not found).</summary>
    public async Task<TemplateCopy?> LoadAsync(ClaimsPrincipal user, string slug, CancellationToken cancellationToken)
    {
        var services = db.Services.AsNoTracking().Include(s => s.Department);
        var visible = user.StaffRole() == StaffRole.PlatformAdmin ? services : services.InDepartmentOf(user, s => s.Department.Code);
        if (await visible.SingleOrDefaultAsync(s => s.Slug == slug, cancellationToken) is not { } service) return null;
        var form = service.StartFormId is null ? null : await forms.CurrentAsync(service.StartFormId, cancellationToken);
        var fields = form?.Definition.AllFields.Where(f => f.HasAnswer).Select(f => f.Id).ToHashSet();
        var counters = (await db.Set<Counter>().AsNoTracking().Select(c => c.Code).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        return new TemplateCopy(service, await templates.ForServiceAsync(slug, cancellationToken), fields, counters);
    }

    /// <summary>The answers the template names (as holder or a field's source) that the service's form does not ask, in order; none when there is no form to check with.</summary>
    public static IReadOnlyList<string> UnknownAnswers(DocumentDefinition definition, IReadOnlySet<string>? fieldIds)
    {
        if (fieldIds is null) return [];
        return new[] { definition.Holder }.Concat(definition.Fields.Select(f => f.From))
            .Where(from => from.StartsWith(DocumentSources.AnswerPrefix, StringComparison.Ordinal))
            .Select(from => from[DocumentSources.AnswerPrefix.Length..])
            .Where(id => !fieldIds.Contains(id))
            .Distinct().ToList();
    }

    /// <summary>The counters the template names that do not exist (a typo would leave holders with nowhere to collect), in order.</summary>
    public static IReadOnlyList<string> UnknownCounters(DocumentDefinition definition, IReadOnlySet<string> counterCodes) =>
        definition.Counters.Where(code => !counterCodes.Contains(code)).Distinct().ToList();

    public Task SaveAsync(TemplateCopy copy, DocumentDefinition definition, Guid? actorId, CancellationToken cancellationToken) =>
        templates.SaveAsync(copy.Slug, copy.DepartmentCode, definition, actorId, cancellationToken);
}
