using System.ComponentModel.DataAnnotations;

namespace OneStop.Platform.Storage;

/// <summary>
/// Section <c>Storage</c>: where uploaded and issued files live (attachments, documents). Checked at
/// start so that a misconfigured path fails the deployment, not the first citizen who uploads.
/// </summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    [Required(AllowEmptyStrings = false)]
    public string Root { get; set; } = "data/files";
}

public static class StorageSetup
{
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => CanCreate(o.Root), "Storage:Root must be a folder the app can create and write to.")
            .ValidateOnStart();
        services.AddSingleton<IFileStore, FileSystemFileStore>();
        services.AddSingleton<FileIntake>();
        return services;
    }

    private static bool CanCreate(string root)
    {
        try
        {
            Directory.CreateDirectory(root);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return false;
        }
    }
}
