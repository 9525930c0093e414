using Microsoft.Playwright;

namespace OneStop.BrowserTests.Infrastructure;

/// <summary>
/// Debian's Chromium (package "chromium"), driven by the Node.js driver that ships inside the
/// Microsoft.Playwright NuGet package. Playwright never downloads a browser here: the suite runs
/// an executable that is already installed, so `playwright install` is not needed.
/// </summary>
public static class Chromium
{
    public const string DefaultPath = "/usr/bin/chromium";

    /// <summary>Another Chromium may be named with ONESTOP_CHROMIUM; /usr/bin/chromium otherwise.</summary>
    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("ONESTOP_CHROMIUM") is { Length: > 0 } path ? path : DefaultPath;

    /// <summary>Set by scripts/test.sh in CI: a missing browser then fails the run instead of skipping.</summary>
    public static bool Required => Environment.GetEnvironmentVariable("ONESTOP_REQUIRE_BROWSER") == "1";

    public static string Missing =>
        $"Browser tests need Chromium at {ExecutablePath} (Debian package \"chromium\": sudo apt-get install chromium). " +
        "scripts/test.sh installs it when run as root.";

    public static bool IsInstalled => File.Exists(ExecutablePath);

    public static BrowserTypeLaunchOptions LaunchOptions => new()
    {
        ExecutablePath = ExecutablePath,
        Headless = true,
        Args =
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
        ],
        Timeout = 30_000,
    };
}
