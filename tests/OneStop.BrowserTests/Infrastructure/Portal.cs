using Microsoft.Playwright;

namespace OneStop.BrowserTests.Infrastructure;

/// <summary>
/// One running portal and one Chromium for a test class (xunit class fixture); each test opens its
/// own <see cref="BrowserSession"/> (a browser context and page), so cookies never leak between tests.
/// When Chromium is not installed the tests are skipped, or fail when ONESTOP_REQUIRE_BROWSER=1.
/// </summary>
public sealed class Portal : IAsyncLifetime
{
    private OneStopServer? _server;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public string BaseUrl => _server?.BaseUrl ?? throw new InvalidOperationException("The portal is not running.");

    /// <summary>The running app, for what a person would read outside the browser (their email).</summary>
    public OneStopServer Server => _server ?? throw new InvalidOperationException("The portal is not running.");

    public async ValueTask InitializeAsync()
    {
        if (!Chromium.IsInstalled)
        {
            // In CI the whole class fails at once; elsewhere each test skips with the same message.
            if (Chromium.Required) throw new InvalidOperationException(Chromium.Missing + " (ONESTOP_REQUIRE_BROWSER=1)");
            return;
        }
        _server = new OneStopServer();
        _server.Start();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(Chromium.LaunchOptions);
    }

    /// <summary>
    /// A fresh browser context and page; JavaScript can be switched off to test the no-script path.
    /// <paramref name="localhost"/> browses the portal as http://localhost:port instead of 127.0.0.1 (WebAuthn
    /// refuses an IP address as relying party id).
    /// </summary>
    public async Task<BrowserSession> OpenAsync(bool javaScript = true, int width = 1280, int height = 900, bool localhost = false)
    {
        if (_browser is null) Assert.Skip(Chromium.Missing);
        var page = await NewPageAsync(javaScript, width, height, localhost);
        // axe cannot run where JavaScript is off (its promises and timers never settle, so it hangs).
        // Such pages are checked in a twin page that runs Playwright's scripts but blocks the site's
        // own, so the document axe sees is the one a person without JavaScript gets.
        IPage? auditor = null;
        if (!javaScript)
        {
            auditor = await NewPageAsync(javaScript: true, width, height, localhost);
            await auditor.Context.RouteAsync("**/*.js", route => route.AbortAsync());
        }
        return new BrowserSession(page, auditor);
    }

    private async Task<IPage> NewPageAsync(bool javaScript, int width, int height, bool localhost = false)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = localhost ? new UriBuilder(BaseUrl) { Host = "localhost" }.Uri.ToString().TrimEnd('/') : BaseUrl,
            JavaScriptEnabled = javaScript,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "en-GB",
        });
        // Generous: CI runs two test classes at once on two cores beside Chromium and the server, and a post that
        // saves, redirects and renders can then take well over ten seconds. A real failure still fails, later.
        context.SetDefaultTimeout(20_000);
        context.SetDefaultNavigationTimeout(30_000);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_server is not null) await _server.DisposeAsync();
    }
}

/// <summary>One test's browser context and page.</summary>
public sealed class BrowserSession(IPage page, IPage? auditor) : IAsyncDisposable
{
    public IPage Page { get; } = page;

    /// <summary>axe on the page as it is now (for a page without JavaScript: on the same document, site scripts blocked).</summary>
    public async Task AssertAccessibleAsync()
    {
        if (auditor is null)
        {
            await Page.AssertAccessibleAsync();
            return;
        }
        // The twin has none of this page's cookies and cannot repeat its post, so re-requesting the URL could
        // show another page (sign-in instead of the account, a form without its error summary). It is served
        // this page's own document instead; its styles and images still come from the portal.
        var url = Page.Url;
        var html = await Page.ContentAsync();
        bool ThisPage(string u) => u == url;
        await auditor.RouteAsync(ThisPage, route => route.FulfillAsync(new() { Status = 200, ContentType = "text/html; charset=utf-8", Body = html }));
        try
        {
            await auditor.GotoAsync(url);
            // The twin shows this very document (a re-requested URL would have lost e.g. the "Error: " title).
            Assert.Equal(await Page.TitleAsync(), await auditor.TitleAsync());
            await auditor.AssertAccessibleAsync();
        }
        finally
        {
            await auditor.UnrouteAsync(ThisPage);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Page.Context.CloseAsync();
        if (auditor is not null) await auditor.Context.CloseAsync();
    }
}
