using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using OneStop.Forms.Filling;
using OneStop.Platform.Database;

namespace OneStop.Forms.Api;

/// <summary>What the submissions API needs to know of a form before it checks the answers.</summary>
public sealed record PublishedForm(int? PublishedVersion, bool Retired, string DepartmentCode, IReadOnlyList<StartedService> Services);

public sealed record StartedService(string Slug, bool AllowsGuests);

/// <summary>
/// A per-node cache of each form's published version, department, retirement and the services it starts, kept
/// for <see cref="FormsOptions.PublishedFormCache"/> (singleton). A machine client's first attempt is then checked
/// and stored without a query before the insert. A form published, retired or rewired to a service in the back
/// office or by an import on another node is seen here within that time; a version published in that window
/// takes submissions a few seconds after it would otherwise, and the version they are pinned to is the one they
/// were checked against either way. A change saved on this node is seen at once (<see cref="PublishedFormsChanges"/>).
/// </summary>
public sealed class PublishedForms(IOptions<FormsOptions> options, TimeProvider clock)
{
    private sealed record Entry(PublishedForm? Form, DateTimeOffset Until);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>The form's facts, or null when there is no form with this id (also cached: a wrong id is not a query per request).</summary>
    public async Task<PublishedForm?> GetAsync(OneStopDb db, string formId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_entries.TryGetValue(formId, out var cached) && cached.Until > now) return cached.Form;
        var form = await db.Set<Form>().AsNoTracking().Where(f => f.Id == formId).Select(f => new
        {
            f.PublishedVersion,
            Retired = f.RetiredAt != null,
            f.DepartmentCode,
            Services = db.Services.Where(s => s.StartFormId == f.Id).OrderBy(s => s.Id).Select(s => new StartedService(s.Slug, s.AllowsGuests)).ToList(),
        }).SingleOrDefaultAsync(cancellationToken);
        var facts = form is null ? null : new PublishedForm(form.PublishedVersion, form.Retired, form.DepartmentCode, form.Services);
        var lifetime = options.Value.PublishedFormCache;
        // Bounded by the number of forms; unknown ids are kept only while the map is small, so a scan of made-up ids cannot grow it.
        if (lifetime > TimeSpan.Zero && (facts is not null || _entries.Count < 10_000)) _entries[formId] = new Entry(facts, now + lifetime);
        return facts;
    }

    public void Clear() => _entries.Clear();
}

/// <summary>
/// Empties <see cref="PublishedForms"/> when this node saves a form or a service (publish, retire, a service's
/// start form or guest setting), before and after the commit, so a request that read the old row in between
/// does not keep it.
/// </summary>
internal sealed class PublishedFormsChanges(PublishedForms forms) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, object> _saving = [];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Saving(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Saving(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    private void Saving(DbContext? context)
    {
        if (context is null || !Changes<Form>(context) && !Changes<Catalogue.Service>(context)) return;
        forms.Clear();
        _saving.AddOrUpdate(context, this);
    }

    // Only these entries are scanned for changes (SaveChanges scans them all just after): a group commit of hundreds of rows stays cheap.
    private static bool Changes<T>(DbContext context) where T : class
    {
        var tracker = context.ChangeTracker;
        var detecting = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var entry in tracker.Entries<T>())
            {
                entry.DetectChanges();
                if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted) return true;
            }
            return false;
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detecting;
        }
    }

    private void Saved(DbContext? context)
    {
        if (context is not null && _saving.Remove(context)) forms.Clear();
    }
}
