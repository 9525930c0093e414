using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace OneStop.BrowserTests.Infrastructure;

/// <summary>axe-core on the page as it is now, against WCAG 2.0/2.1 A and AA and WCAG 2.2 AA.</summary>
public static class Accessibility
{
    public static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    public static async Task AssertAccessibleAsync(this IPage page)
    {
        var results = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. Tags] },
            ResultTypes = [ResultType.Violations],
        }).WaitAsync(TimeSpan.FromSeconds(30)); // Playwright's evaluate has no timeout of its own.
        if (results.Violations.Length == 0) return;

        var report = new StringBuilder()
            .AppendLine($"axe found {results.Violations.Length} accessibility violation(s) on {page.Url}:");
        foreach (var violation in results.Violations)
        {
            report.AppendLine($"- {violation.Id} ({violation.Impact}): {violation.Help}")
                .AppendLine($"  {violation.HelpUrl}");
            foreach (var node in violation.Nodes)
            {
                report.AppendLine($"    at {node.Target}")
                    .AppendLine($"       {node.Html}");
                // Why it failed, as in axe's own failureSummary.
                AppendChecks(report, "Fix any of the following:", node.Any);
                AppendChecks(report, "Fix all of the following:", [.. node.All ?? [], .. node.None ?? []]);
            }
        }
        Assert.Fail(report.ToString());
    }

    private static void AppendChecks(StringBuilder report, string heading, AxeResultCheck[]? checks)
    {
        var messages = (checks ?? []).Select(c => c.Message).Where(m => !string.IsNullOrWhiteSpace(m)).Distinct().ToList();
        if (messages.Count == 0) return;
        report.AppendLine("       " + heading);
        foreach (var message in messages) report.AppendLine("         - " + message);
    }
}
