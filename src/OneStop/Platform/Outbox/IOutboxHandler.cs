namespace OneStop.Platform.Outbox;

/// <summary>
/// Reacts to the messages of one topic. Register with <see cref="OutboxSetup.AddOutboxHandler{THandler}"/>;
/// each call runs in its own DI scope (its own DbContext). Delivery is at least once: a message is handed
/// over again after a failure, a crash or an expired lock, so handlers are idempotent (record that the
/// work was done, and skip when it was). Throw to ask for a retry; the exception's message is never
/// stored or logged (it may hold personal data), only its type and stack.
/// </summary>
/// <remarks>
/// Several handlers may share a topic (case processing and the acknowledgement both follow
/// <c>forms.application-submitted</c>). They run one after another for each message, every one of them
/// even when an earlier one failed; the message is done when all succeed. A failure retries the message
/// for all of them, which their idempotency makes harmless, and parking it parks it for all.
/// </remarks>
public interface IOutboxHandler
{
    /// <summary>The topic handled, e.g. <c>forms.application-submitted</c>.</summary>
    string Topic { get; }

    /// <summary>Does the work; <paramref name="cancellationToken"/> fires when the node stops or the claim runs out.</summary>
    Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken);
}
