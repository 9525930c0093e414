using System.Net;
using OneStop.Tests.Identity;
using OneStop.Tests.Identity.Factors;
using OneStop.Tests.Office;
using static OneStop.Tests.Forms.TestForms;

namespace OneStop.Tests.Forms.Filling;

/// <summary>Who may open a draft: its owner, or the guest browser holding its secret; everyone else gets 404 (or sign-in).</summary>
public sealed class DraftAccessTests : IAsyncLifetime
{
    private readonly OneStopApp _app = new(Provider.Sqlite);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Draft_AnotherPersonsOrMissing_AnswersNotFound()
    {
        var owner = _app.NewBrowser();
        await owner.SignedInAsync(_app);
        var first = await owner.StartAsync();
        var draft = FillingSteps.DraftPath(first);
        var other = _app.NewBrowser();
        await other.SignedInAsync(_app);

        foreach (var path in new[] { first, $"{draft}/check", $"{draft}/sent", $"{draft}/delete", $"/applications/{Guid.NewGuid()}/what" })
        {
            using var response = await other.GetAsync(path, TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path} answered {(int)response.StatusCode}");
        }
        using var post = await other.PostAsync(first, new FormUrlEncodedContent([new("problem", "food")]), TestContext.Current.CancellationToken);
        Assert.True(post.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest);
        var (status, _) = await owner.GetPageAsync(first);
        Assert.Equal(200, status);
    }

    [Fact]
    public async Task Draft_SignedOut_IsSentToSignInAndBack()
    {
        var owner = _app.NewBrowser();
        await owner.SignedInAsync(_app);
        var first = await owner.StartAsync();

        using var response = await _app.NewBrowser().GetAsync(first, TestContext.Current.CancellationToken);

        Assert.Equal($"/account/sign-in?returnUrl={Uri.EscapeDataString(first)}", LocalPath(response));
    }

    [Fact]
    public async Task Guest_ServiceAllowsGuests_DraftKeptForThisBrowserOnly()
    {
        var guest = _app.NewBrowser();
        var first = await guest.StartAsync();
        var draft = FillingSteps.DraftPath(first);

        using (var what = await guest.AnswerAsync(first, [("problem", "food"), .. _app.DateBoxes("when", 1)]))
            Assert.Equal($"{draft}/where", what.Location());
        var (_, start) = await guest.GetPageAsync($"/services/{FillingSteps.DemoService}/apply");
        Assert.Equal(FillingSteps.DraftId(first).ToString(), start.QuerySelector("[data-draft]")!.GetAttribute("data-draft"));

        using var stranger = await _app.NewBrowser().GetAsync(first, TestContext.Current.CancellationToken);
        Assert.StartsWith("/account/sign-in", LocalPath(stranger));
        var forged = _app.NewBrowser();
        forged.DefaultRequestHeaders.Add("Cookie", $"onestop-draft-{FillingSteps.DraftId(first)}=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        using var wrongSecret = await forged.GetAsync(first, TestContext.Current.CancellationToken);
        Assert.StartsWith("/account/sign-in", LocalPath(wrongSecret));
    }

    [Fact]
    public async Task Start_ServiceWithoutGuests_SendsSignedOutPeopleToSignIn()
    {
        var slug = await TestJourneys.PublishForServiceAsync(_app, OnePage("td-plates", Field("plate", OneStop.Forms.Definitions.FieldType.Text)));

        using var response = await _app.NewBrowser().GetAsync($"/services/{slug}/apply", TestContext.Current.CancellationToken);

        Assert.Equal($"/account/sign-in?returnUrl={Uri.EscapeDataString($"/services/{slug}/apply")}", LocalPath(response));
    }

    [Fact]
    public async Task Start_VerifiedServiceBasicAccount_GoesThroughStepUp()
    {
        var slug = await TestJourneys.PublishForServiceAsync(_app, OnePage("td-plates", Field("plate", OneStop.Forms.Definitions.FieldType.Text)), assurance: "verified");
        var client = _app.NewBrowser();
        var email = await client.SignedInAsync(_app);

        using var basic = await client.GetAsync($"/services/{slug}/apply", TestContext.Current.CancellationToken);
        Assert.Equal($"/account/step-up?level=verified&returnUrl={Uri.EscapeDataString($"/services/{slug}/apply")}", basic.Location());

        await _app.VerifyIdentityAsync(email);
        await client.SignOutAsync();
        using (var signIn = await client.SignInAsync(email)) Assert.Equal("/account", signIn.Location());
        Assert.Equal("verified", await client.LevelAsync());
        var first = await client.StartAsync(slug);
        var (status, _) = await client.GetPageAsync(first);
        Assert.Equal(200, status);
    }

    [Fact]
    public async Task Start_RetiredForm_HasNoStartPage()
    {
        var slug = await TestJourneys.PublishForServiceAsync(_app, OnePage("td-plates", Field("plate", OneStop.Forms.Definitions.FieldType.Text)));
        await _app.QueryAsync(async db =>
        {
            var form = await db.Set<OneStop.Forms.Form>().FindAsync("td-plates");
            form!.RetiredAt = DateTime.UtcNow;
            return await db.SaveChangesAsync();
        });
        var client = _app.NewBrowser();
        await client.SignedInAsync(_app);

        using var start = await client.GetAsync($"/services/{slug}/apply", TestContext.Current.CancellationToken);
        var (_, service) = await client.GetPageAsync($"/services/{slug}");

        Assert.Equal(HttpStatusCode.NotFound, start.StatusCode);
        Assert.Null(service.QuerySelector($"a[href='/services/{slug}/apply']"));
    }

    /// <summary>The redirect's path and query (sign-in challenges give an absolute address).</summary>
    private static string LocalPath(HttpResponseMessage response) =>
        new Uri(new Uri("http://localhost"), response.Location()).PathAndQuery;
}
