using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneStop.Catalogue.Import;
using OneStop.Platform.Database;

namespace OneStop.Catalogue.Demo;

/// <summary>Section <c>Demo</c>.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Load the demo catalogue into an empty database. On for local runs, off in Production.</summary>
    public bool Seed { get; set; }
}

/// <summary>
/// Loads the demo catalogue (Catalogue/Demo/catalogue.json, written for OneStop) through the same importer
/// departments use, so the demo also proves the import path.
/// </summary>
public static class DemoCatalogue
{
    public static async Task SeedIfEmptyAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        if (!services.GetRequiredService<IOptions<DemoOptions>>().Value.Seed) return;
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDb>();
        if (await db.Services.AnyAsync(cancellationToken)) return;

        var result = await scope.ServiceProvider.GetRequiredService<ImportCatalogue>()
            .RunAsync(ReadFile(), CatalogueFormat.Json, progress: null, cancellationToken);
        if (!result.Imported)
            throw new InvalidOperationException("The demo catalogue is invalid: " + string.Join("; ", result.Errors));
        scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DemoCatalogue))
            .LogInformation("Loaded the demo catalogue: {Departments} departments, {Services} services", result.Departments, result.Services);
    }

    public static byte[] ReadFile()
    {
        using var stream = typeof(DemoCatalogue).Assembly.GetManifestResourceStream("OneStop.Catalogue.Demo.catalogue.json")!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
