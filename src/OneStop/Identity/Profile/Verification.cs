using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneStop.Identity.Profile.Registry;
using OneStop.Platform.Audit;
using OneStop.Platform.Database;

namespace OneStop.Identity.Profile;

public enum VerificationOutcome { Verified, NotMatched, Unavailable, TooManyAttempts, CardInUse, AccountNotFound }

/// <summary>Audit event names of the profile and identity verification.</summary>
public static class ProfileEvents
{
    public const string Updated = "profile.updated";
    public const string Verified = "identity.verified";
    public const string VerificationFailed = "identity.verification-failed";
    public const string VerificationLimited = "identity.verification-limited";
}

/// <summary>
/// Proves a person's identity against the population registry (online) or at a counter (an officer saw
/// the card). Either way the card number, English name and date of birth go into the profile marked
/// verified, and the account is raised to <see cref="AssuranceLevel.Verified"/>.
/// </summary>
public sealed class IdentityVerification(OneStopDb db, IPopulationRegistry registry, ProfileStore profiles, UserManager<OneStopUser> users,
    AuditLog audit, TimeProvider clock, IOptions<ProfileOptions> options)
{
    public static readonly IReadOnlyList<string> ProvedFields = [ProfileFields.NameEnglish, ProfileFields.IdentityCard, ProfileFields.DateOfBirth];

    /// <summary>Online check. The caller refreshes the sign-in afterwards so that the session carries the new level.</summary>
    public async Task<VerificationOutcome> VerifyWithRegistryAsync(OneStopUser user, RegistryQuery query, CancellationToken cancellationToken = default)
    {
        if (await TooManyFailuresAsync(user.Id, cancellationToken))
        {
            await audit.RecordNowAsync(ProfileEvents.VerificationLimited, user.Id, user.Id, cancellationToken: cancellationToken);
            return VerificationOutcome.TooManyAttempts;
        }
        // An outage is nobody's failed attempt, so it is neither counted nor audited as one.
        var match = await registry.MatchAsync(query, cancellationToken);
        if (match == RegistryMatch.Unavailable) return VerificationOutcome.Unavailable;
        if (match == RegistryMatch.NotMatched)
        {
            await audit.RecordNowAsync(ProfileEvents.VerificationFailed, user.Id, user.Id, "not-matched", cancellationToken);
            return VerificationOutcome.NotMatched;
        }
        return await ApplyAsync(user, query, "registry", actorId: user.Id, cancellationToken);
    }

    /// <summary>Whether the account has used up its failed attempts for the last 24 hours.</summary>
    public async Task<bool> TooManyFailuresAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var limit = options.Value.VerificationFailuresPerDay;
        // The newest N failures are enough: blocked while the N-th newest is less than a day old.
        var recent = await db.AuditEntries.AsNoTracking()
            .Where(e => e.SubjectId == userId && e.Event == ProfileEvents.VerificationFailed)
            .OrderByDescending(e => e.Id).Take(limit).Select(e => e.At).ToListAsync(cancellationToken);
        return recent.Count >= limit && recent.Min() > clock.GetUtcNow().AddDays(-1);
    }

    internal async Task<VerificationOutcome> ApplyAsync(OneStopUser user, RegistryQuery query, string method, Guid actorId, CancellationToken cancellationToken)
    {
        if (await profiles.IsCardTakenAsync(query.IdentityCard, user.Id, cancellationToken))
        {
            await audit.RecordNowAsync(ProfileEvents.VerificationFailed, actorId, user.Id, "card-in-use", cancellationToken);
            return VerificationOutcome.CardInUse;
        }
        var details = await profiles.LoadAsync(user.Id, cancellationToken);
        // The form that was proved, not the person's spelling of it: the registry compares without case,
        // hyphens or commas, so "Lee Ka-wai" and "LEE KA WAI" are the same proved name and are kept as the latter.
        details.NameEnglish = EnglishNames.Normalise(query.EnglishName);
        details.IdentityCard = query.IdentityCard.Compact;
        details.DateOfBirth = query.DateOfBirth;
        details.Verified = details.Verified.Union(ProvedFields).ToList();
        await profiles.StageAsync(user.Id, details, cancellationToken);
        user.IdentityVerifiedAt = clock.GetUtcNow();
        user.IdentityVerifiedBy = method;
        audit.Record(ProfileEvents.Verified, actorId, user.Id, "account", user.Id.ToString(), method);
        try
        {
            // UpdateAsync saves the whole unit of work: profile, account and audit entry together.
            var result = await users.UpdateAsync(user);
            if (!result.Succeeded) throw new InvalidOperationException("The account changed while it was being verified: " + result.Errors.First().Code);
        }
        catch (DbUpdateException)
        {
            // The unique blind index: another account proved the same card a moment ago.
            db.ChangeTracker.Clear();
            await audit.RecordNowAsync(ProfileEvents.VerificationFailed, actorId, user.Id, "card-in-use", cancellationToken);
            return VerificationOutcome.CardInUse;
        }
        return VerificationOutcome.Verified;
    }
}

/// <summary>
/// Verification in person: an officer has seen the identity card and the person. The staff pages call it;
/// they are responsible for checking that <paramref name="officerId"/> may verify identities.
/// </summary>
public sealed class CounterVerification(IdentityVerification verification, UserManager<OneStopUser> users)
{
    public async Task<VerificationOutcome> VerifyAsync(Guid userId, Guid officerId, HongKongId identityCard, string englishName, DateOnly dateOfBirth,
        CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(englishName)) throw new ArgumentException("The English name is required.", nameof(englishName));
        if (await users.FindByIdAsync(userId.ToString()) is not { } user) return VerificationOutcome.AccountNotFound;
        return await verification.ApplyAsync(user, new RegistryQuery(identityCard, englishName.Trim(), dateOfBirth), "counter", officerId, cancellationToken);
    }
}
