using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Identity;
using OneStop.Identity.Factors;

namespace OneStop.Tests.Identity.Factors;

/// <summary>Pages that need a higher level send a signed-in person through step-up and back.</summary>
public sealed class StepUpTests : IAsyncLifetime
{
    private readonly ProbeApp _app = new();

    private HttpClient NewBrowser() => _app.CreateClient(new() { AllowAutoRedirect = false });

    [Fact]
    public void Url_LevelAndReturnUrl_AreInTheQuery()
    {
        Assert.Equal("/account/step-up?level=advanced&returnUrl=%2Fservices%2Fx%3Fa%3D1", StepUp.Url(AssuranceLevel.Advanced, "/services/x?a=1"));
    }

    [Fact]
    public async Task AdvancedPage_VerifiedSessionWithAnAuthenticator_StepsUpWithACodeAndGoesBack()
    {
        var client = NewBrowser();
        var email = await client.SignedInAsync(_app);
        await _app.VerifyIdentityAsync(email);
        var (key, codes) = await client.EnableAuthenticatorAsync(_app);
        await client.SignOutAsync();
        (await client.SignInWithCodeAsync(email, codes[0])).Dispose(); // a recovery code: Verified, not Advanced

        using var refused = await client.GetAsync("/test/needs/advanced?x=1", TestContext.Current.CancellationToken);
        var stepUp = refused.Location();
        using var stepped = await client.SubmitAsync(stepUp, new Dictionary<string, string> { ["Code"] = _app.NextCode(key) });
        var (status, body) = await client.GetTextAsync(stepped.Location());

        Assert.Equal("/account/step-up?level=advanced&returnUrl=%2Ftest%2Fneeds%2Fadvanced%3Fx%3D1", stepUp);
        Assert.Equal("/test/needs/advanced?x=1", stepped.Location());
        Assert.Equal((200, "reached advanced"), (status, body));
    }

    [Fact]
    public async Task AdvancedPage_VerifiedSessionWithNoFactor_SetsUpTheAppAndComesBack()
    {
        var client = NewBrowser();
        var email = await client.SignedInAsync(_app);
        await _app.VerifyIdentityAsync(email);
        using var refused = await client.GetAsync("/test/needs/advanced", TestContext.Current.CancellationToken);
        var (_, stepUp) = await client.GetPageAsync(refused.Location());
        var setUp = stepUp.QuerySelector("[data-step-up-setup=authenticator]")!.GetAttribute("href")!;

        var (_, setup) = await client.GetPageAsync(setUp);
        var key = setup.QuerySelector("#authenticator-key")!.TextContent.Replace(" ", "");
        using var enabled = await client.SubmitAsync(setup, setUp, new Dictionary<string, string> { ["Code"] = _app.CodeNow(key) }, "Enable");
        var (_, codes) = await client.GetPageAsync(enabled.Location());
        var onward = codes.QuerySelector("main a.govuk-button")!.GetAttribute("href")!;
        using var back = await client.GetAsync(onward, TestContext.Current.CancellationToken);

        Assert.StartsWith("/account/step-up?level=advanced", onward);
        Assert.Equal("/test/needs/advanced", back.Location());
        Assert.Equal((200, "reached advanced"), await client.GetTextAsync(back.Location()));
    }

    [Fact]
    public async Task VerifiedPage_BasicSession_ExplainsAndLinksToVerificationWithTheWayBack()
    {
        var client = NewBrowser();
        await client.SignedInAsync(_app);

        using var refused = await client.GetAsync("/zh-hk/test/needs/verified", TestContext.Current.CancellationToken);
        var (_, page) = await client.GetPageAsync(refused.Location());

        Assert.Equal("/zh-hk/account/step-up?level=verified&returnUrl=%2Fzh-hk%2Ftest%2Fneeds%2Fverified", refused.Location());
        Assert.Equal("verified", page.QuerySelector("[data-step-up]")!.GetAttribute("data-step-up"));
        Assert.Equal("/zh-hk/account/verify?returnUrl=%2Fzh-hk%2Ftest%2Fneeds%2Fverified", page.QuerySelector("[data-step-up-verify]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task StepUp_WrongCode_ShowsErrorAndStaysBelowAdvanced()
    {
        var client = NewBrowser();
        var email = await client.SignedInAsync(_app);
        await _app.VerifyIdentityAsync(email);
        var (key, codes) = await client.EnableAuthenticatorAsync(_app);
        await client.SignOutAsync();
        (await client.SignInWithCodeAsync(email, codes[0])).Dispose();
        var wrong = (int.Parse(_app.NextCode(key)) + 500_000) % 1_000_000;

        using var response = await client.SubmitAsync(StepUp.Url(AssuranceLevel.Advanced, "/account"), new Dictionary<string, string> { ["Code"] = wrong.ToString("D6") });

        Assert.Contains("not right", Assert.Single((await response.ReadPageAsync()).ErrorSummary()));
        Assert.Equal("verified", await client.LevelAsync());
    }

    [Fact]
    public async Task AdvancedPage_SignedOut_GoesToSignInNotStepUp()
    {
        using var response = await NewBrowser().GetAsync("/test/needs/advanced", TestContext.Current.CancellationToken);

        Assert.Contains("/account/sign-in", response.Location());
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    /// <summary>The portal plus /test/needs/{level}: an endpoint behind each assurance policy, as a service page would be.</summary>
    private sealed class ProbeApp() : OneStopApp(Provider.Sqlite, seed: false)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, Probes>());
        }
    }

    /// <summary>Sets the endpoint before routing runs (routing keeps an endpoint already chosen), so the app's own pipeline authorises it.</summary>
    private sealed class Probes : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                var path = context.Request.Path.Value ?? "";
                var at = path.IndexOf("/test/needs/", StringComparison.Ordinal);
                if (at >= 0 && Assurance.FromAcr(path[(at + "/test/needs/".Length)..]) is { } level)
                {
                    context.SetEndpoint(new Endpoint(c => c.Response.WriteAsync("reached " + level.AcrValue()),
                        new EndpointMetadataCollection(new AuthorizeAttribute("assurance:" + level.AcrValue())), "probe"));
                }
                return following(context);
            });
            next(app);
        };
    }
}
