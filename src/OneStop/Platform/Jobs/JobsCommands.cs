using System.Globalization;

namespace OneStop.Platform.Jobs;

/// <summary><c>jobs parked</c> and <c>jobs retry all|ID</c>: the dead-letter list from the command line, for when the back office is out of reach.</summary>
public static class JobsCommands
{
    public const string Usage = """
        jobs parked              list the outbox messages parked after failing (id, topic, attempts, parked at)
        jobs retry all|ID        send parked messages to be tried again (audited); all: up to 500
        """;

    public static async Task<int> RunAsync(IServiceProvider services, string[] words, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var deadLetters = scope.ServiceProvider.GetRequiredService<DeadLetters>();
        switch (words)
        {
            case ["parked"]:
                var parked = await deadLetters.ParkedAsync(int.MaxValue, cancellationToken);
                foreach (var m in parked)
                    await output.WriteLineAsync(FormattableString.Invariant($"{m.Id}\t{m.Topic}\t{m.Attempts}\t{m.ParkedAt:yyyy-MM-dd HH:mm:ss}Z"));
                await output.WriteLineAsync(parked.Count == 1 ? "1 parked message." : $"{parked.Count} parked messages.");
                return 0;
            case ["retry", "all"]:
                var released = await deadLetters.RetryAllAsync(actorId: null, cancellationToken);
                await output.WriteLineAsync(released == 1 ? "1 message will be tried again." : $"{released} messages will be tried again.");
                return 0;
            case ["retry", var text] when long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id):
                if (await deadLetters.RetryAsync(id, actorId: null, cancellationToken))
                {
                    await output.WriteLineAsync($"Message {id} will be tried again.");
                    return 0;
                }
                await error.WriteLineAsync($"Message {id} is not parked.");
                return 1;
            default:
                await error.WriteLineAsync("Usage:\n" + Usage);
                return 2;
        }
    }
}
