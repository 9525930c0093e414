using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using OneStop.Catalogue;
using OneStop.Platform.Localisation;

namespace OneStop.Insights;

public sealed record DepartmentDigitisation(string Department, string Name, int Services, int Online, int ESubmission,
    int EPayment, int EDelivery, int SignIn, double OnlineShare);

public sealed record DigitisationResponse(int Services, int Online, int ESubmission, int EPayment, int EDelivery, int SignIn,
    double OnlineShare, double Target, IReadOnlyList<DepartmentDigitisation> ByDepartment);

/// <summary>Figures about how much of government is online, for the public.</summary>
public static class InsightsModule
{
    public static IServiceCollection AddInsights(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapInsights(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/v1/insights/digitisation", async Task<Results<Ok<DigitisationResponse>, ValidationProblem>> (
                CatalogueCache cache, CancellationToken cancellationToken,
                [Description(ApiLanguage.Description)] string? lang = null) =>
            {
                if (ApiLanguage.Problem(lang) is { } langErrors) return TypedResults.ValidationProblem(langErrors);
                var report = Digitisation.Measure(await cache.GetAsync(cancellationToken));
                var o = report.Overall;
                var language = Languages.Current;
                return TypedResults.Ok(new DigitisationResponse(o.Services, o.Online, o.ESubmission, o.EPayment, o.EDelivery, o.SignIn,
                    Math.Round(o.Share(o.Online), 4), 1.0,
                    report.ByDepartment.Select(d => new DepartmentDigitisation(d.Department.Code, d.Department.Name[language],
                        d.Figures.Services, d.Figures.Online, d.Figures.ESubmission, d.Figures.EPayment, d.Figures.EDelivery,
                        d.Figures.SignIn, Math.Round(d.Figures.Share(d.Figures.Online), 4))).ToList()));
            })
            .WithTags("Insights").WithName("GetDigitisation")
            .WithSummary("How many live services offer each digital channel, overall and by department.");
        return endpoints;
    }
}
