using OneStop.Payments.Providers;

namespace OneStop.Payments.Reconciliation;

/// <summary><c>payments reconcile DAY [PROVIDER]</c>: reconciles a Hong Kong day again from the command line (replacing its earlier run).</summary>
public static class ReconciliationCommands
{
    public const string Usage = """
        payments reconcile DAY [PROVIDER]
                                 compare each provider's (or one provider's) settlement for the Hong Kong
                                 day DAY (yyyy-MM-dd) with OneStop's payments; replaces that day's run
        """;

    public static async Task<int> RunAsync(IServiceProvider services, string[] words, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (words is not ["reconcile", _] and not ["reconcile", _, _] || !HongKongDay.TryParse(words[1], out var day))
        {
            await error.WriteLineAsync("Usage:\n" + Usage);
            return 2;
        }
        await using var scope = services.CreateAsyncScope();
        var providers = scope.ServiceProvider.GetRequiredService<PaymentProviders>();
        List<IPaymentProvider> chosen = words.Length == 3 ? [.. providers.All.Where(p => p.Name == words[2])] : [.. providers.All];
        if (chosen.Count == 0)
        {
            await error.WriteLineAsync($"No payment provider named {words[2]} is configured.");
            return 1;
        }
        foreach (var provider in chosen)
        {
            var run = await scope.ServiceProvider.GetRequiredService<ReconcileDay>().RunAsync(day, provider, null, cancellationToken);
            await output.WriteLineAsync(FormattableString.Invariant($"{run.Day:yyyy-MM-dd} {run.Provider}: {run.Matched} matched, {run.Mismatched} to check."));
        }
        return 0;
    }
}
