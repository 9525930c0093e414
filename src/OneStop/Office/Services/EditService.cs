using Microsoft.EntityFrameworkCore;
using OneStop.Catalogue;
using OneStop.Platform.Audit;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;

namespace OneStop.Office.Services;

/// <summary>What a department administrator may change on a service in the back office.</summary>
public sealed record ServiceChanges(LocalisedText Name, LocalisedText Summary, LocalisedText Fees, ServiceStatus Status, Channels Channels,
    string? StartFormId, string RequiredAssurance, bool AllowsGuests);

/// <summary>A problem with one field of the edit form: the field, a string key and its argument.</summary>
public sealed record ServiceFieldError(string Field, string Key, object? Argument = null);

/// <summary>
/// Edits a service with the catalogue file's rules (docs/catalogue-format.md): names and summaries in
/// all three languages, fees in all three or none, at least one channel. Saving bumps the catalogue
/// revision in the same transaction, as an import does, so every node's search picks the change up.
/// </summary>
public sealed class EditService(OneStopDb db, AuditLog audit, CatalogueCache cache, TimeProvider clock)
{
    public static readonly string[] LanguageSuffixes = ["En", "ZhHk", "ZhCn"];

    public static List<ServiceFieldError> Check(ServiceChanges changes)
    {
        var errors = new List<ServiceFieldError>();
        Required("Name", changes.Name, CatalogueLimits.Name, errors);
        Required("Summary", changes.Summary, CatalogueLimits.Summary, errors);
        if (!changes.Fees.IsEmpty) Required("Fees", changes.Fees, CatalogueLimits.Fees, errors);
        if (changes.Channels == Channels.None) errors.Add(new("Channels", "office.service.error.channelsMissing"));
        return errors;
    }

    private static void Required(string field, LocalisedText text, int maxLength, List<ServiceFieldError> errors)
    {
        string[] values = [text.En, text.ZhHk, text.ZhCn];
        for (var i = 0; i < values.Length; i++)
        {
            var name = field + LanguageSuffixes[i];
            if (values[i].Length == 0) errors.Add(new(name, $"office.service.error.{field.ToLowerInvariant()}Missing." + LanguageSuffixes[i]));
            else if (values[i].Length > maxLength) errors.Add(new(name, "office.service.error.tooLong", maxLength));
        }
    }

    public async Task SaveAsync(Service service, ServiceChanges changes, Guid? actorId, CancellationToken cancellationToken)
    {
        var changed = new List<string>();
        if (service.Name != changes.Name) changed.Add("name");
        if (service.Summary != changes.Summary) changed.Add("summary");
        if (service.Fees != changes.Fees) changed.Add("fees");
        if (service.Status != changes.Status) changed.Add("status");
        if (service.Channels != changes.Channels) changed.Add("channels");
        if (service.StartFormId != changes.StartFormId) changed.Add("startForm");
        if (service.RequiredAssurance != changes.RequiredAssurance) changed.Add("assurance");
        if (service.AllowsGuests != changes.AllowsGuests) changed.Add("guests");
        if (changed.Count == 0) return;

        (service.Name, service.Summary, service.Fees, service.Status, service.Channels) =
            (changes.Name, changes.Summary, changes.Fees, changes.Status, changes.Channels);
        (service.StartFormId, service.RequiredAssurance, service.AllowsGuests) = (changes.StartFormId, changes.RequiredAssurance, changes.AllowsGuests);
        service.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record(OfficeEvents.ServiceEdited, actorId, null, "service", service.Slug, string.Join(",", changed), service.Department.Code);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await db.CatalogueRevisions.Where(r => r.Id == 1).ExecuteUpdateAsync(r => r.SetProperty(x => x.Value, x => x.Value + 1), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        cache.Invalidate();
    }
}
