using OneStop.Catalogue.Import;
using OneStop.Platform.Cli;

namespace OneStop.Catalogue;

/// <summary><c>catalogue import FILE</c> and <c>catalogue export FILE</c>.</summary>
internal static class CatalogueCommands
{
    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> words, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (words.Count != 2 || words[0] is not ("import" or "export"))
        {
            await error.WriteLineAsync("Usage: catalogue import FILE | catalogue export FILE   (FILE ends in .json or .csv)");
            return 2;
        }
        // Absolute in every message: `dotnet run` starts the app in its project folder, not the caller's.
        var path = Path.GetFullPath(words[1]);
        if (ImportCatalogue.FormatOf(path) is not { } format)
        {
            await error.WriteLineAsync($"Cannot tell the format of '{path}': the file name must end in .json or .csv.");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        if (words[0] == "export")
        {
            if (Path.GetDirectoryName(path) is { } folder && !Directory.Exists(folder))
            {
                await error.WriteLineAsync($"There is no folder '{folder}' to export into.");
                return 2;
            }
            await using var file = File.Create(path);
            var count = await scope.ServiceProvider.GetRequiredService<ExportCatalogue>().RunAsync(file, format, cancellationToken);
            await output.WriteLineAsync($"Exported {count} services to {path}.");
            return 0;
        }

        if (!File.Exists(path))
        {
            await error.WriteLineAsync($"There is no file '{path}'.");
            return 2;
        }
        var progress = new ConsoleProgress(error);
        var result = await scope.ServiceProvider.GetRequiredService<ImportCatalogue>()
            .RunAsync(await File.ReadAllBytesAsync(path, cancellationToken), format, progress, cancellationToken);
        progress.Finish();
        if (!result.Imported)
        {
            await error.WriteLineAsync($"Nothing was imported: {result.Errors.Count} problem(s) in {path}:");
            foreach (var e in result.Errors) await error.WriteLineAsync("  " + e);
            return 1;
        }
        await output.WriteLineAsync($"Imported {result.Departments} departments, {result.Categories} categories and {result.Services} services from {path}.");
        return 0;
    }
}
