using Microsoft.EntityFrameworkCore;
using OneStop.Catalogue;
using OneStop.Forms.Definitions;
using OneStop.Platform.Audit;
using OneStop.Platform.Database;
using OneStop.Platform.Storage;

namespace OneStop.Forms.Store;

public static class FormEvents
{
    public const string DraftSaved = "form.draft-saved";
    public const string Published = "form.published";
    public const string Retired = "form.retired";
    public const string Submitted = "application.submitted";
}

/// <summary>
/// Changes to definitions. Editing never touches a published version: it writes the form's draft version
/// (making one after the newest if there is none), and publishing turns that draft into the current version.
/// Callers save the unit of work; the audit entries ride along.
/// </summary>
public sealed class FormVersions(OneStopDb db, AuditLog audit, TimeProvider clock)
{
    /// <summary>The problems that stop a definition being saved; empty when it may be.</summary>
    public async Task<List<DefinitionProblem>> CheckAsync(FormDefinition definition, CancellationToken cancellationToken = default)
    {
        var problems = DefinitionCheck.Check(definition, FileTypeNames.Known);
        if (!await db.Departments.AnyAsync(d => d.Code == definition.Department, cancellationToken))
            problems.Add(new("department", "unknownDepartment", definition.Department));
        return problems;
    }

    /// <summary>
    /// Writes the definition as the form's draft version and returns its number. A draft may still have
    /// problems (the editor saves work in progress); <see cref="PublishAsync"/> refuses one that does.
    /// </summary>
    public async Task<int> SaveDraftAsync(FormDefinition definition, Guid? by, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var form = await db.Set<Form>().Include(f => f.Versions).SingleOrDefaultAsync(f => f.Id == definition.Id, cancellationToken);
        if (form is null)
        {
            form = new Form { Id = definition.Id, DepartmentCode = definition.Department, Title = definition.Title.ToLocalised(), CreatedAt = now };
            db.Add(form);
        }
        else if (form.DepartmentCode != definition.Department)
        {
            throw new InvalidOperationException("A form stays with its department.");
        }
        var draft = form.Versions.SingleOrDefault(v => v.State == VersionState.Draft);
        if (draft is null)
        {
            draft = new FormVersion
            {
                FormId = form.Id,
                Version = form.Versions.Count == 0 ? 1 : form.Versions.Max(v => v.Version) + 1,
                State = VersionState.Draft,
                Definition = "",
                CreatedAt = now,
            };
            form.Versions.Add(draft);
        }
        draft.Definition = DefinitionJson.Write(definition);
        draft.CreatedBy = by;
        form.Title = definition.Title.ToLocalised();
        form.UpdatedAt = now;
        audit.Record(FormEvents.DraftSaved, by, null, "form", form.Id, $"version={draft.Version}", form.DepartmentCode);
        return draft.Version;
    }

    /// <summary>Makes the draft version current. False when there is no draft, or it has problems.</summary>
    public async Task<bool> PublishAsync(string formId, Guid? by, CancellationToken cancellationToken = default)
    {
        var form = await db.Set<Form>().Include(f => f.Versions).SingleOrDefaultAsync(f => f.Id == formId, cancellationToken);
        var draft = form?.Versions.SingleOrDefault(v => v.State == VersionState.Draft);
        if (form is null || draft is null) return false;
        if (DefinitionJson.Parse(draft.Definition, out _) is not { } definition || (await CheckAsync(definition, cancellationToken)).Count > 0) return false;
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var old in form.Versions.Where(v => v.State == VersionState.Published)) old.State = VersionState.Superseded;
        draft.State = VersionState.Published;
        draft.PublishedAt = now;
        form.PublishedVersion = draft.Version;
        form.RetiredAt = null;
        form.UpdatedAt = now;
        audit.Record(FormEvents.Published, by, null, "form", form.Id, $"version={draft.Version}", form.DepartmentCode);
        return true;
    }

    public async Task<bool> RetireAsync(string formId, Guid? by, CancellationToken cancellationToken = default)
    {
        var form = await db.Set<Form>().SingleOrDefaultAsync(f => f.Id == formId, cancellationToken);
        if (form is null || form.RetiredAt is not null) return false;
        form.RetiredAt = form.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record(FormEvents.Retired, by, null, "form", form.Id, null, form.DepartmentCode);
        return true;
    }
}
