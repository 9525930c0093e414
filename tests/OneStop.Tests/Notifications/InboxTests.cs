using OneStop.Notifications;
using OneStop.Tests.Identity;
using OneStop.Tests.Office;

namespace OneStop.Tests.Notifications;

/// <summary>The in-portal inbox and the preferences page, through their pages.</summary>
public sealed class InboxTests(SqliteNotificationsFixture fixture) : IClassFixture<SqliteNotificationsFixture>
{
    private NotificationsApp App => fixture.App;

    [Fact]
    public async Task Inbox_AfterSending_ListsTheCopyUnreadAndOpeningMarksItRead()
    {
        var (id, email) = await App.CitizenAsync();
        var client = await App.SignedInAsync(email);
        await App.EnqueueAsync(NotificationSteps.Request(id, "case.information-requested",
            values: new Dictionary<string, string> { ["reference"] = "TD-2026-000099", ["reason"] = "A photo of you", ["due"] = "1 December 2026" }));
        await App.RunOutboxAsync();

        var (_, list) = await client.GetPageAsync("/inbox");
        var item = Assert.Single(list.QuerySelectorAll("[data-message]"));
        Assert.Equal("true", item.GetAttribute("data-unread"));
        Assert.Contains("We need more information for your application TD-2026-000099", item.TextContent);
        var (status, message) = await client.GetPageAsync("/inbox/" + item.GetAttribute("data-message"));
        var (_, after) = await client.GetPageAsync("/inbox");

        Assert.Equal(200, status);
        Assert.Contains("What we need: A photo of you", message.QuerySelector("[data-body]")!.TextContent);
        Assert.Equal("false", after.QuerySelector("[data-message]")!.GetAttribute("data-unread"));
    }

    [Fact]
    public async Task Inbox_AnotherPersonsMessage_IsNotFound()
    {
        var (id, _) = await App.CitizenAsync();
        var (_, otherEmail) = await App.CitizenAsync();
        await App.EnqueueAsync(NotificationSteps.Request(id));
        await App.RunOutboxAsync();
        var messageId = Assert.Single(await App.InboxOfAsync(id)).Id;
        var other = await App.SignedInAsync(otherEmail);

        var (status, _) = await other.GetTextAsync($"/inbox/{messageId}");
        var (_, list) = await other.GetPageAsync("/inbox");

        Assert.Equal(404, status);
        Assert.Empty(list.QuerySelectorAll("[data-message]"));
        Assert.Null(Assert.Single(await App.InboxOfAsync(id)).ReadAt);
    }

    [Fact]
    public async Task Inbox_ValueWithMarkup_IsShownAsText()
    {
        var (id, email) = await App.CitizenAsync();
        var client = await App.SignedInAsync(email);
        await App.EnqueueAsync(NotificationSteps.Request(id, "case.rejected",
            values: new Dictionary<string, string> { ["reference"] = "TD-2026-000100", ["reason"] = "<script>alert(1)</script><b>bold</b>" }));
        await App.RunOutboxAsync();
        var messageId = Assert.Single(await App.InboxOfAsync(id)).Id;

        var (_, body) = await client.GetTextAsync($"/inbox/{messageId}");

        Assert.DoesNotContain("<script>alert(1)", body);
        Assert.DoesNotContain("<b>bold</b>", body);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", body);
    }

    [Theory]
    [InlineData("/inbox")]
    [InlineData("/account/notifications")]
    public async Task Pages_SignedOut_AskToSignIn(string url)
    {
        using var response = await App.NewBrowser().GetAsync(url, TestContext.Current.CancellationToken);

        Assert.StartsWith("/account/sign-in", Identity.Staff.StaffPeople.PathOf(response.Location()));
    }

    [Fact]
    public async Task Preferences_SmsWithoutAnyNumber_ShowsTheErrorAndKeepsEmail()
    {
        var (id, email) = await App.CitizenAsync();
        var client = await App.SignedInAsync(email);

        using var response = await client.SubmitAsync("/account/notifications", new Dictionary<string, string> { ["Channel"] = "sms", ["Phone"] = "" });
        var page = await response.ReadPageAsync();

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(["Enter a mobile number for text messages"], page.ErrorSummary());
        Assert.StartsWith("Error: ", page.Title);
        Assert.Null(await App.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleOrDefaultAsync(
            db.Set<NotificationPreference>().Where(p => p.UserId == id), TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task Preferences_ProfileHasAPhone_TextsGoThereWithoutAsking()
    {
        var (id, email) = await App.CitizenAsync();
        var phone = NotificationSteps.NewPhone();
        var client = await App.SignedInAsync(email);
        using (var saved = await client.SubmitAsync("/account/profile/contact", new Dictionary<string, string> { ["Phone"] = phone, ["Language"] = "en" }))
            Assert.Equal(302, (int)saved.StatusCode);

        var (_, page) = await client.GetPageAsync("/account/notifications");
        await client.ChooseAsync(NotificationChannels.Sms);
        await App.EnqueueAsync(NotificationSteps.Request(id));
        await App.RunOutboxAsync();

        Assert.Null(page.QuerySelector("input[name=Phone]"));
        Assert.Contains("+852" + phone, page.QuerySelector("[data-profile-phone]")!.TextContent);
        Assert.Single(App.TextsTo("+852" + phone));
        Assert.Empty(App.To(email));
    }

    [Fact]
    public async Task Preferences_Saved_StoresThePhoneEncryptedAndAudits()
    {
        var (id, email) = await App.CitizenAsync();
        var phone = NotificationSteps.NewPhone();
        var client = await App.SignedInAsync(email);

        await client.ChooseAsync(NotificationChannels.Sms, phone);

        var stored = await App.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.Set<NotificationPreference>().Where(p => p.UserId == id), TestContext.Current.CancellationToken));
        Assert.Equal(NotificationChannels.Sms, stored.Channel);
        Assert.NotNull(stored.Phone);
        Assert.DoesNotContain(phone, stored.Phone);
        var (_, activity) = await client.GetPageAsync("/account/activity");
        Assert.NotNull(activity.QuerySelector($"[data-event='{NotificationAuditEvents.PreferencesChanged}']"));
    }
}
