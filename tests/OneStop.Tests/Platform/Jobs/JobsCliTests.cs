using Microsoft.EntityFrameworkCore;
using OneStop.Platform.Jobs;

namespace OneStop.Tests.Platform.Jobs;

/// <summary>jobs parked / jobs retry, through the real command line.</summary>
public abstract class JobsCliTests(Provider provider) : IAsyncLifetime
{
    private JobsTestApp _app = null!;

    public ValueTask InitializeAsync()
    {
        if (provider == Provider.Postgres) PostgresServer.SkipIfUnavailable();
        _app = new JobsTestApp(provider);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private Task<CliResult> RunAsync(params string[] words) => Cli.RunAsync([.. words, .. _app.CliConfiguration]);

    [Fact]
    public async Task JobsRetry_ParkedMessages_ListsThemAndReleasesOneThenAllWithAudit()
    {
        var first = await _app.ParkedMessageAsync();
        var second = await _app.ParkedMessageAsync();

        var listed = await RunAsync("jobs", "parked");
        var one = await RunAsync("jobs", "retry", first.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var again = await RunAsync("jobs", "retry", first.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var all = await RunAsync("jobs", "retry", "all");

        Assert.True(listed.ExitCode == 0, listed.Error);
        Assert.Contains($"{first}\t{RecordingHandler.TestTopic}\t3\t", listed.Output);
        Assert.Contains("2 parked messages.", listed.Output);
        Assert.True(one.ExitCode == 0, one.Error);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("not parked", again.Error);
        Assert.True(all.ExitCode == 0, all.Error);
        Assert.Contains("1 message will be tried again.", all.Output);
        Assert.Null((await _app.MessageAsync(first)).ParkedAt);
        Assert.Null((await _app.MessageAsync(second)).ParkedAt);
        var audited = await _app.DbAsync(db => db.AuditEntries.Where(e => e.Event == JobEvents.MessageRetried).Select(e => e.TargetId).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal(new[] { first, second }.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).Order(), audited.Order());
    }
}

public sealed class JobsCliSqliteTests() : JobsCliTests(Provider.Sqlite);

public sealed class JobsCliPostgresTests() : JobsCliTests(Provider.Postgres);
