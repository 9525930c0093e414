using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Forms;
using OneStop.Forms.Definitions;
using OneStop.Forms.Store;
using OneStop.Forms.Submitting;
using OneStop.Platform.Database;
using OneStop.Platform.Outbox;
using static OneStop.Tests.Forms.TestForms;

namespace OneStop.Tests.Forms;

/// <summary>The submission use case every channel shares: exactly once, numbered, encrypted, with its outbox message.</summary>
public abstract class SubmitApplicationTests(Provider provider) : IAsyncLifetime
{
    private OneStopApp _app = null!;

    public ValueTask InitializeAsync()
    {
        if (provider == Provider.Postgres) PostgresServer.SkipIfUnavailable();
        _app = new OneStopApp(provider);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task<SubmitResult> SubmitAsync(string formId, JsonObject answers, string key)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var form = await scope.ServiceProvider.GetRequiredService<FormStore>().CurrentAsync(formId);
        Assert.NotNull(form);
        return await scope.ServiceProvider.GetRequiredService<SubmitApplication>()
            .RunAsync(new SubmitRequest(form, answers, "test", key, "en"), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task RunAsync_SameKeyTwice_StoresOneSubmissionWithOneOutboxMessage()
    {
        await PublishAsync(_app, OnePage("td-plates", Field("plate", FieldType.Text)));
        var answers = Answers(("plate", "AB 1234"));

        var first = Assert.IsType<SubmitResult.Accepted>(await SubmitAsync("td-plates", answers, "k1"));
        var second = Assert.IsType<SubmitResult.Accepted>(await SubmitAsync("td-plates", answers, "k1"));

        Assert.Equal(first.Reference, second.Reference);
        Assert.True(second.Replayed);
        Assert.Matches(@"^TD-\d{4}-\d{6}$", first.Reference);
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDb>();
        var stored = await db.Set<Submission>().SingleAsync(s => s.FormId == "td-plates", TestContext.Current.CancellationToken);
        Assert.DoesNotContain("AB 1234", stored.Answers);
        Assert.Equal(1, await db.Set<OutboxMessage>().CountAsync(m => m.Topic == ApplicationSubmitted.Topic, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task RunAsync_SameKeyDifferentAnswers_IsRefused()
    {
        await PublishAsync(_app, OnePage("td-plates", Field("plate", FieldType.Text)));
        Assert.IsType<SubmitResult.Accepted>(await SubmitAsync("td-plates", Answers(("plate", "AB 1234")), "k1"));

        var result = await SubmitAsync("td-plates", Answers(("plate", "ZZ 9")), "k1");

        Assert.IsType<SubmitResult.KeyReused>(result);
    }

    [Fact]
    public async Task RunAsync_DifferentKeys_GetConsecutiveDifferentReferences()
    {
        await PublishAsync(_app, OnePage("td-plates", Field("plate", FieldType.Text)));

        var a = Assert.IsType<SubmitResult.Accepted>(await SubmitAsync("td-plates", Answers(("plate", "A")), "k1"));
        var b = Assert.IsType<SubmitResult.Accepted>(await SubmitAsync("td-plates", Answers(("plate", "B")), "k2"));

        Assert.Equal(long.Parse(a.Reference[^6..]) + 1, long.Parse(b.Reference[^6..]));
    }

    [Fact]
    public async Task RunAsync_InvalidAnswers_ListsEveryError()
    {
        await PublishAsync(_app, OnePage("td-plates", Field("plate", FieldType.Text), Field("seats", FieldType.Number)));

        var result = Assert.IsType<SubmitResult.Invalid>(await SubmitAsync("td-plates", Answers(("seats", "many"), ("colour", "red")), "k1"));

        Assert.Equal(["colour:unknownField", "plate:required", "seats:notNumber"], result.Errors.Select(e => $"{e.Path}:{e.Kind}").Order());
    }

    [Fact]
    public async Task DemoForms_OnStart_PublishesTheFoodHygieneReportAndLinksItsService()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDb>();

        var service = await db.Services.SingleAsync(s => s.Slug == "report-a-food-safety-or-hygiene-problem", TestContext.Current.CancellationToken);
        var form = await scope.ServiceProvider.GetRequiredService<FormStore>().CurrentAsync(service.StartFormId!, TestContext.Current.CancellationToken);

        Assert.NotNull(form);
        Assert.Equal("FEHD", form.DepartmentCode);
        Assert.True(service.AllowsGuests);
    }
}

public sealed class SubmitApplicationSqliteTests() : SubmitApplicationTests(Provider.Sqlite);

public sealed class SubmitApplicationPostgresTests() : SubmitApplicationTests(Provider.Postgres);
