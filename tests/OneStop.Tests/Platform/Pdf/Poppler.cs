using System.Diagnostics;

namespace OneStop.Tests.Platform.Pdf;

/// <summary>
/// Reads PDFs back with Debian's poppler-utils, a reader independent of the library that wrote them.
/// Missing tools skip the test locally and fail it in CI (scripts/test.sh installs poppler-utils).
/// </summary>
internal static class Poppler
{
    /// <summary>The text of the PDF (or of one page), as a person copying it would get it.</summary>
    public static Task<string> TextAsync(byte[] pdf, int? page = null) =>
        RunAsync("pdftotext", pdf, page is { } p ? ["-enc", "UTF-8", "-f", $"{p}", "-l", $"{p}"] : ["-enc", "UTF-8"], "-");

    /// <summary>pdfinfo's "Key: value" lines.</summary>
    public static async Task<Dictionary<string, string>> InfoAsync(byte[] pdf)
    {
        var output = await RunAsync("pdfinfo", pdf, ["-enc", "UTF-8"]);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0].Trim(), parts => parts[1].Trim());
    }

    /// <summary>pdffonts' table rows, one per font, split into columns.</summary>
    public static async Task<List<string[]>> FontsAsync(byte[] pdf)
    {
        var output = await RunAsync("pdffonts", pdf, []);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
    }

    /// <summary>Every word with its box, from pdftotext's -bbox output.</summary>
    public static async Task<List<(string Text, double XMin, double YMin, double XMax)>> WordsAsync(byte[] pdf)
    {
        var html = await RunAsync("pdftotext", pdf, ["-enc", "UTF-8", "-bbox"], "-");
        var words = System.Text.RegularExpressions.Regex.Matches(html,
            """<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>""");
        return words.Select(m => (System.Net.WebUtility.HtmlDecode(m.Groups[4].Value),
            double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
            double.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture),
            double.Parse(m.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture))).ToList();
    }

    private static async Task<string> RunAsync(string tool, byte[] pdf, string[] options, string? output = null)
    {
        var path = "/usr/bin/" + tool;
        if (!File.Exists(path))
        {
            var missing = $"{tool} is not installed (Debian package poppler-utils).";
            if (Environment.GetEnvironmentVariable("CI") == "true") throw new InvalidOperationException(missing);
            Assert.Skip(missing);
        }
        var file = Path.Combine(Path.GetTempPath(), $"onestop-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf, TestContext.Current.CancellationToken);
        try
        {
            var start = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var option in options) start.ArgumentList.Add(option);
            start.ArgumentList.Add(file);
            if (output is not null) start.ArgumentList.Add(output);
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            Assert.True(process.ExitCode == 0, $"{tool} failed: {await stderr}");
            return await stdout;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
