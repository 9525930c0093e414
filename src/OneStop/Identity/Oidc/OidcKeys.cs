using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OneStop.Platform.Database;

namespace OneStop.Identity.Oidc;

/// <summary>
/// A key of the OIDC provider: RSA for signing (<c>sig</c>) or encrypting (<c>enc</c>) tokens, or the
/// secret that pairwise subject identifiers are derived from (<c>pairwise</c>). The key material is stored
/// protected by ASP.NET Core Data Protection, whose own keys are in this database too (and, in
/// Production, encrypted with a certificate kept outside it).
/// </summary>
public sealed class OidcKey
{
    public const string Signing = "sig";
    public const string Encryption = "enc";
    public const string Pairwise = "pairwise";

    /// <summary>The key id (<c>kid</c>) published in the JWKS.</summary>
    public required string Id { get; set; }
    public required string Use { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When a newer key took over. A retired key still validates (and is still published) until its tokens have expired.</summary>
    public DateTimeOffset? RetiredAt { get; set; }

    public required string ProtectedMaterial { get; set; }
}

internal sealed class OidcKeyConfiguration : IEntityTypeConfiguration<OidcKey>
{
    public void Configure(EntityTypeBuilder<OidcKey> builder)
    {
        builder.ToTable("OidcKeys");
        builder.Property(k => k.Id).HasMaxLength(64);
        builder.Property(k => k.Use).HasMaxLength(16);
        builder.Property(k => k.ProtectedMaterial).HasMaxLength(8000);
    }
}

/// <summary>Creates, rotates and reads the provider's keys. Small table: rows are filtered in memory.</summary>
public sealed class OidcKeyStore(OneStopDb db, IDataProtectionProvider protection, TimeProvider clock, IOptions<OidcOptions> options)
{
    private readonly IDataProtector _protector = protection.CreateProtector("OneStop.Identity.Oidc.Keys");

    /// <summary>Signing and encryption keys in use and still published, the current one first in each list.</summary>
    public sealed record Credentials(IReadOnlyList<RsaSecurityKey> Signing, IReadOnlyList<RsaSecurityKey> Encryption);

    /// <summary>Makes the keys on first start. Two nodes starting at once may each make one; both are then published.</summary>
    public void EnsureKeys()
    {
        var keys = db.Set<OidcKey>().ToList();
        var now = clock.GetUtcNow();
        var added = false;
        foreach (var use in new[] { OidcKey.Signing, OidcKey.Encryption, OidcKey.Pairwise })
        {
            if (keys.Any(k => k.Use == use && k.RetiredAt is null)) continue;
            db.Add(NewKey(use, now));
            added = true;
        }
        if (added) db.SaveChanges();
    }

    public Credentials Load()
    {
        var keys = Published(db.Set<OidcKey>().AsNoTracking().ToList());
        return new(
            keys.Where(k => k.Use == OidcKey.Signing).Select(ToRsa).ToList(),
            keys.Where(k => k.Use == OidcKey.Encryption).Select(ToRsa).ToList());
    }

    /// <summary>The secret behind pairwise subjects. Never rotated: that would change every person's sub at every client.</summary>
    public byte[] PairwiseSecret()
    {
        var key = db.Set<OidcKey>().AsNoTracking().Where(k => k.Use == OidcKey.Pairwise).ToList()
            .OrderBy(k => k.CreatedAt).FirstOrDefault() ?? throw new InvalidOperationException("The OIDC keys have not been created yet.");
        return _protector.Unprotect(Convert.FromBase64String(key.ProtectedMaterial));
    }

    /// <summary>Retires the current signing and encryption keys and adds new ones; returns the new key ids.</summary>
    public async Task<IReadOnlyList<string>> RotateAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var current = await db.Set<OidcKey>().Where(k => k.Use == OidcKey.Signing || k.Use == OidcKey.Encryption).ToListAsync(cancellationToken);
        foreach (var key in current.Where(k => k.RetiredAt is null)) key.RetiredAt = now;
        var added = new[] { NewKey(OidcKey.Signing, now), NewKey(OidcKey.Encryption, now) };
        db.AddRange(added);
        await db.SaveChangesAsync(cancellationToken);
        return added.Select(k => k.Id).ToList();
    }

    public async Task<IReadOnlyList<OidcKey>> ListAsync(CancellationToken cancellationToken = default)
    {
        var keys = await db.Set<OidcKey>().AsNoTracking().Where(k => k.Use != OidcKey.Pairwise).ToListAsync(cancellationToken);
        return keys.OrderBy(k => k.Use, StringComparer.Ordinal).ThenByDescending(k => k.CreatedAt).ToList();
    }

    /// <summary>Whether a retired key is past the lifetime of any token it could have signed or encrypted.</summary>
    public bool IsExpired(OidcKey key) => key.RetiredAt is { } retired && retired + options.Value.RetiredKeyRetention <= clock.GetUtcNow();

    // Current (unretired, newest) first: OpenIddict signs and encrypts with the first credential of each list.
    private List<OidcKey> Published(IEnumerable<OidcKey> keys) => keys
        .Where(k => !IsExpired(k))
        .OrderBy(k => k.RetiredAt is null ? 0 : 1)
        .ThenByDescending(k => k.CreatedAt)
        .ToList();

    private OidcKey NewKey(string use, DateTimeOffset now)
    {
        byte[] material;
        if (use == OidcKey.Pairwise)
        {
            material = RandomNumberGenerator.GetBytes(32);
        }
        else
        {
            using var rsa = RSA.Create(2048);
            material = rsa.ExportPkcs8PrivateKey();
        }
        return new OidcKey
        {
            Id = $"{use}-{now:yyyyMMdd}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}",
            Use = use,
            CreatedAt = now,
            ProtectedMaterial = Convert.ToBase64String(_protector.Protect(material)),
        };
    }

    private RsaSecurityKey ToRsa(OidcKey key)
    {
        using var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(_protector.Unprotect(Convert.FromBase64String(key.ProtectedMaterial)), out _);
        return new RsaSecurityKey(rsa.ExportParameters(includePrivateParameters: true)) { KeyId = key.Id };
    }
}
