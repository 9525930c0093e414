using Microsoft.EntityFrameworkCore;
using OneStop.Forms;
using OneStop.Tests.Identity;
using OneStop.Tests.Office;

namespace OneStop.Tests.Forms.Filling;

/// <summary>My applications: leave a form, sign in again elsewhere, carry on where you stopped; delete a draft; see what was sent.</summary>
public sealed class MyApplicationsTests : IAsyncLifetime
{
    private readonly OneStopApp _app = new(Provider.Sqlite);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Resume_SignInAgainInAnotherBrowser_ContinuesWhereItStopped()
    {
        var laptop = _app.NewBrowser();
        var email = await laptop.SignedInAsync(_app);
        var first = await laptop.StartAsync();
        var draft = FillingSteps.DraftPath(first);
        using (var what = await laptop.AnswerAsync(first, [("problem", "food"), .. _app.DateBoxes("when", 4)]))
            Assert.Equal($"{draft}/where", what.Location());
        // Leaves half-way through the second page: what reads is kept, nothing is demanded.
        using (var later = await laptop.AnswerAsync($"{draft}/where", ("shopName", "Lucky Noodles"), ("intent", "save-later")))
            Assert.Equal("/applications", later.Location());

        var phone = _app.NewBrowser();
        using (var signIn = await phone.SignInAsync(email)) Assert.Equal("/account", signIn.Location());
        var (_, account) = await phone.GetPageAsync("/account");
        Assert.NotNull(account.QuerySelector("main a[href='/applications']"));
        var (_, mine) = await phone.GetPageAsync("/applications");
        var row = mine.QuerySelector($"[data-draft='{FillingSteps.DraftId(first)}']")!;
        Assert.Contains("Report a food safety or hygiene problem", row.TextContent);
        var continuePath = row.QuerySelector("a[data-continue]")!.GetAttribute("href")!;
        Assert.Equal($"{draft}/where", continuePath);

        var (_, where) = await phone.GetPageAsync(continuePath);
        Assert.Equal("Lucky Noodles", where.QuerySelector("input#shopName")!.GetAttribute("value"));
        using (var done = await phone.PostPageAsync(where, continuePath, ("shopAddress.street", "1 Main Street"), ("shopAddress.district", "islands"), ("details", "Mould")))
            Assert.Equal($"{draft}/contact", done.Location());
        using (var contact = await phone.AnswerAsync($"{draft}/contact", ("wantsReply", "false")))
            Assert.Equal($"{draft}/check", contact.Location());
        using (var submit = await phone.AnswerAsync($"{draft}/check")) Assert.Equal($"{draft}/sent", submit.Location());

        var (_, after) = await phone.GetPageAsync("/applications");
        Assert.Null(after.QuerySelector("[data-draft]"));
        var sent = after.QuerySelector("[data-reference]")!;
        var stored = await _app.QueryAsync(db => db.Set<Submission>().SingleAsync());
        Assert.Equal(stored.Reference, sent.GetAttribute("data-reference"));
        // Each sent application links to its own page (Cases/Applicants), where its case is followed.
        Assert.Equal($"/applications/sent/{stored.Reference}", sent.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task SaveLater_ValueThatDoesNotRead_IsLeftOutAndTheRestKept()
    {
        var client = _app.NewBrowser();
        await client.SignedInAsync(_app);
        var first = await client.StartAsync();
        using (var reveal = await client.AnswerAsync(first, ("problem", "illness"))) Assert.Equal($"{first}#peopleIll", reveal.Location());

        using (var later = await client.AnswerAsync(first, [("peopleIll", "twelve"), .. _app.DateBoxes("when", 1), ("intent", "save-later")]))
            Assert.Equal("/applications", later.Location());

        var (_, page) = await client.GetPageAsync(first);
        Assert.Equal("", page.QuerySelector("input#peopleIll")!.GetAttribute("value") ?? "");
        Assert.NotNull(page.QuerySelector("input[name=problem][value=illness][checked]"));
        Assert.False(string.IsNullOrEmpty(page.QuerySelector("input#when-day")!.GetAttribute("value")));
    }

    [Fact]
    public async Task Delete_Confirmed_RemovesTheDraft()
    {
        var client = _app.NewBrowser();
        await client.SignedInAsync(_app);
        var first = await client.StartAsync();
        var (_, mine) = await client.GetPageAsync("/applications");
        var delete = mine.QuerySelector("a[data-delete]")!.GetAttribute("href")!;

        using var response = await client.AnswerAsync(delete);

        Assert.Equal("/applications?deleted=true", response.Location());
        var (_, after) = await client.GetPageAsync("/applications?deleted=true");
        Assert.NotNull(after.QuerySelector(".govuk-notification-banner--success"));
        Assert.Null(after.QuerySelector("[data-draft]"));
        Assert.Equal(0, await _app.QueryAsync(db => db.Set<FormDraft>().CountAsync()));
        using var gone = await client.GetAsync(first, TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Draft_PastItsLifetime_IsGone()
    {
        var client = _app.NewBrowser();
        var email = await client.SignedInAsync(_app);
        var first = await client.StartAsync();
        var expires = await _app.QueryAsync(db => db.Set<FormDraft>().Select(d => d.ExpiresAt).SingleAsync());
        Assert.InRange((expires - _app.Clock.GetUtcNow().UtcDateTime).TotalMinutes, 30 * 1440 - 1, 30 * 1440 + 1);

        _app.Clock.Advance(TimeSpan.FromDays(31));
        (await client.SignInAsync(email)).Dispose();

        using var gone = await client.GetAsync(first, TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, gone.StatusCode);
        var (_, mine) = await client.GetPageAsync("/applications");
        Assert.NotNull(mine.QuerySelector("[data-no-drafts]"));
    }

    [Fact]
    public async Task Pages_TraditionalChinese_ShowChineseLabelsAndErrors()
    {
        var client = _app.NewBrowser();
        await client.SignedInAsync(_app);
        var first = await client.StartAsync();
        var chinese = "/zh-hk" + first;

        var (_, page) = await client.GetPageAsync(chinese);
        Assert.Equal("問題是甚麼？", page.QuerySelector("fieldset legend")!.TextContent.Trim());
        Assert.Equal("第 1 步，共 3 步", page.QuerySelector("[data-step]")!.FirstChild!.TextContent.Trim());
        using var empty = await client.PostPageAsync(page, chinese);

        var error = await empty.ReadPageAsync();
        Assert.StartsWith("錯誤：", error.Title);
        Assert.Equal("請選擇「問題是甚麼？」的答案", error.ErrorSummary()[0]);
        Assert.Equal("zh-HK", error.DocumentElement.GetAttribute("lang"));
    }
}
