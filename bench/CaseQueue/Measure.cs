using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace CaseQueue;

/// <summary>One query shape: a call through the app's code in a fresh DI scope; gets the iteration number (to rotate cursors), returns the rows.</summary>
internal sealed record Shape(string Name, Func<IServiceProvider, int, CancellationToken, Task<int>> Run);

internal sealed record Stats(double P50, double P99, double Max, double PerSecond);

internal static class Measure
{
    public static async Task<int> OnceAsync(IServiceProvider root, Shape shape)
    {
        await using var scope = root.CreateAsyncScope();
        return await shape.Run(scope.ServiceProvider, 0, CancellationToken.None);
    }

    /// <summary>
    /// <paramref name="iterations"/> calls shared by <paramref name="clients"/> concurrent loops, each call in its
    /// own scope (a DbContext from the pool, a connection from Npgsql's pool), as one request of the app.
    /// </summary>
    public static async Task<Stats> RunAsync(IServiceProvider root, Shape shape, int clients, int iterations)
    {
        var latencies = new double[iterations];
        var taken = -1;
        async Task Client()
        {
            while (true)
            {
                var i = Interlocked.Increment(ref taken);
                if (i >= iterations) return;
                var started = Stopwatch.GetTimestamp();
                await using (var scope = root.CreateAsyncScope())
                {
                    await shape.Run(scope.ServiceProvider, i, CancellationToken.None);
                }
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(Client)));
        clock.Stop();
        Array.Sort(latencies);
        double Percentile(double p) => latencies[Math.Min(iterations - 1, (int)Math.Ceiling(p / 100 * iterations) - 1)];
        return new Stats(Percentile(50), Percentile(99), latencies[^1], iterations / clock.Elapsed.TotalSeconds);
    }
}
