using OneStop.Platform.Cli;

namespace OneStop.Forms.Import;

/// <summary><c>forms import PATH</c>: a folder or a .zip of form definitions.</summary>
internal static class FormsCommands
{
    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> words, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (words is not ["import", var given])
        {
            await error.WriteLineAsync("Usage: forms import PATH   (a folder of .json form definitions, or a .zip of them)");
            return 2;
        }
        var path = Path.GetFullPath(given);
        if (!Directory.Exists(path) && !(File.Exists(path) && path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase)))
        {
            await error.WriteLineAsync($"There is no folder or .zip file '{path}'.");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var progress = new ConsoleProgress(error, "forms");
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var outcomes = await scope.ServiceProvider.GetRequiredService<ImportForms>().RunAsync(path, progress, cancellationToken);
        progress.Finish();
        var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);

        var failed = outcomes.Where(o => !o.Imported).ToList();
        foreach (var outcome in failed)
        {
            await error.WriteLineAsync($"{outcome.File}{(outcome.FormId is null ? "" : $" ({outcome.FormId})")}: not imported, {outcome.Problems.Count} problem(s):");
            foreach (var problem in outcome.Problems) await error.WriteLineAsync("  " + problem);
        }
        var published = outcomes.Count(o => o.Imported && !o.Unchanged);
        var unchanged = outcomes.Count(o => o.Unchanged);
        await output.WriteLineAsync(
            $"{outcomes.Count} file(s) in {elapsed.TotalSeconds:0.0} s: {published} published, {unchanged} unchanged, {failed.Count} not imported.");
        return failed.Count == 0 ? 0 : 1;
    }
}
