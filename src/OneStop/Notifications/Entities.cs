using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneStop.Identity;

namespace OneStop.Notifications;

/// <summary>
/// One logical notification: an event for one person (an account, or a guest's address), with the values
/// for its placeholders. Its deliveries are planned and sent by <see cref="Sending.SendNotification"/>.
/// <see cref="Values"/> and <see cref="GuestEmail"/> may hold personal data and are encrypted.
/// </summary>
public sealed class Notification
{
    public Guid Id { get; set; }
    public required string Event { get; set; }
    public required string DepartmentCode { get; set; }
    public Guid? UserId { get; set; }
    /// <summary>Protected with <see cref="NotificationProtection"/>; only when <see cref="UserId"/> is null.</summary>
    public string? GuestEmail { get; set; }
    public required string GuestLanguage { get; set; }
    public Guid? CaseId { get; set; }
    /// <summary>Unique: a second notification with the same key is never added.</summary>
    public required string IdempotencyKey { get; set; }
    /// <summary>The placeholder values as JSON, protected.</summary>
    public required string Values { get; set; }
    public DateTime CreatedAt { get; set; }
}

public enum DeliveryStatus
{
    /// <summary>Waiting to be sent (again, after a transient failure).</summary>
    Pending,
    /// <summary>Claimed by a sender until <see cref="NotificationDelivery.SendingUntil"/>.</summary>
    Sending,
    Sent,
    /// <summary>Failed for good (invalid number, no address, too many transient failures).</summary>
    Failed,
    /// <summary>The receiving server refused the recipient's address outright.</summary>
    Bounced,
}

/// <summary>A notification on one channel (<see cref="NotificationChannels"/>): its status, attempts and last failure code.</summary>
public sealed class NotificationDelivery
{
    public Guid Id { get; set; }
    public Guid NotificationId { get; set; }
    public required string Channel { get; set; }
    public DeliveryStatus Status { get; set; }
    public int Attempts { get; set; }
    /// <summary>The provider's id for the message (an SMS id, the email's Message-Id, the inbox message's id).</summary>
    public string? ProviderMessageId { get; set; }
    /// <summary>A short code (e.g. <c>sms:invalid-number</c>, <c>email:mailbox-unavailable</c>), never a provider's text.</summary>
    public string? Failure { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>While <see cref="DeliveryStatus.Sending"/>: the claim holds until then; after it another attempt may take over.</summary>
    public DateTime? SendingUntil { get; set; }
}

/// <summary>A copy of a notification in the person's in-portal inbox. Subject and body are protected.</summary>
public sealed class InboxMessage
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public Guid NotificationId { get; set; }
    public Guid? CaseId { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }
}

/// <summary>
/// Wording of one event in one language for one channel (<see cref="NotificationChannels.Shared"/> for email and inbox,
/// <see cref="NotificationChannels.Sms"/> for the short text). A department's row overrides the platform's
/// (<see cref="DepartmentCode"/> null), which overrides the built-in <see cref="Templates.DefaultTemplates"/>.
/// </summary>
public sealed class NotificationTemplate
{
    public Guid Id { get; set; }
    public string? DepartmentCode { get; set; }
    public required string Event { get; set; }
    /// <summary>en, zh-HK or zh-CN.</summary>
    public required string Language { get; set; }
    public required string Channel { get; set; }
    public string? Subject { get; set; }
    public required string Body { get; set; }
    public DateTime UpdatedAt { get; set; }
    public Guid? UpdatedBy { get; set; }
}

/// <summary>How a person wants to hear from us; no row means email.</summary>
public sealed class NotificationPreference
{
    public Guid UserId { get; set; }
    public required string Channel { get; set; }
    /// <summary>A number given on the preferences page when the profile has none; protected.</summary>
    public string? Phone { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>The channels a notification goes out on.</summary>
public static class NotificationChannels
{
    public const string Email = "email";
    public const string Sms = "sms";
    public const string Inbox = "inbox";
    /// <summary>For templates only: the wording email and inbox share.</summary>
    public const string Shared = "shared";
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> entity)
    {
        entity.ToTable("Notifications");
        entity.Property(n => n.Event).HasMaxLength(64);
        entity.Property(n => n.DepartmentCode).HasMaxLength(16);
        entity.Property(n => n.GuestLanguage).HasMaxLength(8);
        entity.Property(n => n.IdempotencyKey).HasMaxLength(200);
        entity.HasIndex(n => n.IdempotencyKey).IsUnique();
        entity.HasIndex(n => n.CaseId);
    }
}

internal sealed class NotificationDeliveryConfiguration : IEntityTypeConfiguration<NotificationDelivery>
{
    public void Configure(EntityTypeBuilder<NotificationDelivery> entity)
    {
        entity.ToTable("NotificationDeliveries");
        entity.Property(d => d.Channel).HasMaxLength(16);
        entity.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        entity.Property(d => d.ProviderMessageId).HasMaxLength(200);
        entity.Property(d => d.Failure).HasMaxLength(64);
        // One delivery per channel: planning twice (a retried message) adds nothing.
        entity.HasIndex(d => new { d.NotificationId, d.Channel }).IsUnique();
        entity.HasOne<Notification>().WithMany().HasForeignKey(d => d.NotificationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InboxMessageConfiguration : IEntityTypeConfiguration<InboxMessage>
{
    public void Configure(EntityTypeBuilder<InboxMessage> entity)
    {
        entity.ToTable("InboxMessages");
        entity.HasIndex(m => new { m.UserId, m.CreatedAt });
        // One copy per notification, whatever happens to the sending.
        entity.HasIndex(m => m.NotificationId).IsUnique();
        entity.HasOne<OneStopUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NotificationTemplateConfiguration : IEntityTypeConfiguration<NotificationTemplate>
{
    public void Configure(EntityTypeBuilder<NotificationTemplate> entity)
    {
        entity.ToTable("NotificationTemplates");
        entity.Property(t => t.DepartmentCode).HasMaxLength(16);
        entity.Property(t => t.Event).HasMaxLength(64);
        entity.Property(t => t.Language).HasMaxLength(8);
        entity.Property(t => t.Channel).HasMaxLength(16);
        entity.Property(t => t.Subject).HasMaxLength(200);
        entity.Property(t => t.Body).HasMaxLength(4000);
        entity.HasIndex(t => new { t.DepartmentCode, t.Event, t.Language, t.Channel }).IsUnique();
        // NULLs are distinct in a unique index on both providers, so the platform's rows need their own.
        entity.HasIndex(t => new { t.Event, t.Language, t.Channel }).IsUnique().HasFilter("\"DepartmentCode\" IS NULL");
    }
}

internal sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> entity)
    {
        entity.ToTable("NotificationPreferences");
        entity.HasKey(p => p.UserId);
        entity.Property(p => p.Channel).HasMaxLength(16);
        entity.HasOne<OneStopUser>().WithOne().HasForeignKey<NotificationPreference>(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
