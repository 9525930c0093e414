namespace OneStop.Forms.Uploads;

/// <summary>Uploading files on question pages, and downloading them again (docs/forms/guests-and-uploads.md).</summary>
public static class UploadsModule
{
    public static IServiceCollection AddFormUploads(this IServiceCollection services, IConfiguration configuration)
    {
        return services;
    }
}
