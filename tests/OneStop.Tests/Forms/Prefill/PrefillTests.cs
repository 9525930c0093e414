using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OneStop.Forms;
using OneStop.Forms.Prefill;
using OneStop.Tests.Forms.Filling;
using OneStop.Tests.Identity;
using OneStop.Tests.Office;

namespace OneStop.Tests.Forms.Prefill;

/// <summary>Prefill with consent: the offer, OneStop ID's consent screen, answers filled and locked, through the pages.</summary>
public sealed class PrefillTests : IAsyncLifetime
{
    private readonly OneStopApp _app = new(Provider.Sqlite);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task<(HttpClient Client, string Email, string Slug)> PersonAndFormAsync(bool verified = true)
    {
        var slug = await TestJourneys.PublishForServiceAsync(_app, PrefillSteps.ProfileForm());
        var client = _app.NewBrowser();
        var email = await client.SignedInAsync(_app);
        await _app.GiveProfileAsync(email, verified);
        return (client, email, slug);
    }

    [Fact]
    public async Task Start_FormWithPrefill_OffersTheProfileFieldsFirst()
    {
        var (client, _, slug) = await PersonAndFormAsync();

        var prefill = await client.StartToPrefillAsync(slug);
        var (status, page) = await client.GetPageAsync(prefill);
        using var question = await client.GetAsync(FillingSteps.DraftPath(prefill) + "/you", TestContext.Current.CancellationToken);

        Assert.Equal(200, status);
        Assert.Equal(["name", "card", "born", "sex", "tel", "home"], page.QuerySelectorAll("[data-prefill-fields] li").Select(li => li.GetAttribute("data-field")));
        Assert.NotNull(page.QuerySelector("form[action*='handler=Use'] button"));
        Assert.NotNull(page.QuerySelector("form[action*='handler=Skip'] button"));
        // Until the person answers, the questions send them to the offer.
        Assert.Equal(prefill, question.Location());
    }

    [Fact]
    public async Task ConsentGranted_FillsEmptyAnswersAndKeepsWhatWasTyped()
    {
        var (client, _, slug) = await PersonAndFormAsync();
        var prefill = await client.StartToPrefillAsync(slug);
        var draftId = FillingSteps.DraftId(prefill);
        await _app.SetDraftAnswersAsync(draftId, new JsonObject { ["tel"] = "61234567" });

        var back = await client.ConsentAsync(prefill, approve: true);
        using var applied = await client.GetAsync(back, TestContext.Current.CancellationToken);
        var (_, page) = await client.GetPageAsync(applied.Location());
        var answers = await _app.DraftAnswersAsync(draftId);

        Assert.Matches($"^{prefill}\\?consent=granted&receipt=[0-9a-f-]{{36}}$", back);
        Assert.Equal($"{FillingSteps.DraftPath(prefill)}/you?prefill=filled", applied.Location());
        Assert.NotNull(page.QuerySelector("[data-prefill-notice=filled]"));
        Assert.Equal(PrefillSteps.Name, answers["name"]!.GetValue<string>());
        Assert.Equal(PrefillSteps.Card, answers["card"]!.GetValue<string>());
        Assert.Equal("1992-11-25", answers["born"]!.GetValue<string>());
        Assert.Equal("F", answers["sex"]!.GetValue<string>());
        Assert.Equal("61234567", answers["tel"]!.GetValue<string>());
        Assert.Equal("""{"flat":"A","floor":"12/F","building":"Harbour View Mansion","street":"88 Gloucester Road","district":"wan-chai"}""", answers["home"]!.ToJsonString());
        Assert.Equal("61234567", page.QuerySelector("input#tel")!.GetAttribute("value"));
        Assert.True(page.QuerySelector("input[name='sex'][value='F']")!.HasAttribute("checked"));
        var receipt = Guid.Parse(back.Split("receipt=")[1]);
        Assert.Equal(receipt, await _app.QueryAsync(db => db.Set<FormDraft>().Where(d => d.Id == draftId).Select(d => d.ConsentReceiptId).SingleAsync(TestContext.Current.CancellationToken)));
        var audit = await _app.QueryAsync(db => db.AuditEntries.SingleAsync(e => e.Event == PrefillEvents.Applied, TestContext.Current.CancellationToken));
        Assert.Equal($"form=td-prefill;receipt={receipt};filled=name card born sex home;locked=name card", audit.Detail);
    }

    [Fact]
    public async Task ConsentGranted_ReceiptIsListedInThePersonsConsents()
    {
        var (client, _, slug) = await PersonAndFormAsync();
        var prefill = await client.StartToPrefillAsync(slug);

        var back = await client.ConsentAsync(prefill, approve: true);
        using var _ = await client.GetAsync(back, TestContext.Current.CancellationToken);
        var (_, consents) = await client.GetPageAsync("/account/consents");

        var card = consents.QuerySelector($"[data-receipt='{back.Split("receipt=")[1]}']");
        Assert.NotNull(card);
        Assert.Contains("To fill in Prefill test", card.TextContent);
        Assert.Equal("active", card.QuerySelector("[data-status]")!.GetAttribute("data-status"));
    }

    [Fact]
    public async Task ConsentDeclined_FillsNothingShowsANoticeAndDoesNotAskAgain()
    {
        var (client, _, slug) = await PersonAndFormAsync();
        var prefill = await client.StartToPrefillAsync(slug);
        var draftId = FillingSteps.DraftId(prefill);

        var back = await client.ConsentAsync(prefill, approve: false);
        using var declined = await client.GetAsync(back, TestContext.Current.CancellationToken);
        var (_, page) = await client.GetPageAsync(declined.Location());
        using var again = await client.GetAsync(prefill, TestContext.Current.CancellationToken);

        Assert.Equal($"{prefill}?consent=declined", back);
        Assert.Equal($"{FillingSteps.DraftPath(prefill)}/you?prefill=declined", declined.Location());
        Assert.NotNull(page.QuerySelector("[data-prefill-notice=declined]"));
        Assert.Empty(await _app.DraftAnswersAsync(draftId));
        Assert.Equal("", page.QuerySelector("input#name")!.GetAttribute("value") ?? "");
        Assert.Empty(page.QuerySelectorAll("[data-locked]"));
        Assert.Equal($"{FillingSteps.DraftPath(prefill)}/you", again.Location());
        Assert.Null(await _app.QueryAsync(db => db.Set<FormDraft>().Where(d => d.Id == draftId).Select(d => d.ConsentReceiptId).SingleAsync(TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task FillInMyself_SkipsToTheQuestionsAndIsNotAskedAgain()
    {
        var (client, _, slug) = await PersonAndFormAsync();
        var prefill = await client.StartToPrefillAsync(slug);

        using var skipped = await client.SubmitAsync(prefill, new Dictionary<string, string>(), handler: "Skip");
        using var again = await client.GetAsync(prefill, TestContext.Current.CancellationToken);

        Assert.Equal($"{FillingSteps.DraftPath(prefill)}/you", skipped.Location());
        Assert.Equal($"{FillingSteps.DraftPath(prefill)}/you", again.Location());
        Assert.Empty(await _app.DraftAnswersAsync(FillingSteps.DraftId(prefill)));
    }

    [Fact]
    public async Task LockedField_PostedChange_KeepsTheVerifiedValueAndHasNoChangeLink()
    {
        var (client, _, slug) = await PersonAndFormAsync();
        var prefill = await client.StartToPrefillAsync(slug);
        var draft = FillingSteps.DraftPath(prefill);
        using (var applied = await client.GetAsync(await client.ConsentAsync(prefill, approve: true), TestContext.Current.CancellationToken)) { }
        var (_, page) = await client.GetPageAsync($"{draft}/you");

        // A forged post: boxes for the locked fields, which the page does not show, with other values.
        using var posted = await client.PostPageAsync(page, $"{draft}/you", ("name", "SOMEONE ELSE"), ("card", "A123456(3)"), ("shown", "name card born sex tel home"));
        var answers = await _app.DraftAnswersAsync(FillingSteps.DraftId(prefill));
        using (var more = await client.AnswerAsync($"{draft}/more", ("reason", "Renewal"))) { }
        var (_, check) = await client.GetPageAsync($"{draft}/check");

        Assert.Null(page.QuerySelector("input[name=name]"));
        Assert.Equal("From your verified identity", page.QuerySelector("[data-locked=name] .govuk-hint")!.TextContent.Trim());
        Assert.Equal(PrefillSteps.Name, page.QuerySelector("[data-locked=name] [data-value]")!.TextContent.Trim());
        Assert.Equal($"{draft}/more", posted.Location());
        Assert.Equal(PrefillSteps.Name, answers["name"]!.GetValue<string>());
        Assert.Equal(PrefillSteps.Card, answers["card"]!.GetValue<string>());
        Assert.Null(check.QuerySelector("[data-field=name] .govuk-summary-list__actions a"));
        Assert.Null(check.QuerySelector("[data-field=card] .govuk-summary-list__actions a"));
        Assert.NotNull(check.QuerySelector("[data-field=born] .govuk-summary-list__actions a"));
    }

    [Fact]
    public async Task PrefilledFromUnverifiedValues_RemainEditable()
    {
        // The address is marked lockVerified, but the profile's address is never proved; the date of birth is not marked.
        var (client, _, slug) = await PersonAndFormAsync();
        var prefill = await client.StartToPrefillAsync(slug);
        var draft = FillingSteps.DraftPath(prefill);
        using (var applied = await client.GetAsync(await client.ConsentAsync(prefill, approve: true), TestContext.Current.CancellationToken)) { }

        using var posted = await client.AnswerAsync($"{draft}/you", ("home.building", "Lucky Building"), ("born.year", "1993"), ("tel", "98765432"));
        var answers = await _app.DraftAnswersAsync(FillingSteps.DraftId(prefill));

        Assert.Equal($"{draft}/more", posted.Location());
        Assert.Equal("Lucky Building", answers["home"]!["building"]!.GetValue<string>());
        Assert.Equal("1993-11-25", answers["born"]!.GetValue<string>());
        Assert.Equal("98765432", answers["tel"]!.GetValue<string>());
    }

    [Fact]
    public async Task UnverifiedProfile_FillsButLocksNothing()
    {
        var (client, _, slug) = await PersonAndFormAsync(verified: false);
        var prefill = await client.StartToPrefillAsync(slug);
        var draft = FillingSteps.DraftPath(prefill);
        using (var applied = await client.GetAsync(await client.ConsentAsync(prefill, approve: true), TestContext.Current.CancellationToken)) { }

        var (_, page) = await client.GetPageAsync($"{draft}/you");
        using var posted = await client.PostPageAsync(page, $"{draft}/you", ("name", "LEE KA-WAI"));
        var answers = await _app.DraftAnswersAsync(FillingSteps.DraftId(prefill));

        Assert.Empty(page.QuerySelectorAll("[data-locked]"));
        Assert.Equal(PrefillSteps.Name, page.QuerySelector("input#name")!.GetAttribute("value"));
        Assert.Equal("LEE KA-WAI", answers["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task ForgedReceipt_FillsNothing()
    {
        var (client, _, slug) = await PersonAndFormAsync();
        var prefill = await client.StartToPrefillAsync(slug);

        using var forged = await client.GetAsync($"{prefill}?consent=granted&receipt={Guid.NewGuid()}", TestContext.Current.CancellationToken);

        Assert.Equal($"{FillingSteps.DraftPath(prefill)}/you?prefill=expired", forged.Location());
        Assert.Empty(await _app.DraftAnswersAsync(FillingSteps.DraftId(prefill)));
    }
}
