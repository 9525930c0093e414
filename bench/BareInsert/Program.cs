// The bare-insert baseline of bench/forms.sh: how many rows shaped like a submission the database takes per second
// through the same driver, with the same durability, one row per transaction, at a given concurrency. The HTTP path
// is compared with this, so the ratio shows what authentication, validation, encryption, the reference number,
// the outbox and audit rows and ASP.NET Core cost on top of the insert itself.
//
//   dotnet BareInsert.dll --provider sqlite|postgres --connection "CONNECTION STRING" --connections 16 --seconds 10
//       [--warmup 2] [--run ID]
//
// It copies the shape of the newest submission a machine client sent (column values and lengths: the encrypted
// answers are a Data Protection blob, replaced by random base64url of the same length) from the migrated
// database's own table, so run it after at least one HTTP submission. Prints one line, "BARE key=value ...".
using System.Diagnostics;
using System.Security.Cryptography;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

var options = Options.Parse(args);
await using var database = Database.Open(options.Provider, options.Connection);
var table = await database.SubmissionsTableAsync();
var template = await Template.ReadAsync(database, table);
var durability = await database.DurabilityAsync();

var run = options.Run ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
var scope = "bare:" + run;
long sequence = 0;
var stop = false;
var measureFrom = 0L;
var measureTo = long.MaxValue;
var clock = Stopwatch.StartNew();
var errors = 0;
string? firstError = null;

async Task<List<long>> Worker()
{
    var latencies = new List<long>(100_000);
    while (!Volatile.Read(ref stop))
    {
        var n = Interlocked.Increment(ref sequence);
        var started = clock.ElapsedTicks;
        try
        {
            await database.InsertAsync(table, template.Row(scope, run, n));
        }
        catch (DbException e)
        {
            // Counted, not fatal: a busy SQLite past its timeout would show here.
            if (Interlocked.Increment(ref errors) == 1) firstError = e.GetType().Name + ": " + e.Message;
            continue;
        }
        var ended = clock.ElapsedTicks;
        if (started >= Volatile.Read(ref measureFrom) && ended <= Volatile.Read(ref measureTo)) latencies.Add(ended - started);
    }
    return latencies;
}

var workers = Enumerable.Range(0, options.Connections).Select(_ => Task.Run(Worker)).ToArray();
await Task.Delay(TimeSpan.FromSeconds(options.Warmup));
Volatile.Write(ref measureFrom, clock.ElapsedTicks);
await Task.Delay(TimeSpan.FromSeconds(options.Seconds));
Volatile.Write(ref measureTo, clock.ElapsedTicks);
Volatile.Write(ref stop, true);
var all = (await Task.WhenAll(workers)).SelectMany(l => l).Order().ToArray();
var seconds = (double)(measureTo - measureFrom) / Stopwatch.Frequency;
double Percentile(double p) => all.Length == 0 ? 0 : all[Math.Min(all.Length - 1, (int)Math.Ceiling(p / 100 * all.Length) - 1)] * 1e6 / Stopwatch.Frequency;
var committed = await database.CountAsync(table, scope);

Console.WriteLine(FormattableString.Invariant(
    $"BARE provider={options.Provider} connections={options.Connections} rows={all.Length} duration_s={seconds:0.000} rps={all.Length / seconds:0.00} p50_us={Percentile(50):0} p99_us={Percentile(99):0} errors={errors} attempted={Interlocked.Read(ref sequence)} committed_rows={committed} scope={scope} table={table} answers_chars={template.Answers.Length} {durability}"));
if (firstError is not null) Console.Error.WriteLine("First error: " + firstError);
return errors == 0 ? 0 : 1;

internal sealed record Options(string Provider, string Connection, int Connections, double Seconds, double Warmup, string? Run)
{
    public static Options Parse(string[] args)
    {
        var map = new Dictionary<string, string>();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) throw new ArgumentException($"Expected an option, got '{args[i]}'.");
            map[args[i][2..]] = args[i + 1];
        }
        string Get(string name, string? fallback = null) =>
            map.TryGetValue(name, out var value) ? value : fallback ?? throw new ArgumentException($"--{name} is required.");
        var provider = Get("provider");
        if (provider is not ("sqlite" or "postgres")) throw new ArgumentException("--provider is sqlite or postgres.");
        return new Options(provider, Get("connection"), int.Parse(Get("connections", "16")),
            double.Parse(Get("seconds", "10"), System.Globalization.CultureInfo.InvariantCulture),
            double.Parse(Get("warmup", "2"), System.Globalization.CultureInfo.InvariantCulture),
            map.GetValueOrDefault("run"));
    }
}

/// <summary>The values of one row to insert.</summary>
internal sealed record Row(Guid Id, string Reference, string FormId, int Version, string DepartmentCode, string? ServiceSlug,
    string? ClientId, string IdempotencyScope, string IdempotencyKey, string RequestHash, string Answers, string AnswersHash,
    string? ContactEmail, string Language, DateTime SubmittedAt);

/// <summary>The newest submission a machine client sent: every bare row copies its plain columns and the lengths of the rest.</summary>
internal sealed record Template(string Reference, string FormId, int Version, string DepartmentCode, string? ServiceSlug, string? ClientId,
    string IdempotencyKey, string Answers, string? ContactEmail, string Language)
{
    public static async Task<Template> ReadAsync(Database database, string table)
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT "Reference", "FormId", "Version", "DepartmentCode", "ServiceSlug", "ClientId", "IdempotencyKey", "Answers", "ContactEmail", "Language"
            FROM "{table}" WHERE "IdempotencyScope" LIKE 'client:%' ORDER BY "SubmittedAt" DESC LIMIT 1
            """;
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
            throw new InvalidOperationException($"No submission from a machine client in \"{table}\" to copy the shape of: run the HTTP part first.");
        string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
        return new Template(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3), Text(4), Text(5),
            reader.GetString(6), reader.GetString(7), Text(8), reader.GetString(9));
    }

    public Row Row(string scope, string run, long n)
    {
        // Unique across runs in one database, close to the template's lengths.
        var reference = $"B{run}-{n:0000000000}";
        var number = n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var prefix = $"bare-{run}-";
        var key = prefix + number.PadLeft(Math.Max(number.Length, IdempotencyKey.Length - prefix.Length), '0');
        return new Row(Guid.CreateVersion7(), reference, FormId, Version, DepartmentCode, ServiceSlug, ClientId, scope, key,
            RandomHex(), RandomBase64Url(Answers.Length), RandomHex(), ContactEmail is null ? null : RandomBase64Url(ContactEmail.Length),
            Language, DateTime.UtcNow);
    }

    private static string RandomHex() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    // Data Protection's output is base64url without padding.
    private static string RandomBase64Url(int length) =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(length * 3 / 4 + 3)).Replace('+', '-').Replace('/', '_').TrimEnd('=')[..length];
}

/// <summary>One provider's driver, opened as the app opens it: from the pool, per unit of work.</summary>
internal abstract class Database : IAsyncDisposable
{
    public static Database Open(string provider, string connection) =>
        provider == "sqlite" ? new Sqlite(connection) : new Postgres(connection);

    public abstract Task<DbConnection> OpenAsync();
    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public async Task<string> SubmissionsTableAsync()
    {
        // The entity's table is "Submission" in the first Forms migration; accept "Submissions" too, should it be renamed.
        var names = await ScalarsAsync(TablesQuery);
        return names.Contains("Submissions") ? "Submissions"
            : names.Contains("Submission") ? "Submission"
            : throw new InvalidOperationException("No Submission(s) table: is the database migrated?");
    }

    protected abstract string TablesQuery { get; }

    public abstract Task<string> DurabilityAsync();

    public async Task<long> CountAsync(string table, string scope)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"""SELECT COUNT(*) FROM "{table}" WHERE "IdempotencyScope" = @scope""";
        Add(command, "@scope", scope);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    /// <summary>One row, one transaction, committed before it returns (as SaveChanges does with several statements).</summary>
    public async Task InsertAsync(string table, Row row)
    {
        await using var connection = await OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"""
            INSERT INTO "{table}" ("Id", "Reference", "FormId", "Version", "DepartmentCode", "ServiceSlug", "UserId", "ClientId",
                "IdempotencyScope", "IdempotencyKey", "RequestHash", "Answers", "AnswersHash", "SignatureRequestId", "ContactEmail",
                "Language", "SubmittedAt")
            VALUES (@id, @reference, @formId, @version, @department, @slug, @userId, @clientId, @scope, @key, @requestHash,
                @answers, @answersHash, @signature, @email, @language, @submittedAt)
            """;
        Add(command, "@id", row.Id);
        Add(command, "@reference", row.Reference);
        Add(command, "@formId", row.FormId);
        Add(command, "@version", row.Version);
        Add(command, "@department", row.DepartmentCode);
        Add(command, "@slug", row.ServiceSlug);
        Add(command, "@userId", null, guid: true);
        Add(command, "@clientId", row.ClientId);
        Add(command, "@scope", row.IdempotencyScope);
        Add(command, "@key", row.IdempotencyKey);
        Add(command, "@requestHash", row.RequestHash);
        Add(command, "@answers", row.Answers);
        Add(command, "@answersHash", row.AnswersHash);
        Add(command, "@signature", null, guid: true);
        Add(command, "@email", row.ContactEmail);
        Add(command, "@language", row.Language);
        Add(command, "@submittedAt", row.SubmittedAt);
        await command.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }

    protected abstract void Add(DbCommand command, string name, object? value, bool guid = false);

    protected async Task<List<string>> ScalarsAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync()) values.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture) ?? "");
        return values;
    }

    private sealed class Sqlite(string connection) : Database
    {
        public override async Task<DbConnection> OpenAsync()
        {
            var opened = new SqliteConnection(connection);
            await opened.OpenAsync();
            return opened;
        }

        protected override string TablesQuery => "SELECT name FROM sqlite_master WHERE type = 'table'";

        // The app sets WAL once when it migrates (it is stored in the file) and leaves synchronous at the library's default.
        public override async Task<string> DurabilityAsync() =>
            $"journal_mode={(await ScalarsAsync("PRAGMA journal_mode")).Single()} synchronous={(await ScalarsAsync("PRAGMA synchronous")).Single()}"
            + $" sqlite={(await ScalarsAsync("SELECT sqlite_version()")).Single()} driver=Microsoft.Data.Sqlite/{typeof(SqliteConnection).Assembly.GetName().Version}";

        protected override void Add(DbCommand command, string name, object? value, bool guid = false)
        {
            // As EF Core's SQLite provider stores them: GUIDs as upper-case text, DateTimes as "yyyy-MM-dd HH:mm:ss.FFFFFFF".
            var stored = value switch
            {
                Guid g => g.ToString().ToUpperInvariant(),
                DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture),
                _ => value,
            };
            ((SqliteCommand)command).Parameters.AddWithValue(name, stored ?? DBNull.Value);
        }
    }

    private sealed class Postgres(string connection) : Database
    {
        private readonly NpgsqlDataSource _source = NpgsqlDataSource.Create(connection);

        public override async Task<DbConnection> OpenAsync() => await _source.OpenConnectionAsync();

        public override async ValueTask DisposeAsync() => await _source.DisposeAsync();

        protected override string TablesQuery => "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()";

        public override async Task<string> DurabilityAsync() =>
            $"synchronous_commit={(await ScalarsAsync("SHOW synchronous_commit")).Single()} fsync={(await ScalarsAsync("SHOW fsync")).Single()}"
            + $" server={(await ScalarsAsync("SHOW server_version")).Single().Split(' ')[0]} driver=Npgsql/{typeof(NpgsqlConnection).Assembly.GetName().Version}";

        protected override void Add(DbCommand command, string name, object? value, bool guid = false)
        {
            var parameters = ((NpgsqlCommand)command).Parameters;
            if (value is null && guid) parameters.Add(new NpgsqlParameter(name, NpgsqlTypes.NpgsqlDbType.Uuid) { Value = DBNull.Value });
            else if (value is null) parameters.Add(new NpgsqlParameter(name, NpgsqlTypes.NpgsqlDbType.Text) { Value = DBNull.Value });
            else parameters.AddWithValue(name, value);
        }
    }
}
