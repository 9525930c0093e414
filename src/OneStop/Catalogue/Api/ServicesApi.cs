using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;

namespace OneStop.Catalogue.Api;

public sealed record ServiceListItem(string Slug, string Name, string Summary, string Department, string DepartmentName,
    string Status, string Url, IReadOnlyList<string> Channels);

public sealed record FacetItem(string Value, string Name, int Count);

public sealed record CategoryFacetItem(string Value, string Name, string Facet, int Count);

public sealed record ServiceFacets(IReadOnlyList<FacetItem> Departments, IReadOnlyList<CategoryFacetItem> Categories, IReadOnlyList<FacetItem> Channels);

/// <param name="CorrectedQuery">What the search took a mistyped query for ("pasport" → "passport"), else null.</param>
public sealed record ServiceList(int Total, int Page, int PageSize, IReadOnlyList<ServiceListItem> Items, ServiceFacets Facets, string? CorrectedQuery);

public sealed record CategoryRef(string Slug, string Facet, string Name);

public sealed record DepartmentRef(string Code, string Name, string? Email, string? Phone, string? Website);

public sealed record ServiceDetail(string Slug, string Language, string Name, string Summary, string BodyHtml,
    string Eligibility, string Fees, DepartmentRef Department, IReadOnlyList<CategoryRef> Categories,
    IReadOnlyList<string> Channels, bool Online, string Status, int? PledgedWorkingDays, string? ExternalUrl, string Url,
    StartFormRef? StartForm);

/// <summary>The form an online application for the service starts with (Forms API); null when there is none taking applications.</summary>
public sealed record StartFormRef(string Id, int Version, string Url);

/// <summary>GET /api/v1/services and /api/v1/services/{slug}.</summary>
public static class ServicesApi
{

    public static RouteGroupBuilder MapServicesApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/services").WithTags("Catalogue");
        group.MapGet("/", List).WithName("ListServices")
            .WithSummary("Search and filter services; without q, lists them by use.");
        group.MapGet("/{slug}", Get).WithName("GetService").WithSummary("One service in the requested language.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    // Page numbers arrive as text so that a bad one gets our own problem details, not a framework error.
    private static async Task<Results<Ok<ServiceList>, ValidationProblem>> List(
        HttpRequest request, CatalogueCache cache, Text text, CancellationToken cancellationToken,
        [Description("Words to search for, in English, Traditional or Simplified Chinese; up to 200 characters.")] string? q = null,
        [Description(ApiLanguage.Description)] string? lang = null,
        [Description("A department code, e.g. TD.")] string? department = null,
        [Description("A category slug (topic, life event or audience), e.g. transport; repeat it to require several.")] string[]? category = null,
        [Description("One of online-submission, e-payment, e-delivery, sign-in, counter.")] string? channel = null,
        [Description("Page number, a whole number from 1; default 1.")] string? page = null,
        [Description("Results a page, a whole number from 1 to 100; default 20.")] string? pageSize = null)
    {
        var snapshot = await cache.GetAsync(cancellationToken);
        var (query, errors) = ServiceQueryParser.Parse(snapshot, q, department, category, channel, page, pageSize);
        if (ApiLanguage.Problem(lang) is { } langErrors) errors["lang"] = langErrors["lang"];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var language = Languages.Current;
        var results = SearchServices.Run(snapshot, query);
        var items = results.Items.Select(s => new ServiceListItem(s.Slug, s.Name[language], s.Summary[language],
            s.Department.Code, s.Department.Name[language], s.Status.StatusName(),
            ServiceUrl(request, language, s.Slug), s.Channels.Names())).ToList();
        var facets = new ServiceFacets(
            results.Departments.Select(f => new FacetItem(f.Value.Code, f.Value.Name[language], f.Count)).ToList(),
            results.Categories.Select(f => new CategoryFacetItem(f.Value.Slug, f.Value.Name[language], f.Value.Facet.FacetName(), f.Count)).ToList(),
            results.Channels.Select(f => new FacetItem(f.Value.Name(), text.Get(language, "channel." + f.Value.Name()), f.Count)).ToList());
        return TypedResults.Ok(new ServiceList(results.Total, query.Page, query.PageSize, items, facets, results.Correction));
    }

    private static async Task<Results<Ok<ServiceDetail>, ProblemHttpResult, ValidationProblem>> Get(
        [Description("The service's slug, e.g. renew-a-driving-licence.")] string slug, HttpRequest request, OneStopDb db,
        CancellationToken cancellationToken, [Description(ApiLanguage.Description)] string? lang = null)
    {
        if (ApiLanguage.Problem(lang) is { } langErrors) return TypedResults.ValidationProblem(langErrors);
        var service = await ServiceDetails.FindAsync(db, slug, cancellationToken);
        if (service is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Service not found",
                detail: $"There is no service with the slug '{slug}'.");

        var l = Languages.Current;
        var startVersion = service.StartFormId is null ? null : await db.Set<Forms.Form>().AsNoTracking()
            .Where(f => f.Id == service.StartFormId && f.RetiredAt == null).Select(f => f.PublishedVersion).SingleOrDefaultAsync(cancellationToken);
        return TypedResults.Ok(new ServiceDetail(service.Slug, l.Tag(), service.Name[l], service.Summary[l], service.BodyHtml[l],
            service.Eligibility[l], service.Fees[l],
            new DepartmentRef(service.Department.Code, service.Department.Name[l], service.Department.Email, service.Department.Phone, service.Department.Website),
            service.Categories.Select(c => new CategoryRef(c.Slug, c.Facet.FacetName(), c.Name[l])).ToList(),
            service.Channels.Names(), service.Channels.IsOnline(), service.Status.StatusName(), service.PledgedWorkingDays,
            service.ExternalUrl, ServiceUrl(request, l, service.Slug),
            startVersion is { } v ? new StartFormRef(service.StartFormId!, v, Forms.Api.FormsApi.Url(request, $"/api/v1/forms/{service.StartFormId}")) : null));
    }

    private static string ServiceUrl(HttpRequest request, Language language, string slug) =>
        $"{request.Scheme}://{request.Host}{request.PathBase}{language.PathPrefix()}/services/{Uri.EscapeDataString(slug)}";
}
