using OneStop.Catalogue;
using OneStop.Platform.Database;

namespace OneStop.Platform.Cli;

/// <summary>
/// The app doubles as its own admin tool: <c>dotnet run --project src/OneStop -- COMMAND …</c> runs a
/// command with the same configuration and services as the web app, without starting the server.
/// Leading words are the command; options from the first <c>--</c> on are configuration.
/// </summary>
public static class CommandLine
{
    public static (string[] Words, string[] ConfigurationArgs) Split(string[] args)
    {
        var firstOption = Array.FindIndex(args, a => a.StartsWith("--", StringComparison.Ordinal));
        return firstOption < 0 ? (args, []) : (args[..firstOption], args[firstOption..]);
    }

    public static async Task<int> RunAsync(WebApplication app, string[] words)
    {
        var cancellation = app.Lifetime.ApplicationStopping;
        switch (words[0])
        {
            case "migrate":
                await app.Services.MigrateAsync(cancellation);
                Console.WriteLine("The database is up to date.");
                return 0;
            case "catalogue":
                await app.Services.MigrateOnStartIfConfiguredAsync();
                return await CatalogueCommands.RunAsync(app.Services, words[1..], Console.Out, Console.Error, cancellation);
            default:
                await Console.Error.WriteLineAsync($"Unknown command '{words[0]}'. Commands: migrate, catalogue import FILE, catalogue export FILE.");
                return 2;
        }
    }
}
