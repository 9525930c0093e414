using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneStop.Platform.Audit;
using OneStop.Platform.Database;

namespace OneStop.Identity.Factors;

/// <summary>
/// A browser a person has signed in from, known by a long-lived random cookie. Only a hash of the cookie
/// and the account is kept, so the table cannot be used to recognise a browser across accounts.
/// </summary>
public sealed class KnownDevice
{
    public long Id { get; set; }
    public Guid UserId { get; set; }
    public required string DeviceHash { get; set; }
    public DateTimeOffset FirstSeenAt { get; set; }
    public DateTimeOffset LastSeenAt { get; set; }
}

internal sealed class KnownDeviceConfiguration : IEntityTypeConfiguration<KnownDevice>
{
    public void Configure(EntityTypeBuilder<KnownDevice> builder)
    {
        builder.ToTable("KnownDevices");
        builder.Property(d => d.DeviceHash).HasMaxLength(64);
        builder.HasIndex(d => new { d.UserId, d.DeviceHash }).IsUnique();
        builder.HasOne<OneStopUser>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>
/// Runs on every sign-in: a browser the account has not used before gets an email to the owner and an
/// audit entry. The first browser of an account is its owner's, so it is remembered without a message.
/// </summary>
public sealed class KnownDevices(OneStopDb db, AuditLog audit, UserManager<OneStopUser> users, AccountMail mail, TimeProvider clock, ILogger<KnownDevices> logger)
{
    public const string CookieName = "onestop-device";
    private const int TokenLength = 43; // 32 random bytes in base64url

    public async Task SignedInAsync(HttpContext http, ClaimsPrincipal? principal, CancellationToken cancellationToken)
    {
        if (principal?.UserId() is not { } userId) return;
        var token = http.Request.Cookies[CookieName];
        if (token is not { Length: TokenLength })
        {
            token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
            http.Response.Cookies.Append(CookieName, token, new CookieOptions
            {
                HttpOnly = true,
                Secure = http.Request.IsHttps,
                SameSite = SameSiteMode.Lax,
                IsEssential = true,
                MaxAge = TimeSpan.FromDays(400), // the longest browsers keep a cookie
            });
        }
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{userId:N}:{token}")));
        var now = clock.GetUtcNow();
        var devices = db.Set<KnownDevice>();
        if (await devices.FirstOrDefaultAsync(d => d.UserId == userId && d.DeviceHash == hash, cancellationToken) is { } known)
        {
            known.LastSeenAt = now;
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        var first = !await devices.AnyAsync(d => d.UserId == userId, cancellationToken);
        devices.Add(new KnownDevice { UserId = userId, DeviceHash = hash, FirstSeenAt = now, LastSeenAt = now });
        if (!first) audit.Record(FactorEvents.NewDevice, userId, userId);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two sign-ins from one new browser at once: the other request recorded it and sent the notice.
            logger.LogInformation("A new device was recorded by a concurrent sign-in.");
            return;
        }
        if (!first && await users.FindByIdAsync(userId.ToString()) is { } user)
        {
            await mail.SendSecurityNoticeAsync(user, "mail.factors.newDevice", cancellationToken);
        }
    }
}
