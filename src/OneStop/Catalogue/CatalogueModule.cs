using OneStop.Catalogue.Api;
using OneStop.Catalogue.Demo;
using OneStop.Catalogue.Import;

namespace OneStop.Catalogue;

/// <summary>Departments, categories and services, their pages, search and the catalogue file.</summary>
public static class CatalogueModule
{
    public static IServiceCollection AddCatalogue(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CatalogueOptions>().Bind(configuration.GetSection(CatalogueOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DemoOptions>().Bind(configuration.GetSection(DemoOptions.Section));
        services.AddSingleton<CatalogueCache>();
        services.AddHostedService<CatalogueWarmUp>();
        services.AddHealthChecks().AddCheck<CatalogueReadyCheck>("catalogue", tags: ["ready"]);
        services.AddScoped<ImportCatalogue>();
        services.AddScoped<ExportCatalogue>();
        return services;
    }

    public static IEndpointRouteBuilder MapCatalogue(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/v1").MapServicesApi();
        return endpoints;
    }
}
