using System.ComponentModel;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OneStop.Forms.Definitions;
using OneStop.Forms.Store;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;

namespace OneStop.Forms.Api;

/// <summary>
/// GET /api/v1/forms, a form's current definition, a version's definition and the JSON Schema of its answers;
/// submissions are in <see cref="SubmissionsApi"/>. See docs/forms/api.md.
/// </summary>
public static class FormsApi
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public static IEndpointRouteBuilder MapFormsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/forms").WithTags("Forms");
        group.MapGet("/", List).WithName("ListForms")
            .WithSummary("Published forms that take applications, by id; filter by department.");
        group.MapGet("/{id}", Current).WithName("GetForm")
            .WithSummary("The form's current definition (the version people fill in now).")
            .ProducesProblem(StatusCodes.Status404NotFound).Produces(StatusCodes.Status304NotModified);
        group.MapGet("/{id}/versions/{version}", Version).WithName("GetFormVersion")
            .WithSummary("One published or superseded version's definition; versions never change, so it may be cached.")
            .ProducesProblem(StatusCodes.Status404NotFound).Produces(StatusCodes.Status304NotModified);
        group.MapGet("/{id}/versions/{version}/schema", Schema).WithName("GetFormVersionSchema")
            .WithSummary("JSON Schema (draft 2020-12) of the answers object of a valid submission to this version.")
            .Produces<JsonObject>(StatusCodes.Status200OK, SubmissionSchema.MediaType)
            .ProducesProblem(StatusCodes.Status404NotFound).Produces(StatusCodes.Status304NotModified);
        group.MapSubmissionsApi();
        return endpoints;
    }

    // Numbers arrive as text so that a bad one gets our own problem details, not a framework error.
    private static async Task<Results<Ok<FormList>, ValidationProblem>> List(HttpRequest request, OneStopDb db,
        ParsedDefinitions parsed, CancellationToken cancellationToken,
        [Description("A department code, e.g. FEHD.")] string? department = null,
        [Description("Page number, a whole number from 1; default 1.")] string? page = null,
        [Description("Results a page, a whole number from 1 to 100; default 20.")] string? pageSize = null,
        [Description(ApiLanguage.Description)] string? lang = null)
    {
        var errors = ApiLanguage.Problem(lang) ?? [];
        var pageNumber = Whole(page, 1, int.MaxValue / MaxPageSize, 1, "page", errors);
        var size = Whole(pageSize, 1, MaxPageSize, DefaultPageSize, "pageSize", errors);
        var code = department?.Trim().ToUpperInvariant();
        if (!string.IsNullOrEmpty(code) && !await db.Departments.AnyAsync(d => d.Code == code, cancellationToken))
            errors["department"] = [$"There is no department with the code '{department}'."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var forms = db.Set<Form>().AsNoTracking().Where(f => f.PublishedVersion != null && f.RetiredAt == null);
        if (!string.IsNullOrEmpty(code)) forms = forms.Where(f => f.DepartmentCode == code);
        var total = await forms.CountAsync(cancellationToken);
        var rows = await forms.OrderBy(f => f.Id).Skip((pageNumber - 1) * size).Take(size)
            .Select(f => new { f.Id, f.DepartmentCode, Version = f.PublishedVersion!.Value })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var services = (await db.Services.AsNoTracking().Where(s => s.StartFormId != null && ids.Contains(s.StartFormId))
                .Select(s => new { s.StartFormId, s.Slug }).ToListAsync(cancellationToken))
            .ToLookup(s => s.StartFormId!, s => s.Slug);

        var items = new List<FormListItem>(rows.Count);
        foreach (var row in rows)
        {
            // The title of the published version, not Form.Title: that follows the draft being edited.
            var definition = await parsed.GetAsync(db, row.Id, row.Version, cancellationToken);
            if (definition is null) continue;
            items.Add(new FormListItem(row.Id, TrilingualText.From(definition.Title), row.DepartmentCode, row.Version,
                services[row.Id].Order(StringComparer.Ordinal).ToList(), Url(request, $"/api/v1/forms/{row.Id}")));
        }
        return TypedResults.Ok(new FormList(total, pageNumber, size, items));
    }

    private static async Task<Results<Ok<FormVersionResponse>, StatusCodeHttpResult, ProblemHttpResult, ValidationProblem>> Current(
        [Description("The form's id, e.g. fehd-food-hygiene-report.")] string id, HttpContext context, OneStopDb db,
        CancellationToken cancellationToken, [Description(ApiLanguage.Description)] string? lang = null)
    {
        if (ApiLanguage.Problem(lang) is { } langErrors) return TypedResults.ValidationProblem(langErrors);
        var version = await db.Set<Form>().AsNoTracking().Where(f => f.Id == id && f.RetiredAt == null)
            .Select(f => f.PublishedVersion).SingleOrDefaultAsync(cancellationToken);
        if (version is null) return FormNotFound(id);
        // A new version may be published at any time: cache, but ask again every time.
        return await VersionResultAsync(context, db, id, version.Value, "public, no-cache", cancellationToken);
    }

    private static async Task<Results<Ok<FormVersionResponse>, StatusCodeHttpResult, ProblemHttpResult, ValidationProblem>> Version(
        [Description("The form's id.")] string id, [Description("The version number, from 1.")] string version,
        HttpContext context, OneStopDb db, CancellationToken cancellationToken, [Description(ApiLanguage.Description)] string? lang = null)
    {
        if (ApiLanguage.Problem(lang) is { } langErrors) return TypedResults.ValidationProblem(langErrors);
        if (!int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var number)) return VersionNotFound(id, version);
        return await VersionResultAsync(context, db, id, number, Immutable, cancellationToken);
    }

    private static async Task<Results<ContentHttpResult, StatusCodeHttpResult, ProblemHttpResult, ValidationProblem>> Schema(
        [Description("The form's id.")] string id, [Description("The version number, from 1.")] string version,
        HttpContext context, OneStopDb db, ParsedDefinitions parsed, CancellationToken cancellationToken,
        [Description(ApiLanguage.Description)] string? lang = null)
    {
        if (ApiLanguage.Problem(lang) is { } langErrors) return TypedResults.ValidationProblem(langErrors);
        if (!int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || await parsed.GetAsync(db, id, number, cancellationToken) is not { } definition)
            return VersionNotFound(id, version);
        if (NotModified(context, id, number, Immutable)) return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        var schema = SubmissionSchema.Build(definition, Url(context.Request, $"/api/v1/forms/{id}/versions/{number}/schema"));
        return TypedResults.Content(schema.ToJsonString(SubmissionSchema.JsonOptions), SubmissionSchema.MediaType);
    }

    private const string Immutable = "public, max-age=86400, immutable";

    /// <summary>Published and superseded versions only: a draft is the department's work in progress.</summary>
    private static async Task<Results<Ok<FormVersionResponse>, StatusCodeHttpResult, ProblemHttpResult, ValidationProblem>> VersionResultAsync(
        HttpContext context, OneStopDb db, string id, int version, string cacheControl, CancellationToken cancellationToken)
    {
        var row = await db.Set<FormVersion>().AsNoTracking()
            .Where(v => v.FormId == id && v.Version == version && v.State != VersionState.Draft)
            .Select(v => new { v.Definition, v.PublishedAt })
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null) return VersionNotFound(id, version.ToString(CultureInfo.InvariantCulture));
        if (NotModified(context, id, version, cacheControl)) return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        var department = await db.Set<Form>().Where(f => f.Id == id).Select(f => f.DepartmentCode).SingleAsync(cancellationToken);
        return TypedResults.Ok(new FormVersionResponse(id, version, department,
            row.PublishedAt is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : null, JsonNode.Parse(row.Definition)!,
            Url(context.Request, $"/api/v1/forms/{id}/versions/{version}/schema")));
    }

    /// <summary>Sets the validators; true when the client's copy (If-None-Match) is this version.</summary>
    private static bool NotModified(HttpContext context, string id, int version, string cacheControl)
    {
        var etag = $"\"{id}.v{version}\"";
        context.Response.Headers.ETag = etag;
        context.Response.Headers.CacheControl = cacheControl;
        return context.Request.Headers.IfNoneMatch.Any(h => h is not null && h.Split(',').Any(t => t.Trim() == etag || t.Trim() == "*"));
    }

    private static ProblemHttpResult FormNotFound(string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Form not found",
            detail: $"There is no published form with the id '{id}' taking applications.");

    private static ProblemHttpResult VersionNotFound(string id, string version) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Form version not found",
            detail: $"The form '{id}' has no published version '{version}'.");

    private static int Whole(string? text, int min, int max, int fallback, string name, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(text)) return fallback;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max) return value;
        errors[name] = [$"{name} must be a whole number from {min} to {max}."];
        return fallback;
    }

    public static string Url(HttpRequest request, string path) => $"{request.Scheme}://{request.Host}{request.RootPath(path)}";
}
