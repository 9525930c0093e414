using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneStop.Platform.Localisation;

namespace OneStop.Identity;

/// <summary>
/// A OneStop ID account. The sign-in name is the email address. Personal details beyond it live in the
/// encrypted profile, not here, so that this row holds nothing a leak of it would expose but the email.
/// </summary>
public sealed class OneStopUser : IdentityUser<Guid>
{
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The language emails are written in and the portal opens in after sign-in.</summary>
    public Language PreferredLanguage { get; set; } = Language.En;

    /// <summary>When the person's identity was proved; null until then. Raises them to <see cref="AssuranceLevel.Verified"/>.</summary>
    public DateTimeOffset? IdentityVerifiedAt { get; set; }

    /// <summary>How it was proved: <c>registry</c> or <c>counter</c>.</summary>
    public string? IdentityVerifiedBy { get; set; }
}

internal sealed class OneStopUserConfiguration : IEntityTypeConfiguration<OneStopUser>
{
    public void Configure(EntityTypeBuilder<OneStopUser> builder)
    {
        builder.Property(u => u.PreferredLanguage).HasConversion<string>().HasMaxLength(8);
        builder.Property(u => u.IdentityVerifiedBy).HasMaxLength(16);
    }
}
