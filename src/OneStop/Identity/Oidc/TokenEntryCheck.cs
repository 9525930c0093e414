using System.Collections.Concurrent;
using System.Data.Common;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Validation;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Validation.OpenIddictValidationEvents;

namespace OneStop.Identity.Oidc;

/// <summary>
/// The per-node memory of access-token entries found valid, each kept for <see cref="OidcOptions.TokenEntryCheckInterval"/>
/// (singleton). A machine client sends hundreds of requests a second with one token; reading its entry on each was a
/// third of a submission's database work.
/// </summary>
public sealed class ValidTokenEntries(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _until = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (ClaimsPrincipal Principal, DateTimeOffset Until)> _principals = new(StringComparer.Ordinal);
    private long _quietUntilTicks;

    public bool IsKnownValid(string tokenId) => _until.TryGetValue(tokenId, out var until) && until > clock.GetUtcNow();

    /// <summary>A principal <see cref="BearerTokens"/> remembered for this token's hash, while it lasts.</summary>
    public ClaimsPrincipal? RememberedPrincipal(string tokenHash) =>
        _principals.TryGetValue(tokenHash, out var remembered) && remembered.Until > clock.GetUtcNow() ? remembered.Principal : null;

    public void RememberPrincipal(string tokenHash, ClaimsPrincipal principal, DateTimeOffset until)
    {
        var now = clock.GetUtcNow();
        if (until <= now || now.UtcTicks < Interlocked.Read(ref _quietUntilTicks)) return;
        if (_principals.Count >= 10_000)
        {
            foreach (var (hash, entry) in _principals) if (entry.Until <= now) _principals.TryRemove(hash, out _);
            if (_principals.Count >= 10_000) _principals.Clear();
        }
        _principals[tokenHash] = (principal, until);
    }

    public void Remember(string tokenId, TimeSpan interval)
    {
        if (interval <= TimeSpan.Zero || clock.GetUtcNow().UtcTicks < Interlocked.Read(ref _quietUntilTicks)) return;
        // Entries of expired tokens are dropped now and then rather than on a timer: the map only grows with tokens in use.
        if (_until.Count >= 50_000) Prune();
        _until[tokenId] = clock.GetUtcNow() + interval;
    }

    /// <summary>
    /// Forgets every entry, and remembers none for a moment: the change that called this commits after it, and a
    /// request reading the entry in between would otherwise remember the old status.
    /// </summary>
    public void Forget()
    {
        Interlocked.Exchange(ref _quietUntilTicks, (clock.GetUtcNow() + QuietTime).UtcTicks);
        _until.Clear();
        _principals.Clear();
    }

    private static readonly TimeSpan QuietTime = TimeSpan.FromSeconds(2);

    private void Prune()
    {
        var now = clock.GetUtcNow();
        foreach (var (id, until) in _until) if (until <= now) _until.TryRemove(id, out _);
        if (_until.Count >= 50_000) _until.Clear();
    }
}

/// <summary>
/// Takes the place of OpenIddict's token-entry validation (which reads the entry on every request): a token whose
/// entry was found valid within the interval is let through without a query. A revocation on this node
/// (<see cref="TokenEntryChanges"/>) is seen at once; on other nodes within the interval. The token's authorization
/// (a person's sign-in, ended by sign-out) is still checked on every request by OpenIddict.
/// </summary>
internal sealed class TokenEntryCheck(IOpenIddictTokenManager tokens, ValidTokenEntries valid, IOptions<OidcOptions> options)
    : IOpenIddictValidationHandler<ValidateTokenContext>
{
    public static OpenIddictValidationHandlerDescriptor Descriptor { get; } = OpenIddictValidationHandlerDescriptor.CreateBuilder<ValidateTokenContext>()
        .UseScopedHandler<TokenEntryCheck>()
        // Where OpenIddict restores and checks the entry when its own token-entry validation is on.
        .SetOrder(OpenIddictValidationHandlers.Protection.ValidateTokenEntry.Descriptor.Order)
        .SetType(OpenIddictValidationHandlerType.Custom)
        .Build();

    public async ValueTask HandleAsync(ValidateTokenContext context)
    {
        if (context.Principal is not { } principal || principal.GetTokenId() is not { Length: > 0 } id) return;
        context.TokenId = id;
        // OpenIddict's authorization-entry check runs after this on the id it finds here.
        context.AuthorizationId ??= principal.GetAuthorizationId();
        if (valid.IsKnownValid(id)) return;
        var entry = await tokens.FindByIdAsync(id);
        if (entry is null || !await tokens.HasStatusAsync(entry, Statuses.Valid))
        {
            context.Reject(error: Errors.InvalidToken, description: "The access token is no longer valid.");
            return;
        }
        valid.Remember(id, options.Value.TokenEntryCheckInterval);
    }
}

/// <summary>Forgets every remembered token entry when this node changes or deletes token entries (revocation, pruning).</summary>
internal sealed class TokenEntryChanges(ValidTokenEntries valid) : DbCommandInterceptor
{
    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Seen(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Seen(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Seen(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Seen(command);
        return result;
    }

    // SaveChanges and ExecuteUpdate/ExecuteDelete alike send "UPDATE/DELETE ... "OpenIddictTokens"".
    private void Seen(DbCommand command)
    {
        var sql = command.CommandText;
        if (sql.Contains("\"OpenIddictTokens\"", StringComparison.Ordinal)
            && (sql.Contains("UPDATE", StringComparison.Ordinal) || sql.Contains("DELETE", StringComparison.Ordinal)))
            valid.Forget();
    }
}
