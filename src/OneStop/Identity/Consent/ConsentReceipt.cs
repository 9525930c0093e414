using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OneStop.Identity.Consent;

/// <summary>Who receives profile data: a department (our own forms) or another system signed in through OIDC.</summary>
public enum ConsentRecipientType { Department, Client }

/// <summary>
/// A person's permission for one recipient to receive named profile fields for one purpose, kept as a
/// receipt: who, what, purpose, when and until when. Listed in the account and revocable; nothing
/// from the profile leaves without a valid one. Receipts are never deleted, only revoked or expired.
/// </summary>
public sealed class ConsentReceipt
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public ConsentRecipientType RecipientType { get; set; }

    /// <summary>A department code or an OIDC client_id.</summary>
    public required string RecipientId { get; set; }

    /// <summary>The recipient's name as the person saw it on the consent screen.</summary>
    public required string RecipientName { get; set; }

    /// <summary>A stable code for the purpose (a service slug, a client's declared purpose), to find the receipt again.</summary>
    public required string PurposeCode { get; set; }

    /// <summary>The purpose as the person read it, in the language they read it in.</summary>
    public required string Purpose { get; set; }

    /// <summary>Profile field names (see <see cref="Profile.ProfileFields"/>), space-separated.</summary>
    public required string Fields { get; set; }

    public DateTimeOffset GrantedAt { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }

    public IReadOnlyList<string> FieldList => Fields.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public bool IsValidAt(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);
}

internal sealed class ConsentReceiptConfiguration : IEntityTypeConfiguration<ConsentReceipt>
{
    public void Configure(EntityTypeBuilder<ConsentReceipt> builder)
    {
        builder.ToTable("ConsentReceipts");
        builder.Property(c => c.RecipientType).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.RecipientId).HasMaxLength(128);
        builder.Property(c => c.RecipientName).HasMaxLength(300);
        builder.Property(c => c.PurposeCode).HasMaxLength(128);
        builder.Property(c => c.Purpose).HasMaxLength(1000);
        builder.Property(c => c.Fields).HasMaxLength(1000);
        builder.HasIndex(c => new { c.UserId, c.RecipientId, c.PurposeCode });
    }
}
