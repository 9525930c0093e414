using Microsoft.EntityFrameworkCore;
using OneStop.Catalogue;
using OneStop.Catalogue.Import;
using OneStop.Office.Services;
using OneStop.Platform.Audit;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;

namespace OneStop.Office.Departments;

/// <summary>What a platform administrator gives for a department: names in three languages and optional contacts.</summary>
public sealed record DepartmentDetails(LocalisedText Name, string? Email, string? Phone, string? Website);

/// <summary>
/// Adds and edits departments with the catalogue file's rules (CatalogueValidator): a code of 2 to 6
/// capital letters or digits, names in all three languages, an email with an @, an https:// website,
/// and the column lengths. Saving bumps the catalogue revision in the same transaction, as an import
/// and a service edit do, so the public department pages and search on every node pick it up.
/// </summary>
public sealed class DepartmentEditor(OneStopDb db, AuditLog audit, CatalogueCache cache)
{
    /// <summary>Trimmed, upper-case: the form forgives "td " for "TD".</summary>
    public static string NormaliseCode(string? code) => (code ?? "").Trim().ToUpperInvariant();

    public async Task<List<ServiceFieldError>> CheckCodeAsync(string code, CancellationToken cancellationToken)
    {
        if (code.Length == 0) return [new("Code", "office.department.error.codeMissing")];
        if (!CatalogueValidator.IsDepartmentCode(code)) return [new("Code", "office.department.error.codeFormat")];
        if (await db.Departments.AnyAsync(d => d.Code == code, cancellationToken)) return [new("Code", "office.department.error.codeTaken", code)];
        return [];
    }

    public static List<ServiceFieldError> Check(DepartmentDetails details)
    {
        var errors = new List<ServiceFieldError>();
        string[] names = [details.Name.En, details.Name.ZhHk, details.Name.ZhCn];
        for (var i = 0; i < names.Length; i++)
        {
            var field = "Name" + EditService.LanguageSuffixes[i];
            if (names[i].Length == 0) errors.Add(new(field, "office.service.error.nameMissing." + EditService.LanguageSuffixes[i]));
            else if (names[i].Length > CatalogueLimits.Name) errors.Add(new(field, "office.service.error.tooLong", CatalogueLimits.Name));
        }
        if (details.Email is { } email)
        {
            if (!email.Contains('@')) errors.Add(new("Email", "office.department.error.email"));
            else if (email.Length > CatalogueLimits.Email) errors.Add(new("Email", "office.service.error.tooLong", CatalogueLimits.Email));
        }
        if (details.Phone is { Length: > CatalogueLimits.Phone }) errors.Add(new("Phone", "office.service.error.tooLong", CatalogueLimits.Phone));
        if (details.Website is { } website)
        {
            if (!CatalogueValidator.IsHttpsUrl(website)) errors.Add(new("Website", "office.department.error.website"));
            else if (website.Length > CatalogueLimits.Website) errors.Add(new("Website", "office.service.error.tooLong", CatalogueLimits.Website));
        }
        return errors;
    }

    public async Task AddAsync(string code, DepartmentDetails details, Guid? actorId, CancellationToken cancellationToken)
    {
        db.Departments.Add(new Department { Code = code, Name = details.Name, Email = details.Email, Phone = details.Phone, Website = details.Website });
        audit.Record(OfficeEvents.DepartmentAdded, actorId, null, "department", code, null, code);
        await SaveAsync(cancellationToken);
    }

    /// <summary>Saves what changed; nothing changed, nothing saved or audited.</summary>
    public async Task EditAsync(Department department, DepartmentDetails details, Guid? actorId, CancellationToken cancellationToken)
    {
        var changed = new List<string>();
        if (department.Name != details.Name) changed.Add("name");
        if (department.Email != details.Email) changed.Add("email");
        if (department.Phone != details.Phone) changed.Add("phone");
        if (department.Website != details.Website) changed.Add("website");
        if (changed.Count == 0) return;

        (department.Name, department.Email, department.Phone, department.Website) = (details.Name, details.Email, details.Phone, details.Website);
        audit.Record(OfficeEvents.DepartmentEdited, actorId, null, "department", department.Code, string.Join(",", changed), department.Code);
        await SaveAsync(cancellationToken);
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await db.CatalogueRevisions.Where(r => r.Id == 1).ExecuteUpdateAsync(r => r.SetProperty(x => x.Value, x => x.Value + 1), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        cache.Invalidate();
    }
}
