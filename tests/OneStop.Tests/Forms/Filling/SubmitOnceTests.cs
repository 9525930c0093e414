using Microsoft.EntityFrameworkCore;
using OneStop.Tests.Identity;
using OneStop.Tests.Office;

namespace OneStop.Tests.Forms.Filling;

/// <summary>"Submit application" pressed twice, or five times at once, makes one application and one acknowledgement.</summary>
public abstract class SubmitOnceTests(Provider provider) : IAsyncLifetime
{
    private OneStopApp _app = null!;

    public ValueTask InitializeAsync()
    {
        if (provider == Provider.Postgres) PostgresServer.SkipIfUnavailable();
        _app = new RacingApp(provider);
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// The portal with EF Core's logging of failed commands off: each loser of a race is refused by the unique
    /// index, which EF logs as an error with a stack trace, though SubmitApplication expects it and answers with the winner.
    /// </summary>
    private sealed class RacingApp(Provider provider) : OneStopApp(provider)
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", "None");
            builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Update", "None");
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Submit_PostedTwiceInTurn_OneSubmissionSameAcknowledgement()
    {
        var client = _app.NewBrowser();
        await client.SignedInAsync(_app);
        var check = await client.AnswerDemoFormAsync(_app, await client.StartAsync());
        var (_, page) = await client.GetPageAsync(check);

        using var first = await client.PostPageAsync(page, check);
        using var second = await client.PostPageAsync(page, check); // the back button, then submit again

        var sent = FillingSteps.DraftPath(check) + "/sent";
        Assert.Equal(sent, first.Location());
        Assert.Equal(sent, second.Location());
        Assert.Equal(1, await _app.SubmissionCountAsync("fehd-food-hygiene-report"));
    }

    [Fact]
    public async Task Submit_FivePostsAtOnce_OneSubmission()
    {
        var client = _app.NewBrowser();
        await client.SignedInAsync(_app);
        var check = await client.AnswerDemoFormAsync(_app, await client.StartAsync());
        var (_, page) = await client.GetPageAsync(check);

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => client.PostPageAsync(page, check)));

        var sent = FillingSteps.DraftPath(check) + "/sent";
        Assert.All(responses, r => Assert.Equal(sent, r.Location()));
        Assert.Equal(1, await _app.SubmissionCountAsync("fehd-food-hygiene-report"));
        // Every response leads to the one application's reference (the losers' numbers are burnt, as gaps).
        var (_, acknowledgement) = await client.GetPageAsync(sent);
        var stored = await _app.QueryAsync(db => db.Set<OneStop.Forms.Submission>().Select(s => s.Reference).SingleAsync());
        Assert.Equal(stored, acknowledgement.QuerySelector("[data-reference]")!.TextContent.Trim());
        foreach (var response in responses) response.Dispose();
    }
}

public sealed class SqliteSubmitOnceTests() : SubmitOnceTests(Provider.Sqlite);

public sealed class PostgresSubmitOnceTests() : SubmitOnceTests(Provider.Postgres);
