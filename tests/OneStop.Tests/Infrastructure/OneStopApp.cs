using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace OneStop.Tests.Infrastructure;

public enum Provider { Sqlite, Postgres }

/// <summary>
/// The portal in-process on its own fresh database, seeded with the demo catalogue. Each instance owns
/// its database (a temp SQLite file, or a new PostgreSQL database dropped afterwards), so tests never
/// share rows. PostgreSQL comes from ONESTOP_TEST_POSTGRES, set by scripts/test.sh.
/// </summary>
public class OneStopApp : WebApplicationFactory<Program>
{
    private readonly string _folder = Directory.CreateTempSubdirectory("onestop-test-").FullName;
    private readonly string? _postgresDatabase;

    public OneStopApp(Provider provider, bool seed = true)
    {
        Provider = provider;
        Seed = seed;
        if (provider == Provider.Sqlite)
        {
            ConnectionString = $"Data Source={Path.Combine(_folder, "onestop.db")}";
        }
        else
        {
            var server = PostgresServer.ConnectionString ?? throw new InvalidOperationException(PostgresServer.Missing);
            _postgresDatabase = "onestop_test_" + Guid.NewGuid().ToString("N")[..12];
            ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = _postgresDatabase }.ConnectionString;
            PostgresServer.CreateDatabase(_postgresDatabase);
        }
    }

    /// <summary>
    /// Another node of <paramref name="first"/>: its own services (and background singletons) over the same
    /// database, on the same clock. Not seeded or migrated again; <paramref name="first"/> drops the database.
    /// </summary>
    public OneStopApp(OneStopApp first)
    {
        Provider = first.Provider;
        Seed = false;
        MigrateOnStart = false;
        ConnectionString = first.ConnectionString;
        _clock = first.Clock;
    }

    public Provider Provider { get; }
    public bool Seed { get; }
    public string ConnectionString { get; }
    public string Environment { get; init; } = "Testing";
    /// <summary>Settings a test needs beyond these defaults; applied last, so they win.</summary>
    public Dictionary<string, string> Settings { get; init; } = [];
    public bool MigrateOnStart { get; init; } = true;

    /// <summary>High by default so that tests signing in many times are not throttled; the rate-limit test lowers it.</summary>
    public int AttemptsPerMinute { get; init; } = 10_000;

    /// <summary>
    /// The app's clock. Starts at the real time so that cookies and tokens work as they would; tests move
    /// it forward with <c>Clock.Advance</c> instead of sleeping.
    /// </summary>
    public Microsoft.Extensions.Time.Testing.FakeTimeProvider Clock => _clock ??= new(ClockStart ?? DateTimeOffset.UtcNow);
    private Microsoft.Extensions.Time.Testing.FakeTimeProvider? _clock;

    /// <summary>
    /// A fixed start for <see cref="Clock"/> when a test counts calendar days (working days, holidays). The
    /// clock cannot be set back, so tests that need a known date start there rather than setting it later.
    /// </summary>
    public DateTimeOffset? ClockStart { get; init; }

    /// <summary>Where this app's emails are written, one .eml file each; see <see cref="Mailbox"/>.</summary>
    public string MailFolder => Path.Combine(_folder, "mail");

    /// <summary>Arguments that point the CLI at this app's database.</summary>
    public string[] CliConfiguration =>
    [
        "--ConnectionStrings:OneStop", ConnectionString,
        "--Database:Provider", Provider == Provider.Postgres ? "postgres" : "sqlite",
        "--Database:MigrateOnStart", "true",
        "--Demo:Seed", "false",
        "--Storage:Root", Path.Combine(_folder, "files"),
        // The process does not read the app's appsettings.json: the sandbox gateway is switched on as it is there.
        "--Payments:Sandbox:Enabled", "true",
        "--Payments:Sandbox:SigningSecret", "sandbox-only-signing-secret-change-me",
        "--Payments:Sandbox:SettlementKey", "sandbox-only-settlement-key-change-me",
    ];

    /// <summary>Served by the in-memory test server (false when a subclass serves it with Kestrel for a browser).</summary>
    protected virtual bool InMemory => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("ConnectionStrings:OneStop", ConnectionString);
        builder.UseSetting("Database:Provider", Provider == Provider.Postgres ? "postgres" : "sqlite");
        builder.UseSetting("Database:MigrateOnStart", MigrateOnStart ? "true" : "false");
        builder.UseSetting("Demo:Seed", Seed ? "true" : "false");
        builder.UseSetting("Catalogue:RefreshInterval", "00:00:00");
        builder.UseSetting("Storage:Root", Path.Combine(_folder, "files"));
        builder.UseSetting("Mail:Delivery", "PickupFolder");
        builder.UseSetting("Mail:PickupFolder", MailFolder);
        builder.UseSetting("Identity:SessionCheckInterval", "00:00:00");
        // Background loops off: tests run a pass themselves (OutboxDispatcher/DraftSweep.RunOnceAsync) with the fake clock.
        builder.UseSetting("Outbox:Enabled", "false");
        builder.UseSetting("Cases:BackgroundJobs", "false");
        // Figures counted afresh on every page, so a test sees its own changes at once (one test turns the cache on).
        builder.UseSetting("Cases:CountsCacheDuration", "00:00:00");
        builder.UseSetting("Forms:Drafts:Enabled", "false");
        builder.UseSetting("Payments:BackgroundJobs", "false");
        builder.UseSetting("Documents:Reminders:BackgroundJobs", "false");
        builder.UseSetting("Identity:AttemptsPerMinute", AttemptsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            // The sandbox gateway's callbacks go over HTTP to this app's own endpoint, in memory.
            if (InMemory) services.AddHttpClient(OneStop.Payments.Sandbox.SendSandboxCallback.Client).ConfigurePrimaryHttpMessageHandler(() => Server.CreateHandler());
            // Hundreds of accounts are created and signed in; production's PBKDF2 cost (100,000
            // rounds) would spend minutes of CPU on it. The hash format records its own count.
            services.Configure<Microsoft.AspNetCore.Identity.PasswordHasherOptions>(o => o.IterationCount = 1_000);
        });
        if (Environment == "Production")
        {
            builder.UseSetting("Site:PublicOrigin", "https://onestop.example");
            builder.UseSetting("DataProtection:AllowUnprotectedKeys", "true");
        }
        // Keys are unprotected outside Production by design; the warning would drown the test output.
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.DataProtection", "Error");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_postgresDatabase is not null) PostgresServer.DropDatabase(_postgresDatabase);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
        GC.SuppressFinalize(this);
    }
}

public static class PostgresServer
{
    public const string Missing =
        "PostgreSQL tests need ONESTOP_TEST_POSTGRES (a connection string to a server where the user may create databases). scripts/test.sh starts one.";

    public static string? ConnectionString => System.Environment.GetEnvironmentVariable("ONESTOP_TEST_POSTGRES") is { Length: > 0 } s ? s : null;

    /// <summary>Set by scripts/test.sh in CI: a missing server then fails the run instead of skipping.</summary>
    public static bool Required => System.Environment.GetEnvironmentVariable("ONESTOP_REQUIRE_POSTGRES") == "1";

    public static void SkipIfUnavailable()
    {
        if (ConnectionString is not null) return;
        if (Required) throw new InvalidOperationException(Missing);
        Assert.Skip(Missing);
    }

    public static void CreateDatabase(string name) => Execute($"CREATE DATABASE \"{name}\"");

    public static void DropDatabase(string name)
    {
        NpgsqlConnection.ClearAllPools();
        Execute($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
