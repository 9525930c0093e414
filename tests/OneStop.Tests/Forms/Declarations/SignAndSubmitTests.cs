using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Forms;
using OneStop.Forms.Answers;
using OneStop.Forms.Store;
using OneStop.Forms.Submitting;
using OneStop.Identity.Signing;
using OneStop.Tests.Forms.Filling;
using OneStop.Tests.Forms.Prefill;
using OneStop.Tests.Identity;
using OneStop.Tests.Identity.Factors;
using OneStop.Tests.Identity.Signing;
using OneStop.Tests.Office;

namespace OneStop.Tests.Forms.Declarations;

/// <summary>
/// The demo driving-licence renewal (prefill with locked identity details, a declaration signed with OneStop ID):
/// sign and submit, the signature bound to the answers hash, and what happens when the answers change.
/// </summary>
public sealed class SignAndSubmitTests : IAsyncLifetime
{
    private const string Service = "renew-full-driving-licence";
    private const string FormId = "td-renew-full-driving-licence";
    private readonly OneStopApp _app = new(Provider.Sqlite);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    /// <summary>An advanced person with a verified profile, the renewal prefilled and answered up to check your answers.</summary>
    private async Task<(HttpClient Client, string Draft)> ReadyToSignAsync()
    {
        var client = _app.NewBrowser();
        var email = await client.AdvancedAsync(_app);
        await _app.GiveProfileAsync(email);
        var prefill = await client.StartToPrefillAsync(Service);
        var draft = FillingSteps.DraftPath(prefill);
        using (var applied = await client.GetAsync(await client.ConsentAsync(prefill, approve: true), TestContext.Current.CancellationToken))
            Assert.Equal($"{draft}/you?prefill=filled", applied.Location());
        using (var you = await client.AnswerAsync($"{draft}/you"))
            Assert.Equal($"{draft}/licence", you.Location());
        using (var licence = await client.AnswerAsync($"{draft}/licence", ("classes", "1"), ("period", "ten"), ("fee", "900")))
            Assert.Equal($"{draft}/health", licence.Location());
        using (var health = await client.AnswerAsync($"{draft}/health", ("hasCondition", "false")))
            Assert.Equal($"{draft}/confirm", health.Location());
        using (var confirm = await client.AnswerAsync($"{draft}/confirm", ("declaration", "true")))
            Assert.Equal($"{draft}/check", confirm.Location());
        return (client, draft);
    }

    /// <summary>Presses "Sign and submit"; the signing request's id.</summary>
    private static async Task<Guid> SignAndSubmitAsync(HttpClient client, string draft)
    {
        using var pressed = await client.SubmitAsync($"{draft}/check", new Dictionary<string, string>());
        Assert.Matches("^/account/sign/[0-9a-f-]{36}$", pressed.Location());
        return Guid.Parse(pressed.Location().Split('/')[^1]);
    }

    /// <summary>Confirms on OneStop ID's signing page; where it sends the person back.</summary>
    private static async Task<string> ConfirmSignatureAsync(HttpClient client, Guid request)
    {
        using var signed = await client.SubmitAsync($"/account/sign/{request}", new Dictionary<string, string>());
        return signed.Location();
    }

    private Task<Submission?> SubmissionAsync() =>
        _app.QueryAsync(db => db.Set<Submission>().SingleOrDefaultAsync(s => s.FormId == FormId, TestContext.Current.CancellationToken));

    [Fact]
    public async Task SignAndSubmit_SignedOverTheAnswers_SubmitsWithTheSignature()
    {
        var (client, draft) = await ReadyToSignAsync();
        var (_, check) = await client.GetPageAsync($"{draft}/check");

        var request = await SignAndSubmitAsync(client, draft);
        var (_, signPage) = await client.GetPageAsync($"/account/sign/{request}");
        var back = await ConfirmSignatureAsync(client, request);
        using var submitted = await client.GetAsync(back, TestContext.Current.CancellationToken);

        Assert.Equal("Sign and submit", check.QuerySelector("main form button[data-sign]")!.TextContent.Trim());
        Assert.Null(check.QuerySelector("[data-field=fullName] .govuk-summary-list__actions a"));
        Assert.Equal($"{draft}/sign?request={request}", back);
        Assert.Equal($"{draft}/sent", submitted.Location());
        var submission = await SubmissionAsync();
        Assert.NotNull(submission);
        Assert.Equal(request, submission.SignatureRequestId);
        var signing = await _app.QueryAsync(db => db.Set<SigningRequest>().SingleAsync(r => r.Id == request, TestContext.Current.CancellationToken));
        Assert.Equal(submission.AnswersHash, Convert.ToHexStringLower(signing.DocumentHash));
        Assert.NotNull(signing.Signature);
        Assert.Contains("Renew your driving licence – answers " + submission.AnswersHash[..8], signPage.QuerySelector("main")!.TextContent);
        var answers = await _app.WithScopeAsync(s => Task.FromResult(s.GetRequiredService<AnswerProtection>().Unprotect(submission.Answers)));
        Assert.Equal(PrefillSteps.Card, answers["identityCard"]!.GetValue<string>());
    }

    [Fact]
    public async Task SignAndSubmit_AnswersChangedAfterSigning_AsksToSignAgain()
    {
        var (client, draft) = await ReadyToSignAsync();
        var request = await SignAndSubmitAsync(client, draft);

        // In another tab, after the request was made: a second class of vehicle.
        using (var changed = await client.AnswerAsync($"{draft}/licence?change=1", ("classes", "1"), ("classes", "2"))) { }
        var back = await ConfirmSignatureAsync(client, request);
        using var returned = await client.GetAsync(back, TestContext.Current.CancellationToken);
        var page = await returned.ReadPageAsync();

        Assert.Equal(200, (int)returned.StatusCode);
        Assert.NotNull(page.QuerySelector("[data-signature-state=changed]"));
        Assert.Null(await SubmissionAsync());

        // Signing again covers the answers as they are now.
        var again = await SignAndSubmitAsync(client, draft);
        using var submitted = await client.GetAsync(await ConfirmSignatureAsync(client, again), TestContext.Current.CancellationToken);
        Assert.Equal($"{draft}/sent", submitted.Location());
        Assert.Equal(again, (await SubmissionAsync())!.SignatureRequestId);
    }

    [Fact]
    public async Task SignAndSubmit_NotSigned_SubmitsNothing()
    {
        var (client, draft) = await ReadyToSignAsync();
        var request = await SignAndSubmitAsync(client, draft);

        // The signing page's Cancel goes back without signing.
        using var returned = await client.GetAsync($"{draft}/sign?request={request}", TestContext.Current.CancellationToken);
        var page = await returned.ReadPageAsync();

        Assert.Equal(200, (int)returned.StatusCode);
        Assert.NotNull(page.QuerySelector("[data-signature-state=not-signed]"));
        Assert.Null(await SubmissionAsync());
    }

    [Fact]
    public async Task SubmitApplication_SignatureDeclarationWithoutSignature_IsRefused()
    {
        var (client, draft) = await ReadyToSignAsync();
        var draftId = Guid.Parse(draft.Split('/')[^1]);
        var answers = await _app.DraftAnswersAsync(draftId);
        var userId = await _app.QueryAsync(db => db.Set<FormDraft>().Where(d => d.Id == draftId).Select(d => d.UserId).SingleAsync(TestContext.Current.CancellationToken));
        // A signature by the same person, but over other bytes than these answers.
        var other = await _app.Services.SignAsync(userId!.Value, Signers.NewDocument());

        var unsigned = await SubmitAsync(answers, userId, draftId, signatureRequestId: null);
        var wrongHash = await SubmitAsync(answers, userId, draftId, other.RequestId);

        foreach (var result in new[] { unsigned, wrongHash })
        {
            var invalid = Assert.IsType<SubmitResult.Invalid>(result);
            var error = Assert.Single(invalid.Errors);
            Assert.Equal(("declaration", "signature"), (error.Path, error.Kind));
            Assert.Equal("Sign the declaration with your OneStop ID before you send your application", error.Custom!.En);
        }
        Assert.Null(await SubmissionAsync());
    }

    [Fact]
    public async Task SubmitApplication_LockedAnswerChanged_IsRefused()
    {
        var (_, draft) = await ReadyToSignAsync();
        var draftId = Guid.Parse(draft.Split('/')[^1]);
        var answers = await _app.DraftAnswersAsync(draftId);
        answers["fullName"] = "SOMEONE ELSE";
        var userId = await _app.QueryAsync(db => db.Set<FormDraft>().Where(d => d.Id == draftId).Select(d => d.UserId).SingleAsync(TestContext.Current.CancellationToken));

        var result = await SubmitAsync(answers, userId, draftId, signatureRequestId: null);

        var invalid = Assert.IsType<SubmitResult.Invalid>(result);
        Assert.Contains(invalid.Errors, e => e is { Path: "fullName", Kind: "locked" });
    }

    [Fact]
    public async Task SignAndSubmit_VerifiedSession_StepsUpToAdvancedFirst()
    {
        var form = TestForms.OnePage("td-signed", TestForms.Field("truth", OneStop.Forms.Definitions.FieldType.Declaration) with { Signature = true });
        var slug = await TestJourneys.PublishForServiceAsync(_app, form, assurance: "verified");
        var client = _app.NewBrowser();
        var email = await client.SignedInAsync(_app);
        await _app.VerifyIdentityAsync(email);
        await client.SignOutAsync();
        (await client.SignInAsync(email)).Dispose();
        var first = await client.StartAsync(slug);
        using (var answered = await client.AnswerAsync(first, ("truth", "true"))) { }
        var check = FillingSteps.DraftPath(first) + "/check";

        using var pressed = await client.SubmitAsync(check, new Dictionary<string, string>());

        Assert.Equal($"/account/step-up?level=advanced&returnUrl={Uri.EscapeDataString(check)}", pressed.Location());
        Assert.Equal(0, await _app.QueryAsync(db => db.Set<SigningRequest>().CountAsync(TestContext.Current.CancellationToken)));
    }

    private Task<SubmitResult> SubmitAsync(System.Text.Json.Nodes.JsonObject answers, Guid? userId, Guid draftId, Guid? signatureRequestId) =>
        _app.WithScopeAsync(async services =>
        {
            var form = (await services.GetRequiredService<FormStore>().CurrentAsync(FormId, TestContext.Current.CancellationToken))!;
            return await services.GetRequiredService<SubmitApplication>().RunAsync(new SubmitRequest(form, answers, $"draft:{draftId}", "submit", "en")
            {
                UserId = userId,
                DraftId = draftId,
                SignatureRequestId = signatureRequestId,
            }, TestContext.Current.CancellationToken);
        });
}
