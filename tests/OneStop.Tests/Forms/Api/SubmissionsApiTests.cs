using System.Net;
using System.Text.Json.Nodes;
using OneStop.Forms.Definitions;
using OneStop.Identity.Oidc;
using static OneStop.Tests.Forms.Api.FormsApiSteps;
using static OneStop.Tests.Forms.TestForms;

namespace OneStop.Tests.Forms.Api;

/// <summary>POST /api/v1/forms/{id}/submissions: who may send, what comes back, and exactly once per Idempotency-Key.</summary>
public abstract class SubmissionsApiTests(Provider provider) : IAsyncLifetime
{
    private OneStopApp _app = null!;
    private HttpClient _http = null!;

    public ValueTask InitializeAsync()
    {
        if (provider == Provider.Postgres) PostgresServer.SkipIfUnavailable();
        _app = new OneStopApp(provider);
        _http = _app.CreateClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static FormDefinition Plates(string id) => OnePage(id,
        Field("plate", FieldType.Text) with { MaxLength = 8 },
        Field("seats", FieldType.Number) with { Min = 1, Max = 9 },
        Field("colour", FieldType.Radios) with { Options = [new() { Value = "red", Label = W("Red") }, new() { Value = "blue", Label = W("Blue") }] });

    private static JsonObject Good(string plate = "AB 1234") => Answers(("plate", plate), ("seats", 5), ("colour", "red"));

    private async Task<string> ReadyAsync(string formId)
    {
        await PublishAsync(_app, Plates(formId));
        return (await MachineTokenAsync(_app)).Token;
    }

    [Fact]
    public async Task Submit_WithoutToken_Answers401()
    {
        await PublishAsync(_app, Plates("td-plates"));

        var answer = await SubmitAsync(_http, "td-plates", token: null, "k1", Good());

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Equal("Bearer", answer.Response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Empty(await SubmissionsAsync(_app, "td-plates"));
    }

    [Fact]
    public async Task Submit_TokenWithoutSubmitScope_Answers403()
    {
        await PublishAsync(_app, Plates("td-plates"));
        var (_, token) = await MachineTokenAsync(_app, OidcSetup.ApiScope);

        var answer = await SubmitAsync(_http, "td-plates", token, "k1", Good());

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Contains("insufficient_scope", answer.Response.Headers.WwwAuthenticate.ToString());
    }

    [Theory]
    [InlineData(null, "urn:onestop:problem:idempotency-key-missing")]
    [InlineData("has space", "urn:onestop:problem:idempotency-key-invalid")]
    public async Task Submit_MissingOrBadIdempotencyKey_Answers400(string? key, string type)
    {
        var token = await ReadyAsync("td-plates");

        var answer = await SubmitAsync(_http, "td-plates", token, key, Good());

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(type, answer.Body!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Submit_InvalidAnswers_Answers422ListingEveryErrorInTheRequestedLanguage()
    {
        var token = await ReadyAsync("td-plates");
        var answers = Answers(("plate", "TOO LONG PLATE"), ("seats", "many"), ("wheels", 4));

        var answer = await SubmitAsync(_http, "td-plates", token, "k1", answers, lang: "zh-HK");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        Assert.Equal("urn:onestop:problem:invalid-answers", answer.Body!["type"]!.GetValue<string>());
        var errors = answer.Body["errors"]!.AsArray();
        Assert.Equal(["colour:requiredChoice", "plate:tooLong", "seats:notNumber", "wheels:unknownField"],
            errors.Select(e => $"{e!["field"]}:{e["kind"]}").Order());
        Assert.All(errors, e => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", e!["message"]!.GetValue<string>()));
        Assert.Empty(await SubmissionsAsync(_app, "td-plates"));
    }

    [Fact]
    public async Task Submit_ValidAnswers_Answers201WithALocationOnlyThisClientCanRead()
    {
        var token = await ReadyAsync("td-plates");
        var (_, otherToken) = await MachineTokenAsync(_app);

        var answer = await SubmitAsync(_http, "td-plates", token, "k1", Good());
        var reference = answer.Body!["reference"]!.GetValue<string>();
        var status = await GetAsync(_http, answer.Response.Headers.Location!.ToString(), token);
        var others = await GetAsync(_http, answer.Response.Headers.Location!.ToString(), otherToken);

        Assert.Equal(HttpStatusCode.Created, answer.Status);
        Assert.Matches(@"^TD-\d{4}-\d{6}$", reference);
        Assert.Equal(1, answer.Body["formVersion"]!.GetValue<int>());
        Assert.Equal($"http://localhost/api/v1/forms/td-plates/submissions/{reference}", answer.Response.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.OK, status.Status);
        Assert.Equal(reference, status.Body!["reference"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, others.Status);
        var stored = Assert.Single(await SubmissionsAsync(_app, "td-plates"));
        Assert.StartsWith("kiosk-", stored.ClientId);
        Assert.Equal("client:" + stored.ClientId, stored.IdempotencyScope);
        Assert.DoesNotContain("AB 1234", stored.Answers);
    }

    [Fact]
    public async Task Submit_SameKeyAndAnswersAgain_Answers200WithTheSameBodyMarkedReplayed()
    {
        var token = await ReadyAsync("td-plates");

        var first = await SubmitAsync(_http, "td-plates", token, "k1", Good());
        var second = await SubmitAsync(_http, "td-plates", token, "k1", Good());

        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Equal(first.Body!.ToJsonString(), second.Body!.ToJsonString());
        Assert.Equal("true", second.Response.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.False(first.Response.Headers.Contains("Idempotent-Replayed"));
        Assert.Single(await SubmissionsAsync(_app, "td-plates"));
    }

    [Fact]
    public async Task Submit_SameKeyDifferentAnswers_Answers422KeyReused()
    {
        var token = await ReadyAsync("td-plates");
        await SubmitAsync(_http, "td-plates", token, "k1", Good("AB 1234"));

        var answer = await SubmitAsync(_http, "td-plates", token, "k1", Good("ZZ 9"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        Assert.Equal("urn:onestop:problem:idempotency-key-reused", answer.Body!["type"]!.GetValue<string>());
        Assert.Single(await SubmissionsAsync(_app, "td-plates"));
    }

    [Fact]
    public async Task Submit_SameKeyFromAnotherClient_IsAnotherSubmission()
    {
        var token = await ReadyAsync("td-plates");
        var (_, otherToken) = await MachineTokenAsync(_app);

        var mine = await SubmitAsync(_http, "td-plates", token, "k1", Good());
        var theirs = await SubmitAsync(_http, "td-plates", otherToken, "k1", Good());

        Assert.Equal(HttpStatusCode.Created, theirs.Status);
        Assert.NotEqual(mine.Body!["reference"]!.GetValue<string>(), theirs.Body!["reference"]!.GetValue<string>());
    }

    [Fact]
    public async Task Submit_RetiredForm_Answers410ButReplaysWhatItAcceptedBefore()
    {
        var token = await ReadyAsync("td-plates");
        var before = await SubmitAsync(_http, "td-plates", token, "k1", Good());
        await RetireAsync(_app, "td-plates");

        var replay = await SubmitAsync(_http, "td-plates", token, "k1", Good());
        var fresh = await SubmitAsync(_http, "td-plates", token, "k2", Good());

        Assert.Equal(HttpStatusCode.OK, replay.Status);
        Assert.Equal(before.Body!["reference"]!.GetValue<string>(), replay.Body!["reference"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Gone, fresh.Status);
    }

    [Fact]
    public async Task Submit_NewVersionPublishedBeforeRetry_ReplaysAgainstTheFirstVersion()
    {
        var token = await ReadyAsync("td-plates");
        var before = await SubmitAsync(_http, "td-plates", token, "k1", Good());
        await PublishAsync(_app, Plates("td-plates") with { Title = W("Plates, second edition") });

        var replay = await SubmitAsync(_http, "td-plates", token, "k1", Good());

        Assert.Equal(HttpStatusCode.OK, replay.Status);
        Assert.Equal(1, replay.Body!["formVersion"]!.GetValue<int>());
        Assert.Equal(before.Body!["reference"]!.GetValue<string>(), replay.Body["reference"]!.GetValue<string>());
    }

    [Fact]
    public async Task Submit_ServiceForSignedInApplicantsOnly_Answers403()
    {
        var token = await ReadyAsync("td-plates");
        await LinkServiceAsync(_app, "td-plates", allowsGuests: false);

        var answer = await SubmitAsync(_http, "td-plates", token, "k1", Good());

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Equal("urn:onestop:problem:account-required", answer.Body!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Submit_ServiceForSignedInApplicantsLinkedAfterASubmission_Answers403AtOnce()
    {
        var token = await ReadyAsync("td-plates");
        Assert.Equal(HttpStatusCode.Created, (await SubmitAsync(_http, "td-plates", token, "k1", Good())).Status);
        await LinkServiceAsync(_app, "td-plates", allowsGuests: false);

        var answer = await SubmitAsync(_http, "td-plates", token, "k2", Good());

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Equal("urn:onestop:problem:account-required", answer.Body!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Submit_NewVersionPublishedAfterASubmission_PinsTheNextToTheNewVersionAtOnce()
    {
        var token = await ReadyAsync("td-plates");
        await SubmitAsync(_http, "td-plates", token, "k1", Good());
        await PublishAsync(_app, Plates("td-plates") with { Title = W("Plates, second edition") });

        var next = await SubmitAsync(_http, "td-plates", token, "k2", Good());

        Assert.Equal(HttpStatusCode.Created, next.Status);
        Assert.Equal(2, next.Body!["formVersion"]!.GetValue<int>());
    }

    [Fact]
    public async Task Submit_GuestService_RecordsTheServiceApplied()
    {
        var token = await ReadyAsync("td-plates");
        var slug = await LinkServiceAsync(_app, "td-plates", allowsGuests: true);

        var answer = await SubmitAsync(_http, "td-plates", token, "k1", Good(), serviceSlug: slug);
        var wrong = await SubmitAsync(_http, "td-plates", token, "k2", Good(), serviceSlug: "no-such-service");

        Assert.Equal(HttpStatusCode.Created, answer.Status);
        Assert.Equal(slug, Assert.Single(await SubmissionsAsync(_app, "td-plates")).ServiceSlug);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.Status);
    }

    [Fact]
    public async Task Submit_FormNeedingTheApplicantsSignature_Answers403()
    {
        await PublishAsync(_app, OnePage("td-signed", Field("agree", FieldType.Declaration) with { Signature = true }));
        var (_, token) = await MachineTokenAsync(_app);

        var answer = await SubmitAsync(_http, "td-signed", token, "k1", Answers(("agree", true)));

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Equal("urn:onestop:problem:signature-required", answer.Body!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Submit_UnknownForm_Answers404()
    {
        var (_, token) = await MachineTokenAsync(_app);

        var answer = await SubmitAsync(_http, "no-such-form", token, "k1", Good());

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
    }

    [Fact]
    public async Task Submit_SameKeyConcurrently_StoresExactlyOneAndEveryResponseCarriesItsReference()
    {
        var token = await ReadyAsync("td-plates");

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => SubmitAsync(_http, "td-plates", token, "same-key", Good()))));

        Assert.All(answers, a => Assert.True(a.Status is HttpStatusCode.Created or HttpStatusCode.OK, $"{a.Status}: {a.Body}"));
        Assert.Single(answers, a => a.Status == HttpStatusCode.Created);
        var stored = Assert.Single(await SubmissionsAsync(_app, "td-plates"));
        Assert.All(answers, a => Assert.Equal(stored.Reference, a.Body!["reference"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Submit_RepeatedKeyAmongOthersConcurrently_StoresEveryAttemptOnceAndNoneIsLost()
    {
        // Attempts that arrive together commit together; a repeated key makes that shared commit fail, and each
        // attempt in it must then be stored on its own, not dropped with the group.
        var token = await ReadyAsync("td-plates");
        var keys = Enumerable.Range(0, 30).Select(i => i % 3 == 0 ? "repeated" : $"key-{i}").ToList();

        var answers = await Task.WhenAll(keys.Select(k => Task.Run(() => SubmitAsync(_http, "td-plates", token, k, Good()))));

        Assert.All(answers, a => Assert.True(a.Status is HttpStatusCode.Created or HttpStatusCode.OK, $"{a.Status}: {a.Body}"));
        var stored = await SubmissionsAsync(_app, "td-plates");
        Assert.Equal(keys.Distinct().Count(), stored.Count);
        Assert.Equal(keys.Distinct().Order(), stored.Select(s => s.IdempotencyKey).Order());
        var byKey = stored.ToDictionary(s => s.IdempotencyKey, s => s.Reference);
        Assert.All(keys.Zip(answers), pair => Assert.Equal(byKey[pair.First], pair.Second.Body!["reference"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Submit_DifferentKeysConcurrently_StoresEachOnceWithUniqueReferences()
    {
        var token = await ReadyAsync("td-plates");

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => SubmitAsync(_http, "td-plates", token, $"key-{i}", Good()))));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.Status));
        var stored = await SubmissionsAsync(_app, "td-plates");
        Assert.Equal(20, stored.Count);
        Assert.Equal(20, stored.Select(s => s.Reference).Distinct().Count());
        Assert.Equal(stored.Select(s => s.Reference).Order(), answers.Select(a => a.Body!["reference"]!.GetValue<string>()).Order());
    }
}

public sealed class SubmissionsApiSqliteTests() : SubmissionsApiTests(Provider.Sqlite);

public sealed class SubmissionsApiPostgresTests() : SubmissionsApiTests(Provider.Postgres);
