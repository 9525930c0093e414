using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using OneStop.Platform.Audit;
using OneStop.Platform.Database;

namespace OneStop.Identity.TwoDevice;

/// <summary>Audit event names of signing in on a computer with a phone; the Activity page shows <c>audit.{name}</c>.</summary>
public static class PhoneSignInEvents
{
    public const string Started = "phone-sign-in.started";
    public const string Approved = "phone-sign-in.approved";
    public const string Declined = "phone-sign-in.declined";
    public const string Used = "phone-sign-in.used";
    public const string ExpiredAttempt = "phone-sign-in.expired";
    public const string TargetType = "phone-sign-in";
}

/// <summary>What happened when the phone decided or the computer tried to continue.</summary>
public enum PhoneSignInOutcome { Done, NotFound, Pending, Declined, Expired, AlreadyDecided }

/// <summary>
/// The rules of a phone sign-in request: start, decide on the phone, use once on the computer. Every
/// state change is a conditional UPDATE on the expected state, so two nodes or two clicks racing each
/// other cannot both win; its audit entry commits in the same transaction.
/// </summary>
public sealed class PhoneSignIns(OneStopDb db, AuditLog audit, TimeProvider clock)
{
    /// <summary>How long the person has to approve on the phone and continue on the computer.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

    // No 0/O, 1/I/L, 5/S, 2/Z, 8/B: the code is read off one screen and compared with another.
    private const string CodeAlphabet = "ACDEFGHJKMNPQRTUVWXY34679";
    public const int CodeLength = 6;

    public async Task<(PhoneSignInRequest Request, string BrowserSecret)> StartAsync(string? serviceName, string returnUrl, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var secret = RandomNumberGenerator.GetHexString(64, lowercase: true);
        var request = new PhoneSignInRequest
        {
            Id = Base64Url(RandomNumberGenerator.GetBytes(16)),
            BrowserSecretHash = Hash(secret),
            ShortCode = RandomNumberGenerator.GetString(CodeAlphabet, CodeLength),
            ServiceName = serviceName,
            ReturnUrl = returnUrl,
            CreatedAt = now,
            ExpiresAt = now + Lifetime,
            State = PhoneSignInState.Pending,
        };
        db.Set<PhoneSignInRequest>().Add(request);
        audit.Record(PhoneSignInEvents.Started, null, null, PhoneSignInEvents.TargetType, request.Id);
        await db.SaveChangesAsync(cancellationToken);
        return (request, secret);
    }

    /// <summary>The request, for the phone (any signed-in person who has the link).</summary>
    public Task<PhoneSignInRequest?> FindAsync(string id, CancellationToken cancellationToken) =>
        db.Set<PhoneSignInRequest>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);

    /// <summary>The request, only for the browser that started it: anyone else gets null (and so a 404).</summary>
    public async Task<PhoneSignInRequest?> FindForBrowserAsync(string id, string? browserSecret, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(browserSecret)) return null;
        var request = await FindAsync(id, cancellationToken);
        if (request is null) return null;
        var matches = CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.ASCII.GetBytes(request.BrowserSecretHash), System.Text.Encoding.ASCII.GetBytes(Hash(browserSecret)));
        return matches ? request : null;
    }

    public DateTimeOffset Now => clock.GetUtcNow();

    public Task<PhoneSignInOutcome> ApproveAsync(string id, Guid userId, AssuranceLevel phoneLevel, CancellationToken cancellationToken) =>
        DecideAsync(id, userId, approve: true, phoneLevel, cancellationToken);

    public Task<PhoneSignInOutcome> DeclineAsync(string id, Guid userId, CancellationToken cancellationToken) =>
        DecideAsync(id, userId, approve: false, null, cancellationToken);

    private async Task<PhoneSignInOutcome> DecideAsync(string id, Guid userId, bool approve, AssuranceLevel? phoneLevel, CancellationToken cancellationToken)
    {
        var request = await FindAsync(id, cancellationToken);
        if (request is null) return PhoneSignInOutcome.NotFound;
        var now = clock.GetUtcNow();
        if (request.IsExpiredAt(now))
        {
            await ExpireAsync(request, userId, cancellationToken);
            return PhoneSignInOutcome.Expired;
        }
        var state = approve ? PhoneSignInState.Approved : PhoneSignInState.Declined;
        var level = phoneLevel?.AcrValue();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var changed = await db.Set<PhoneSignInRequest>()
            .Where(r => r.Id == id && r.State == PhoneSignInState.Pending)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.State, state)
                .SetProperty(r => r.ApprovedBy, userId)
                .SetProperty(r => r.DecidedAt, now)
                .SetProperty(r => r.ApproverLevel, level), cancellationToken);
        if (changed == 0) return PhoneSignInOutcome.AlreadyDecided;
        audit.Record(approve ? PhoneSignInEvents.Approved : PhoneSignInEvents.Declined, userId, userId,
            PhoneSignInEvents.TargetType, id, level is null ? null : "phone-level=" + level);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return PhoneSignInOutcome.Done;
    }

    /// <summary>
    /// Marks an approved request used, once: of two continues racing each other only the one whose UPDATE
    /// matched the approved row gets <see cref="PhoneSignInOutcome.Done"/>.
    /// </summary>
    public async Task<PhoneSignInOutcome> UseAsync(PhoneSignInRequest request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        switch (request.State)
        {
            case PhoneSignInState.Declined: return PhoneSignInOutcome.Declined;
            case PhoneSignInState.Used: return PhoneSignInOutcome.NotFound;
        }
        if (request.IsExpiredAt(now))
        {
            await ExpireAsync(request, null, cancellationToken);
            return PhoneSignInOutcome.Expired;
        }
        if (request.State != PhoneSignInState.Approved) return PhoneSignInOutcome.Pending;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var changed = await db.Set<PhoneSignInRequest>()
            .Where(r => r.Id == request.Id && r.State == PhoneSignInState.Approved && r.BrowserSecretHash == request.BrowserSecretHash)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, PhoneSignInState.Used).SetProperty(r => r.UsedAt, now), cancellationToken);
        if (changed == 0) return PhoneSignInOutcome.NotFound;
        audit.Record(PhoneSignInEvents.Used, request.ApprovedBy, request.ApprovedBy, PhoneSignInEvents.TargetType, request.Id, "amr=" + ComputerSession.Method);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return PhoneSignInOutcome.Done;
    }

    /// <summary>Records an attempt after the deadline; the first one also moves the row to Expired.</summary>
    private async Task ExpireAsync(PhoneSignInRequest request, Guid? actorId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Set<PhoneSignInRequest>()
            .Where(r => r.Id == request.Id && (r.State == PhoneSignInState.Pending || r.State == PhoneSignInState.Approved))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, PhoneSignInState.Expired), cancellationToken);
        audit.Record(PhoneSignInEvents.ExpiredAttempt, actorId, request.ApprovedBy ?? actorId, PhoneSignInEvents.TargetType, request.Id);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
