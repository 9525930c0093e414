using OneStop.Platform.Localisation;

namespace OneStop.Identity.Staff;

/// <summary><c>identity staff add|list|remove</c>: staff management for platform operators at the terminal.</summary>
internal static class StaffCommands
{
    public const string Usage = """
        Usage: identity staff add EMAIL --role ROLE [--department CODE]
               identity staff list
               identity staff remove EMAIL
        ROLE is officer, supervisor, department-admin or platform-admin; every role but platform-admin needs
        a department code from the catalogue (TD, FEHD...).
        """;

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> words, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (words is not ["staff", _, ..])
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }
        await using var scope = services.CreateAsyncScope();
        var directory = scope.ServiceProvider.GetRequiredService<StaffDirectory>();
        var text = scope.ServiceProvider.GetRequiredService<Text>();
        string Message(StaffError e) => text.Get(Language.En, StaffDirectory.ErrorKey(e));

        switch (words.Skip(1).ToArray())
        {
            case ["list"]:
                var staff = await directory.ListAsync(cancellationToken);
                if (staff.Count == 0) await output.WriteLineAsync("No staff yet.");
                foreach (var s in staff)
                    await output.WriteLineAsync($"{s.Email}\t{s.Role.Name()}\t{s.DepartmentCode ?? "-"}");
                return 0;

            case ["remove", var email]:
                if (await directory.FindByEmailAsync(email, cancellationToken) is not { } member)
                {
                    await error.WriteLineAsync($"{email} is not on the staff.");
                    return 1;
                }
                var removed = await directory.RemoveAsync(member.UserId, actorId: null, cancellationToken);
                if (removed != StaffError.None)
                {
                    await error.WriteLineAsync(Message(removed));
                    return 1;
                }
                await output.WriteLineAsync($"Removed {member.Email} from the staff ({member.Role.Name()}). The account stays as a citizen's.");
                return 0;

            case ["add", var email]:
                var arguments = Environment.GetCommandLineArgs();
                var department = Option(arguments, "--department");
                if (StaffRoles.Parse(Option(arguments, "--role")) is not { } role)
                {
                    await error.WriteLineAsync(Usage);
                    return 2;
                }
                var added = await directory.AddAsync(email, role, department, actorId: null, cancellationToken);
                if (!added.Succeeded)
                {
                    await error.WriteLineAsync(Message(added.Error));
                    return 1;
                }
                var where = role.HasDepartment() ? $" in {department!.Trim().ToUpperInvariant()}" : "";
                await output.WriteLineAsync($"Added {email.Trim()} as {role.Name()}{where}.");
                if (added.SetPasswordPath is { } path)
                {
                    var configuration = scope.ServiceProvider.GetRequiredService<IConfiguration>();
                    await output.WriteLineAsync("A new account was created. Give the person this link to choose a password (it works once, for 24 hours):");
                    await output.WriteLineAsync(Origin(configuration) + path);
                }
                else
                {
                    await output.WriteLineAsync("They sign in with their existing OneStop ID.");
                }
                await output.WriteLineAsync("Staff must use a second factor (authenticator app or passkey) to open the back office.");
                return 0;

            default:
                await error.WriteLineAsync(Usage);
                return 2;
        }
    }

    // Program.cs hands everything from the first "--" on to configuration, so the options are read from
    // the process's own arguments: that way an environment variable called ROLE cannot stand in for one.
    private static string? Option(string[] arguments, string name)
    {
        for (var i = 0; i < arguments.Length; i++)
        {
            if (arguments[i] == name) return i + 1 < arguments.Length ? arguments[i + 1] : null;
            if (arguments[i].StartsWith(name + "=", StringComparison.Ordinal)) return arguments[i][(name.Length + 1)..];
        }
        return null;
    }

    /// <summary>The portal's public address: Site:PublicOrigin, else the first address it listens on.</summary>
    private static string Origin(IConfiguration configuration) =>
        (configuration["Site:PublicOrigin"] is { Length: > 0 } origin ? origin : configuration["urls"]?.Split(';')[0] ?? "http://localhost:5080").TrimEnd('/');
}
