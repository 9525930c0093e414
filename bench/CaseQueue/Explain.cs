using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CaseQueue;

/// <summary>
/// The plans behind a shape: runs it once while catching the SQL and parameters EF Core sends (through EF's
/// DiagnosticListener, subscribed only after the measurements), then runs each statement again under
/// EXPLAIN (ANALYZE, BUFFERS) on a separate connection.
/// </summary>
internal static partial class Explain
{
    private static readonly AsyncLocal<List<(string Sql, NpgsqlParameter[] Parameters)>?> Captured = new();
    private static int _subscribed;

    public static async Task<(string Text, string Summary)> ShapeAsync(IServiceProvider root, string connection, Shape shape)
    {
        if (Interlocked.Exchange(ref _subscribed, 1) == 0)
        {
            DiagnosticListener.AllListeners.Subscribe(new Listeners());
            // Each DbContext's command logger remembers for a second (CoreOptions' logging cache time) that no one
            // listened; after that the next command on every pooled context asks again.
            await Task.Delay(TimeSpan.FromSeconds(1.5));
        }
        var commands = new List<(string Sql, NpgsqlParameter[] Parameters)>();
        Captured.Value = commands;
        try
        {
            await using var scope = root.CreateAsyncScope();
            await shape.Run(scope.ServiceProvider, 0, CancellationToken.None);
        }
        finally
        {
            Captured.Value = null;
        }

        var text = new StringBuilder($"# {shape.Name}\n");
        var indexes = new List<string>();
        var total = 0.0;
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        foreach (var (sql, parameters) in commands)
        {
            text.Append("\n-- ").AppendJoin(", ", parameters.Select(p => $"{p.ParameterName} = {p.Value}")).Append('\n').Append(sql).Append("\n\n");
            await using var explain = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS) " + sql, db);
            explain.Parameters.AddRange(parameters);
            await using var reader = await explain.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var line = reader.GetString(0);
                text.Append(line).Append('\n');
                foreach (Match m in IndexName().Matches(line)) indexes.Add(m.Groups[1].Value);
                if (ExecutionTime().Match(line) is { Success: true } t) total += double.Parse(t.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            }
        }
        var used = indexes.Select(i => i.Trim('"').Replace("IX_Case_DepartmentCode_", "", StringComparison.Ordinal)).Distinct().ToList();
        var summary = $"{(used.Count == 0 ? "no index" : string.Join(", ", used))}; {total:0.00} ms";
        return (text.ToString(), summary);
    }

    public static string Slug(string name) => SlugParts().Replace(name.ToLowerInvariant(), "-").Trim('-');

    [GeneratedRegex(@"using (\S+) on")] private static partial Regex IndexName();
    [GeneratedRegex(@"Execution Time: ([0-9.]+) ms")] private static partial Regex ExecutionTime();
    [GeneratedRegex(@"[^a-z0-9]+")] private static partial Regex SlugParts();

    private sealed class Listeners : IObserver<DiagnosticListener>
    {
        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == DbLoggerCategory.Name) listener.Subscribe(new Events());
        }
        public void OnCompleted() { }
        public void OnError(Exception error) { }
    }

    private sealed class Events : IObserver<KeyValuePair<string, object?>>
    {
        public void OnNext(KeyValuePair<string, object?> e)
        {
            if (e.Key == RelationalEventId.CommandExecuting.Name && e.Value is CommandEventData data && Captured.Value is { } list)
                list.Add((data.Command.CommandText, data.Command.Parameters.Cast<NpgsqlParameter>().Select(p => p.Clone()).ToArray()));
        }
        public void OnCompleted() { }
        public void OnError(Exception error) { }
    }
}
