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
    public const string Usage = """
        Usage: dotnet run --project src/OneStop -- [COMMAND] [--Setting value ...]

        Without a command the web portal starts. Commands:
          migrate                  apply the database migrations, then exit
          catalogue import FILE    import a catalogue file (.json or .csv), all or nothing
          catalogue export FILE    export the catalogue (.json: everything; .csv: services)
          forms import PATH        import form definitions from a folder or a .zip of .json files and publish
                                   them; all or nothing per form, every problem reported
          identity staff add EMAIL --role ROLE [--department CODE]
                                   put someone on the staff (ROLE: officer, supervisor, department-admin,
                                   platform-admin); creates their account if needed and prints a
                                   one-time link to choose a password
          identity staff list      list the staff with their roles and departments
          identity staff remove EMAIL
                                   take someone off the staff (their account stays)
          identity keys list|rotate
                                   the OpenID Connect signing and encryption keys; rotate publishes new
                                   ones and keeps the old until their tokens expire
          identity clients list|add|remove
                                   systems that sign in with OneStop; `identity clients` alone explains
                                   the options of add
          jobs parked              list the outbox messages parked after failing
          jobs retry all|ID        send parked messages to be tried again (audited)
          payments reconcile DAY [PROVIDER]
                                   reconcile a Hong Kong day (yyyy-MM-dd) with the payment providers'
                                   settlement again, replacing that day's results
          documents rotate-key DEPT
                                   retire the department's generated document-signing key and make a
                                   new one; prints its thumbprint (documents signed before still verify)

        Settings are configuration keys, e.g. --ConnectionStrings:OneStop "Data Source=data/onestop.db"
        --Database:Provider postgres. See docs/configuration.md. Give FILE as an absolute path: `dotnet run`
        runs the app in its project folder.
        """;

    public static bool WantsHelp(string[] args) => args is ["--help"] or ["-h"] or ["help"];

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
            case "forms":
                await app.Services.MigrateOnStartIfConfiguredAsync();
                return await Forms.Import.FormsCommands.RunAsync(app.Services, words[1..], Console.Out, Console.Error, cancellation);
            case "identity":
                await app.Services.MigrateOnStartIfConfiguredAsync();
                // Staff are people; keys and clients are the OpenID Connect provider's.
                return words is [_, "staff", ..]
                    ? await Identity.Staff.StaffCommands.RunAsync(app.Services, words[1..], Console.Out, Console.Error, cancellation)
                    : await Identity.Oidc.OidcCommands.RunAsync(app.Services, words[1..], Console.Out, Console.Error, cancellation);
            case "jobs":
                await app.Services.MigrateOnStartIfConfiguredAsync();
                return await Jobs.JobsCommands.RunAsync(app.Services, words[1..], Console.Out, Console.Error, cancellation);
            case "payments":
                await app.Services.MigrateOnStartIfConfiguredAsync();
                return await Payments.Reconciliation.ReconciliationCommands.RunAsync(app.Services, words[1..], Console.Out, Console.Error, cancellation);
            case "documents":
                await app.Services.MigrateOnStartIfConfiguredAsync();
                return await Documents.Signing.DocumentsCommands.RunAsync(app.Services, words[1..], Console.Out, Console.Error, cancellation);
            default:
                await Console.Error.WriteLineAsync($"Unknown command '{words[0]}'.");
                await Console.Error.WriteLineAsync(Usage);
                return 2;
        }
    }
}
