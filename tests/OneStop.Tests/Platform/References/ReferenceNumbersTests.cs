using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Platform.Database;
using OneStop.Platform.References;
using OneStop.Tests.Office;

namespace OneStop.Tests.Platform.References;

/// <summary>Reference numbers are unique across nodes; a node's blocks grow under load and shrink when it is quiet.</summary>
public sealed class ReferenceNumbersTests : IAsyncLifetime
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private OneStopApp _app = null!;

    public ValueTask InitializeAsync()
    {
        _app = new OneStopApp(Provider.Sqlite, seed: false);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private Task<long> CounterAsync(string prefix) =>
        _app.QueryAsync(db => db.Set<ReferenceCounter>().Where(c => c.Prefix == prefix).Select(c => c.Next).SingleAsync(Cancel));

    private static async Task<List<string>> TakeAsync(ReferenceNumbers numbers, string prefix, int count)
    {
        var taken = new List<string>();
        for (var i = 0; i < count; i++) taken.Add(await numbers.NextAsync(prefix, Cancel));
        return taken;
    }

    [Fact]
    public async Task NextAsync_BlocksUsedUpQuickly_GrowAndShrinkWhenQuiet()
    {
        var numbers = _app.Services.GetRequiredService<ReferenceNumbers>();

        var first = await TakeAsync(numbers, "TD", 21);
        var afterGrowth = await CounterAsync("TD");
        await TakeAsync(numbers, "TD", 39);
        _app.Clock.Advance(TimeSpan.FromMinutes(2));
        await TakeAsync(numbers, "TD", 1);
        var afterQuiet = await CounterAsync("TD");

        Assert.Equal("TD-" + first[0][3..7] + "-000001", first[0]);
        Assert.Equal(Enumerable.Range(1, 21).Select(n => $"{n:000000}"), first.Select(r => r[^6..]));
        // Blocks of 20, then 40 (the first lasted under a second), then 20 again after two quiet minutes.
        Assert.Equal(1 + 20 + 40, afterGrowth);
        Assert.Equal(1 + 20 + 40 + 20, afterQuiet);
    }

    [Fact]
    public async Task NextAsync_TwoNodesOnOneDatabase_NeverTheSameNumber()
    {
        await using var other = new OneStopApp(_app);
        var mine = _app.Services.GetRequiredService<ReferenceNumbers>();
        var theirs = other.Services.GetRequiredService<ReferenceNumbers>();

        var taken = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => TakeAsync(i % 2 == 0 ? mine : theirs, "FEHD", 50))));

        var all = taken.SelectMany(t => t).ToList();
        Assert.Equal(400, all.Count);
        Assert.Equal(400, all.Distinct().Count());
    }
}
