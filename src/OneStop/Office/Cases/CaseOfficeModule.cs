namespace OneStop.Office.Cases;

/// <summary>Officers' pages for case processing (/office/cases): the work queue, the case page, files and the team view. See docs/cases/officers.md.</summary>
public static class CaseOfficeModule
{
    public static IServiceCollection AddCaseOffice(this IServiceCollection services)
    {
        services.AddScoped<CaseDirectory>();
        services.AddScoped<CaseReader>();
        services.AddScoped<CaseDocuments>();
        services.AddScoped<TeamReport>();
        return services;
    }
}
