using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OneStop.Identity.TwoDevice;

public enum PhoneSignInState { Pending, Approved, Declined, Used, Expired }

/// <summary>
/// A computer asking to be signed in by a phone that is already signed in. Lives in the database (not in
/// a node's memory) so the computer, the phone and the polling script may each reach a different node.
/// The computer proves it is the one that asked with a cookie; only the cookie's hash is stored here.
/// </summary>
public sealed class PhoneSignInRequest
{
    /// <summary>Random, URL-safe; in the QR code and both pages' addresses. Knowing it is not enough to sign in.</summary>
    public required string Id { get; set; }

    /// <summary>SHA-256 (hex) of the random value in the computer's browser cookie.</summary>
    public required string BrowserSecretHash { get; set; }

    /// <summary>Shown on both screens so the person can see that the phone approves the computer in front of them.</summary>
    public required string ShortCode { get; set; }

    /// <summary>The relying service's display name; null means the portal itself.</summary>
    public string? ServiceName { get; set; }

    /// <summary>Local URL the computer goes to once signed in.</summary>
    public required string ReturnUrl { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public PhoneSignInState State { get; set; }

    public Guid? ApprovedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>The phone session's assurance level when it approved (acr value), for the audit trail.</summary>
    public string? ApproverLevel { get; set; }

    public DateTimeOffset? UsedAt { get; set; }

    public bool IsExpiredAt(DateTimeOffset now) => State == PhoneSignInState.Expired || now >= ExpiresAt;
}

internal sealed class PhoneSignInRequestConfiguration : IEntityTypeConfiguration<PhoneSignInRequest>
{
    public void Configure(EntityTypeBuilder<PhoneSignInRequest> builder)
    {
        builder.ToTable("PhoneSignInRequests");
        builder.Property(r => r.Id).HasMaxLength(32);
        builder.Property(r => r.BrowserSecretHash).HasMaxLength(64);
        builder.Property(r => r.ShortCode).HasMaxLength(8);
        builder.Property(r => r.ServiceName).HasMaxLength(200);
        builder.Property(r => r.ReturnUrl).HasMaxLength(2000);
        builder.Property(r => r.State).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.ApproverLevel).HasMaxLength(16);
    }
}
