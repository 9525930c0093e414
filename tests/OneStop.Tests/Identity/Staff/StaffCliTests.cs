using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Identity.Staff;
using OneStop.Platform.Database;

namespace OneStop.Tests.Identity.Staff;

/// <summary>identity staff add / list / remove, through the real command line, on each provider.</summary>
public abstract partial class StaffCliTests(Provider provider) : IAsyncLifetime
{
    private OneStopApp _app = null!;

    public ValueTask InitializeAsync()
    {
        if (provider == Provider.Postgres) PostgresServer.SkipIfUnavailable();
        _app = new OneStopApp(provider);
        _ = _app.Server; // migrated and seeded before the CLI runs
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }

    private Task<CliResult> RunAsync(params string[] words) => Cli.RunAsync([.. words, .. _app.CliConfiguration]);

    private async Task<List<string>> AuditEventsAsync(string email)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDb>();
        var id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(TestContext.Current.CancellationToken);
        return await db.AuditEntries.Where(e => e.SubjectId == id).OrderBy(e => e.Id).Select(e => e.Event).ToListAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task StaffAdd_NewEmail_CreatesTheAccountWithALinkThatSetsThePassword()
    {
        var email = Accounts.NewEmail();

        var result = await RunAsync("identity", "staff", "add", email, "--role", "officer", "--department", "fehd");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains($"Added {email} as officer in FEHD.", result.Output);
        var link = new Uri(LinkPattern().Match(result.Output).Value).PathAndQuery;
        var client = _app.CreateClient(new() { AllowAutoRedirect = false });
        using var reset = await client.SubmitAsync(link, new Dictionary<string, string> { ["Password"] = Accounts.Password, ["ConfirmPassword"] = Accounts.Password });
        Assert.StartsWith("/account/sign-in", reset.Location());
        using var signedIn = await client.SignInAsync(email);
        Assert.Equal("/account", signedIn.Location());
        Assert.Equal([StaffEvents.AccountCreated, StaffEvents.Added], (await AuditEventsAsync(email)).Take(2));
        // The link is good for one use only.
        using var again = await client.SubmitAsync(link, new Dictionary<string, string> { ["Password"] = "another long passphrase", ["ConfirmPassword"] = "another long passphrase" });
        Assert.Equal(200, (int)again.StatusCode);
    }

    [Fact]
    public async Task StaffAddListRemove_ExistingAccount_AttachesListsAndRemovesWithAudit()
    {
        var email = await _app.NewAccountAsync();

        var added = await RunAsync("identity", "staff", "add", email, "--role=supervisor", "--department=td");
        var listed = await RunAsync("identity", "staff", "list");
        var removed = await RunAsync("identity", "staff", "remove", email);
        var after = await RunAsync("identity", "staff", "list");

        Assert.True(added.ExitCode == 0, added.Error);
        Assert.Contains("They sign in with their existing OneStop ID.", added.Output);
        Assert.DoesNotContain("http", added.Output);
        Assert.Contains($"{email}\tsupervisor\tTD", listed.Output);
        Assert.True(removed.ExitCode == 0, removed.Error);
        Assert.DoesNotContain(email, after.Output);
        Assert.Equal([StaffEvents.Added, StaffEvents.Removed], await AuditEventsAsync(email));
    }

    [Fact]
    public async Task StaffAdd_BadRequests_AreRefusedWithAReason()
    {
        var email = await _app.NewAccountAsync();

        var noDepartment = await RunAsync("identity", "staff", "add", email, "--role", "supervisor");
        var unknownDepartment = await RunAsync("identity", "staff", "add", email, "--role", "supervisor", "--department", "NOPE");
        var adminWithDepartment = await RunAsync("identity", "staff", "add", email, "--role", "platform-admin", "--department", "TD");
        var unknownRole = await RunAsync("identity", "staff", "add", email, "--role", "boss", "--department", "TD");
        var notStaff = await RunAsync("identity", "staff", "remove", email);

        Assert.Equal((1, "Choose the department this person works in"), (noDepartment.ExitCode, noDepartment.Error.Trim()));
        Assert.Equal((1, "There is no department with that code in the catalogue"), (unknownDepartment.ExitCode, unknownDepartment.Error.Trim()));
        Assert.Equal(1, adminWithDepartment.ExitCode);
        Assert.Contains("Platform administrators do not belong to a department", adminWithDepartment.Error);
        Assert.Equal(2, unknownRole.ExitCode);
        Assert.Contains("Usage: identity staff add EMAIL --role ROLE", unknownRole.Error);
        Assert.Equal((1, $"{email} is not on the staff."), (notStaff.ExitCode, notStaff.Error.Trim()));
        Assert.DoesNotContain(email, (await RunAsync("identity", "staff", "list")).Output);
    }

    [Fact]
    public async Task StaffRemove_TheLastPlatformAdministrator_IsRefused()
    {
        var email = await _app.NewAccountAsync();
        Assert.Equal(0, (await RunAsync("identity", "staff", "add", email, "--role", "platform-admin")).ExitCode);

        var removed = await RunAsync("identity", "staff", "remove", email);

        Assert.Equal((1, "This is the last platform administrator. Add another one first"), (removed.ExitCode, removed.Error.Trim()));
        Assert.Contains($"{email}\tplatform-admin\t-", (await RunAsync("identity", "staff", "list")).Output);
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();
}

public sealed class StaffCliTests_Sqlite() : StaffCliTests(Provider.Sqlite);

public sealed class StaffCliTests_Postgres() : StaffCliTests(Provider.Postgres);
