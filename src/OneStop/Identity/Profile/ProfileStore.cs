using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneStop.Platform.Database;

namespace OneStop.Identity.Profile;

/// <summary>
/// Reads and writes the encrypted profile. Writes are staged on the shared DbContext so that the caller
/// saves them together with the audit entry (and any account change) in one SaveChanges.
/// </summary>
public sealed class ProfileStore(OneStopDb db, IDataProtectionProvider protection, IdentityCardIndexKey indexKey, TimeProvider clock)
{
    /// <summary>Changing it makes every stored profile unreadable: it is part of the encryption key's derivation.</summary>
    private const string Purpose = "OneStop.Identity.Profile.v1";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private IDataProtector Protector => protection.CreateProtector(Purpose);

    /// <summary>The person's profile; an empty one when they have not filled anything in.</summary>
    public async Task<PersonalDetails> LoadAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        // FindAsync sees a profile staged earlier in this unit of work, not only saved ones.
        var record = await db.Set<ProfileRecord>().FindAsync([userId], cancellationToken);
        return record is null ? new PersonalDetails() : JsonSerializer.Deserialize<PersonalDetails>(Protector.Unprotect(record.Data), Json)!;
    }

    /// <summary>Encrypts and stages the profile; the caller's SaveChanges writes it.</summary>
    public async Task StageAsync(Guid userId, PersonalDetails details, CancellationToken cancellationToken = default)
    {
        var data = Protector.Protect(JsonSerializer.Serialize(details, Json));
        var index = details.IsVerified(ProfileFields.IdentityCard) && details.IdentityCardNumber is { } card
            ? await IndexOfAsync(card, cancellationToken) : null;
        var record = await db.Set<ProfileRecord>().FindAsync([userId], cancellationToken);
        if (record is null)
        {
            record = new ProfileRecord { UserId = userId, Data = data };
            db.Add(record);
        }
        record.Data = data;
        record.IdentityCardIndex = index;
        record.UpdatedAt = clock.GetUtcNow();
    }

    /// <summary>Whether another account has already proved it holds this identity card.</summary>
    public async Task<bool> IsCardTakenAsync(HongKongId card, Guid exceptUserId, CancellationToken cancellationToken = default)
    {
        var index = await IndexOfAsync(card, cancellationToken);
        return await db.Set<ProfileRecord>().AnyAsync(p => p.IdentityCardIndex == index && p.UserId != exceptUserId, cancellationToken);
    }

    private async Task<string> IndexOfAsync(HongKongId card, CancellationToken cancellationToken) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(await indexKey.GetAsync(cancellationToken), Encoding.ASCII.GetBytes(card.Compact)));
}

/// <summary>
/// The key of the identity-card blind index. It must never change (the index would stop matching), so it is
/// not a Data Protection key, which rotates: it is Profile:IdentityCardIndexKey when configured, otherwise a
/// random key made on first use and stored in the database encrypted with Data Protection (and so, in
/// production, with the key-ring certificate).
/// </summary>
public sealed class IdentityCardIndexKey(IServiceScopeFactory scopes, IDataProtectionProvider protection, IOptions<ProfileOptions> options)
{
    private const string SecretName = "identity-card-index";
    private readonly SemaphoreSlim _gate = new(1, 1);
    private byte[]? _key;

    public async Task<byte[]> GetAsync(CancellationToken cancellationToken)
    {
        if (_key is not null) return _key;
        if (options.Value.IdentityCardIndexKey is { Length: > 0 } configured) return _key = Convert.FromBase64String(configured);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return _key ??= await LoadOrCreateAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<byte[]> LoadOrCreateAsync(CancellationToken cancellationToken)
    {
        var protector = protection.CreateProtector("OneStop.Identity.Profile.IndexKey");
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDb>();
        var stored = await db.Set<ProfileSecret>().AsNoTracking().SingleOrDefaultAsync(s => s.Name == SecretName, cancellationToken);
        if (stored is not null) return Convert.FromBase64String(protector.Unprotect(stored.Value));
        var key = RandomNumberGenerator.GetBytes(32);
        db.Add(new ProfileSecret { Name = SecretName, Value = protector.Protect(Convert.ToBase64String(key)) });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return key;
        }
        catch (DbUpdateException)
        {
            // Another node made it first; use theirs.
            await using var retry = scopes.CreateAsyncScope();
            var winner = await retry.ServiceProvider.GetRequiredService<OneStopDb>().Set<ProfileSecret>().AsNoTracking()
                .SingleAsync(s => s.Name == SecretName, cancellationToken);
            return Convert.FromBase64String(protector.Unprotect(winner.Value));
        }
    }
}
