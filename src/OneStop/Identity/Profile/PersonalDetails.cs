using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OneStop.Identity.Profile;

/// <summary>
/// What a person keeps in their e-ME profile. Never stored as is: the whole object is serialised and
/// encrypted (see <see cref="ProfileStore"/>), so the database holds one opaque value per person.
/// Email and preferred language live on the account (<see cref="OneStopUser"/>).
/// </summary>
public sealed class PersonalDetails
{
    /// <summary>As on the identity card, e.g. CHAN Tai Man.</summary>
    public string? NameEnglish { get; set; }
    public string? NameChinese { get; set; }

    /// <summary><see cref="HongKongId.Compact"/> form, e.g. A1234563.</summary>
    public string? IdentityCard { get; set; }
    public DateOnly? DateOfBirth { get; set; }

    /// <summary>M, F or X.</summary>
    public string? Sex { get; set; }

    /// <summary>E.164, e.g. +85291234567.</summary>
    public string? Phone { get; set; }
    public HongKongAddress? ResidentialAddress { get; set; }
    public HongKongAddress? CorrespondenceAddress { get; set; }

    /// <summary>Subset of <see cref="ContactChannel.All"/>.</summary>
    public List<string> ContactChannels { get; set; } = [];

    /// <summary>Field names (<see cref="ProfileFields"/>) proved during identity verification; they cannot be edited without proving again.</summary>
    public List<string> Verified { get; set; } = [];

    public bool IsVerified(string field) => Verified.Contains(field);

    public HongKongId? IdentityCardNumber => HongKongId.Parse(IdentityCard);
}

public static class ContactChannel
{
    public const string Email = "email";
    public const string Sms = "sms";
    public const string Portal = "portal";
    public static readonly IReadOnlyList<string> All = [Email, Sms, Portal];
}

public static class Sexes
{
    public static readonly IReadOnlyList<string> All = ["F", "M", "X"];
}

/// <summary>The stored form of a profile: one encrypted blob, and a keyed hash of the identity card number once it is verified.</summary>
internal sealed class ProfileRecord
{
    public Guid UserId { get; set; }

    /// <summary><see cref="PersonalDetails"/> as JSON, protected with ASP.NET Core Data Protection.</summary>
    public required string Data { get; set; }

    /// <summary>
    /// HMAC-SHA256 of the verified identity card number: a blind index that lets the database refuse a second
    /// account for one card without holding the number. Null until the number is verified, so that typing
    /// someone else's number into an unverified profile cannot lock the real holder out.
    /// </summary>
    public string? IdentityCardIndex { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A random key generated once, protected with Data Protection, stored in the database so every node shares it.</summary>
internal sealed class ProfileSecret
{
    public required string Name { get; set; }
    public required string Value { get; set; }
}

internal sealed class ProfileRecordConfiguration : IEntityTypeConfiguration<ProfileRecord>
{
    public void Configure(EntityTypeBuilder<ProfileRecord> builder)
    {
        builder.ToTable("Profiles");
        builder.HasKey(p => p.UserId);
        builder.HasOne<OneStopUser>().WithOne().HasForeignKey<ProfileRecord>(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(p => p.IdentityCardIndex).HasMaxLength(64);
        builder.HasIndex(p => p.IdentityCardIndex).IsUnique();
    }
}

internal sealed class ProfileSecretConfiguration : IEntityTypeConfiguration<ProfileSecret>
{
    public void Configure(EntityTypeBuilder<ProfileSecret> builder)
    {
        builder.ToTable("ProfileSecrets");
        builder.HasKey(s => s.Name);
        builder.Property(s => s.Name).HasMaxLength(64);
        builder.Property(s => s.Value).HasMaxLength(2000);
    }
}
