using Microsoft.Playwright;

namespace OneStop.BrowserTests.Infrastructure;

/// <summary>
/// One running portal and one Chromium for a test class (xunit class fixture); each test opens its
/// own browser context and page, so cookies and storage never leak between tests.
/// When Chromium is not installed the tests are skipped, or fail when ONESTOP_REQUIRE_BROWSER=1.
/// </summary>
public sealed class Portal : IAsyncLifetime
{
    private OneStopServer? _server;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public string BaseUrl => _server?.BaseUrl ?? throw new InvalidOperationException("The portal is not running.");

    public async ValueTask InitializeAsync()
    {
        if (!Chromium.IsInstalled)
        {
            // Fail the whole class at once in CI; elsewhere each test skips with the same message.
            if (Chromium.Required) throw new InvalidOperationException(Chromium.Missing + " (ONESTOP_REQUIRE_BROWSER=1)");
            return;
        }
        _server = new OneStopServer();
        _server.Start();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(Chromium.LaunchOptions);
    }

    /// <summary>A fresh context and page; JavaScript can be switched off to test the no-JS path.</summary>
    public async Task<IPage> OpenAsync(bool javaScript = true, int width = 1280, int height = 900)
    {
        if (_browser is null) Assert.Skip(Chromium.Missing);
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            JavaScriptEnabled = javaScript,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "en-GB",
        });
        context.SetDefaultTimeout(10_000);
        context.SetDefaultNavigationTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_server is not null) await _server.DisposeAsync();
    }
}
