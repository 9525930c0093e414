using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.EntityFrameworkCore;
using OneStop.Forms.Definitions;
using OneStop.Forms.Filling;
using OneStop.Forms.Store;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;

namespace OneStop.Forms.Uploads;

/// <summary>
/// Request limits of a question page with file fields, set before anything reads the post (an authorization
/// filter ordered ahead of antiforgery, which reads the form): the body may be as large as the page's largest
/// file limit plus <see cref="Margin"/> for the other boxes. A post announcing more than that is read to its
/// end and thrown away (so browsers see the answer instead of a reset connection, up to <see cref="DrainFactor"/>
/// times the limit), and the page is shown again with the "file too large" error on the field.
/// </summary>
public sealed class UploadLimits : IAsyncAuthorizationFilter, IAsyncPageFilter, IOrderedFilter
{
    public const long Margin = 1024 * 1024;
    public const int DrainFactor = 4;
    private const string TooLargeKey = "forms.uploads.tooLarge";

    public int Order => -3000;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        var request = http.Request;
        if (!HttpMethods.IsPost(request.Method) || request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) != true) return;
        if (await LargestFieldAsync(context) is not { } largest) return;
        var (field, fieldLimit) = largest;
        var limit = fieldLimit + Margin;

        var size = http.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (request.ContentLength > limit)
        {
            if (request.ContentLength > limit * DrainFactor || size is { IsReadOnly: true } && size.MaxRequestBodySize < request.ContentLength)
            {
                context.Result = new StatusCodeResult(StatusCodes.Status413PayloadTooLarge);
                return;
            }
            if (size is { IsReadOnly: false }) size.MaxRequestBodySize = request.ContentLength;
            await request.Body.CopyToAsync(Stream.Null, http.RequestAborted);
            var text = http.RequestServices.GetRequiredService<Text>();
            var tempData = http.RequestServices.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(http);
            tempData[TooLargeKey] = field.Id + "\n" + text["forms.attachments.fileTooLarge", Megabytes(fieldLimit)];
            tempData.Save();
            context.Result = new RedirectResult(request.PathBase + request.Path + request.QueryString);
            return;
        }
        if (size is { IsReadOnly: false }) size.MaxRequestBodySize = limit;
        http.Features.Set<IFormFeature>(new FormFeature(request, new FormOptions { MultipartBodyLengthLimit = limit }));
    }

    /// <summary>Shows the error kept by a refused post on the page it redirected to.</summary>
    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Result is not PageResult || context.HandlerInstance is not QuestionModel { Form: { } form } page) return;
        if (page.TempData[TooLargeKey] is not string kept || kept.Split('\n', 2) is not [var fieldId, var message]) return;
        if (form.Fields.Any(f => f.Name == fieldId)) PageUploads.Show(page, form, fieldId, message);
    }

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    /// <summary>The page's file field with the largest limit, and that limit; null for a page without file fields.</summary>
    private static async Task<(FieldDefinition Field, long Limit)?> LargestFieldAsync(AuthorizationFilterContext context)
    {
        if (!Guid.TryParse(context.RouteData.Values["draftId"] as string, out var draftId) || context.RouteData.Values["pageId"] is not string pageId) return null;
        var services = context.HttpContext.RequestServices;
        var pinned = await services.GetRequiredService<OneStopDb>().Set<FormDraft>().AsNoTracking()
            .Where(d => d.Id == draftId).Select(d => new { d.FormId, d.Version }).SingleOrDefaultAsync(context.HttpContext.RequestAborted);
        if (pinned is null) return null;
        var form = await services.GetRequiredService<FormStore>().VersionAsync(pinned.FormId, pinned.Version, context.HttpContext.RequestAborted);
        var uploads = services.GetRequiredService<PageUploads>();
        return form?.Definition.Page(pageId)?.Fields.Where(f => f.Type == FieldType.File)
            .Select(f => ((FieldDefinition, long)?)(f, uploads.MaxBytes(f))).MaxBy(f => f!.Value.Item2);
    }

    private static string Megabytes(long bytes) => (bytes / 1024d / 1024d).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
}
