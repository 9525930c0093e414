using System.Net;
using OneStop.Tests.Forms.Filling;
using OneStop.Tests.Office;

namespace OneStop.Tests.Forms.Guests;

/// <summary>A person without an account on the demo food-hygiene report (a service that allows guests).</summary>
public static class GuestSteps
{
    /// <summary>Starts a guest application (under a language prefix, e.g. "/zh-hk") and answers its first page; the draft's path.</summary>
    public static async Task<string> StartGuestDraftAsync(this HttpClient guest, OneStopApp app, string prefix = "")
    {
        using var started = await guest.SubmitAsync($"{prefix}/services/{FillingSteps.DemoService}/apply", new Dictionary<string, string>());
        var first = started.Location();
        var draft = FillingSteps.DraftPath(first);
        using (var what = await guest.AnswerAsync(first, [("problem", "food"), .. app.DateBoxes("when", 1)]))
            Assert.Equal($"{draft}/where", what.Location());
        return draft;
    }

    /// <summary>"Save and come back later" on a question page, then the address on the resume-link page; the page shown after.</summary>
    public static async Task<AngleSharp.Dom.IDocument> AskForLinkAsync(this HttpClient guest, string draft, string email)
    {
        using (var later = await guest.AnswerAsync($"{draft}/where", ("shopName", "Lucky Noodles"), ("intent", "save-later")))
            Assert.Equal($"{draft}/resume-link", later.Location());
        using var sent = await guest.SubmitAsync($"{draft}/resume-link", new Dictionary<string, string> { ["Email"] = email });
        Assert.Equal($"{draft}/resume-link", sent.Location());
        var (status, page) = await guest.GetPageAsync($"{draft}/resume-link");
        Assert.Equal(200, status);
        return page;
    }

    /// <summary>Opens a resume link in <paramref name="browser"/> and presses its button; the redirect's target.</summary>
    public static async Task<string> ResumeAsync(this HttpClient browser, string link)
    {
        var (status, page) = await browser.GetPageAsync(link);
        Assert.True(status == 200, $"GET {link} answered {status}");
        Assert.NotNull(page.QuerySelector("button[data-resume]"));
        using var resumed = await browser.SubmitAsync(page, link, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, resumed.StatusCode);
        return resumed.Location();
    }
}
