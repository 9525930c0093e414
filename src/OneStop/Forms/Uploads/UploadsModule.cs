using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OneStop.Forms.Uploads;

/// <summary>Uploading files on question pages, and downloading them again (docs/forms/guests-and-uploads.md).</summary>
public static class UploadsModule
{
    public static IServiceCollection AddFormUploads(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<PageUploads>();
        // Only the question page takes files; its request limits follow the page's file fields.
        services.Configure<RazorPagesOptions>(o => o.Conventions.AddPageApplicationModelConvention("/Forms/Filling/Question", page => page.Filters.Add(new UploadLimits())));
        return services;
    }
}
