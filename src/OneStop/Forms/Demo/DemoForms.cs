using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneStop.Catalogue.Demo;
using OneStop.Forms.Definitions;
using OneStop.Forms.Store;
using OneStop.Platform.Database;

namespace OneStop.Forms.Demo;

/// <summary>
/// Publishes the demo forms (embedded <c>Forms/Demo/*.json</c>) and links them to their demo services, so a
/// fresh local run has services people can apply for. Runs when a form is missing; never changes one that exists.
/// </summary>
public static class DemoForms
{
    /// <summary>Which service each demo form starts, the level it asks for, and whether guests may apply.</summary>
    internal static readonly (string Form, string Service, string Assurance, bool Guests)[] Links =
    [
        ("fehd-food-hygiene-report", "report-a-food-safety-or-hygiene-problem", "basic", true),
        ("fehd-general-restaurant-licence", "apply-for-a-general-restaurant-licence", "basic", false),
        // Prefilled, locked identity details and a signed declaration need a proved identity and a signing certificate.
        ("td-renew-full-driving-licence", "renew-full-driving-licence", "advanced", false),
        ("afcd-dog-or-cat-import-permit", "apply-for-a-permit-to-bring-in-a-dog-or-cat", "basic", false),
    ];

    public static async Task SeedIfMissingAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        // Like the demo catalogue: off when demo data is off, which is also how a database not yet migrated starts.
        if (!services.GetRequiredService<IOptions<DemoOptions>>().Value.Seed) return;
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDb>();
        var versions = scope.ServiceProvider.GetRequiredService<FormVersions>();
        var assembly = typeof(DemoForms).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("OneStop.Forms.Demo.", StringComparison.Ordinal)))
        {
            await using var stream = assembly.GetManifestResourceStream(name)!;
            var json = await new StreamReader(stream).ReadToEndAsync(cancellationToken);
            var definition = DefinitionJson.Parse(json, out var error) ?? throw new InvalidOperationException($"{name}: {error}");
            if (await db.Set<Form>().AnyAsync(f => f.Id == definition.Id, cancellationToken)) continue;
            // The demo catalogue may have been replaced by an import without this department.
            var problems = await versions.CheckAsync(definition, cancellationToken);
            if (problems.Count > 0) continue;
            await versions.SaveDraftAsync(definition, null, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await versions.PublishAsync(definition.Id, null, cancellationToken);
            foreach (var link in Links.Where(l => l.Form == definition.Id))
            {
                var service = await db.Services.SingleOrDefaultAsync(s => s.Slug == link.Service, cancellationToken);
                if (service is null) continue;
                (service.StartFormId, service.RequiredAssurance, service.AllowsGuests) = (link.Form, link.Assurance, link.Guests);
            }
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
