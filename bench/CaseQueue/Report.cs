using System.Globalization;
using System.Text;

namespace CaseQueue;

internal static class Report
{
    public static string Table(IReadOnlyList<(string Name, int Rows, Dictionary<int, Stats> ByClients, string? Plan)> results, int[] clients)
    {
        var text = new StringBuilder("| shape | rows |");
        foreach (var c in clients) text.Append(CultureInfo.InvariantCulture, $" p50 ({c}) | p99 ({c}) | max ({c}) |");
        text.Append(" index used; EXPLAIN ANALYZE time |\n|---|---:|");
        foreach (var _ in clients) text.Append("---:|---:|---:|");
        text.Append("---|\n");
        foreach (var (name, rows, byClients, plan) in results)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {name} | {rows} |");
            foreach (var c in clients)
            {
                var s = byClients[c];
                text.Append(CultureInfo.InvariantCulture, $" {Ms(s.P50)} | {Over(s.P99)} | {Ms(s.Max)} |");
            }
            text.Append(CultureInfo.InvariantCulture, $" {plan ?? "–"} |\n");
        }
        return text.ToString().TrimEnd('\n');
    }

    private static string Ms(double ms) => ms.ToString(ms < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture) + " ms";

    /// <summary>The aim is a p99 under 50 ms: a miss is marked in bold.</summary>
    private static string Over(double ms) => ms >= 50 ? $"**{Ms(ms)}**" : Ms(ms);
}
