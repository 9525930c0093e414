using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneStop.Platform.Localisation;

namespace OneStop.Forms;

/// <summary>A form across its versions. Times are UTC <see cref="DateTime"/>s so both databases can compare and sort them.</summary>
public sealed class Form
{
    /// <summary>The definition's id, e.g. <c>fehd-restaurant-licence</c>.</summary>
    public required string Id { get; set; }
    public required string DepartmentCode { get; set; }
    /// <summary>Of the newest version, for listings.</summary>
    public required LocalisedText Title { get; set; }
    /// <summary>The version people fill in now; null until one is published.</summary>
    public int? PublishedVersion { get; set; }
    /// <summary>A retired form takes no new applications; drafts already started may still be sent.</summary>
    public DateTime? RetiredAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public List<FormVersion> Versions { get; } = [];
}

public enum VersionState { Draft = 1, Published = 2, Superseded = 3 }

/// <summary>One version's definition, as JSON. Published and superseded versions never change: submissions point at them.</summary>
public sealed class FormVersion
{
    public required string FormId { get; set; }
    public int Version { get; set; }
    public VersionState State { get; set; }
    public required string Definition { get; set; }
    public DateTime CreatedAt { get; set; }
    public Guid? CreatedBy { get; set; }
    public DateTime? PublishedAt { get; set; }
}

/// <summary>
/// Answers being filled in. Belongs to an account, or to whoever holds its resume secret (people without
/// an account). Answers are encrypted; they are the canonical JSON of <see cref="Answers.AnswerValues"/>.
/// </summary>
public sealed class FormDraft
{
    public Guid Id { get; set; }
    public required string FormId { get; set; }
    public int Version { get; set; }
    public string? ServiceSlug { get; set; }
    public Guid? UserId { get; set; }
    /// <summary>SHA-256 of the secret in a guest's cookie and resume link; null for account holders.</summary>
    public byte[]? ResumeSecretHash { get; set; }
    /// <summary>Encrypted (AnswerProtection.ProtectText): where a guest asked for resume links and reminders to go (Forms/Guests).</summary>
    public string? GuestEmail { get; set; }
    public required string Answers { get; set; }
    /// <summary>The consent receipt that let the profile fill in fields, when the person agreed.</summary>
    public Guid? ConsentReceiptId { get; set; }
    public string Language { get; set; } = "en";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? ReminderSentAt { get; set; }
    /// <summary>Set in the same transaction as the submission, so the draft can never be sent twice.</summary>
    public Guid? SubmissionId { get; set; }
    /// <summary>
    /// Set on an amendment: the sent application whose answers this draft changes when the department asked for
    /// more information (Forms/Submitting/AmendApplication). Sending it sets <see cref="SubmissionId"/> to the same.
    /// </summary>
    public Guid? AmendsSubmissionId { get; set; }
    /// <summary>Encrypted (AnswerProtection.ProtectText): the applicant's message sent with an amendment.</summary>
    public string? AmendmentMessage { get; set; }
    public int Revision { get; set; }
}

/// <summary>An application as sent: pinned to its form version, answers encrypted, never changed afterwards.</summary>
public sealed class Submission
{
    public Guid Id { get; set; }
    /// <summary>What people see and quote: department prefix, year and number, e.g. <c>TD-2026-000123</c>.</summary>
    public required string Reference { get; set; }
    public required string FormId { get; set; }
    public int Version { get; set; }
    public required string DepartmentCode { get; set; }
    public string? ServiceSlug { get; set; }
    public Guid? UserId { get; set; }
    /// <summary>The OIDC client that sent it, for kiosks and partner systems.</summary>
    public string? ClientId { get; set; }
    /// <summary>Who the idempotency key belongs to (<c>user:…</c>, <c>client:…</c>, <c>draft:…</c>) and the key; unique together.</summary>
    public required string IdempotencyScope { get; set; }
    public required string IdempotencyKey { get; set; }
    /// <summary>SHA-256 of the request, so the same key with different answers is refused rather than answered with the first.</summary>
    public required string RequestHash { get; set; }
    public required string Answers { get; set; }
    /// <summary>SHA-256 (hex) of the canonical answers and attachment hashes: what a declaration's signature covers.</summary>
    public required string AnswersHash { get; set; }
    public Guid? SignatureRequestId { get; set; }
    /// <summary>Encrypted: where the acknowledgement goes (the account's address, or the guest's).</summary>
    public string? ContactEmail { get; set; }
    public string Language { get; set; } = "en";
    public DateTime SubmittedAt { get; set; }
    /// <summary>When the acknowledgement email went (Forms/Acknowledgement); it is sent once.</summary>
    public DateTime? AcknowledgedAt { get; set; }
    /// <summary>
    /// The service is paid for on submission and the fee is not paid yet: the application is stored but not
    /// accepted, and its outbox message to case processing is written when the payment succeeds (Payments).
    /// </summary>
    public bool HeldForPayment { get; set; }
}

internal sealed class FormConfiguration : IEntityTypeConfiguration<Form>
{
    public void Configure(EntityTypeBuilder<Form> entity)
    {
        entity.Property(f => f.Id).HasMaxLength(100);
        entity.Property(f => f.DepartmentCode).HasMaxLength(16);
        entity.ComplexProperty(f => f.Title, text =>
        {
            text.Property(t => t.En).HasMaxLength(300);
            text.Property(t => t.ZhHk).HasMaxLength(300);
            text.Property(t => t.ZhCn).HasMaxLength(300);
        });
        entity.HasIndex(f => new { f.DepartmentCode, f.Id });
        entity.HasMany(f => f.Versions).WithOne().HasForeignKey(v => v.FormId);
    }
}

internal sealed class FormVersionConfiguration : IEntityTypeConfiguration<FormVersion>
{
    public void Configure(EntityTypeBuilder<FormVersion> entity)
    {
        entity.HasKey(v => new { v.FormId, v.Version });
        entity.Property(v => v.FormId).HasMaxLength(100);
    }
}

internal sealed class FormDraftConfiguration : IEntityTypeConfiguration<FormDraft>
{
    public void Configure(EntityTypeBuilder<FormDraft> entity)
    {
        entity.Property(d => d.FormId).HasMaxLength(100);
        entity.Property(d => d.ServiceSlug).HasMaxLength(200);
        entity.Property(d => d.Language).HasMaxLength(8);
        entity.Property(d => d.ResumeSecretHash).HasMaxLength(32);
        entity.Property(d => d.Revision).IsConcurrencyToken();
        entity.HasIndex(d => new { d.UserId, d.UpdatedAt });
        entity.HasIndex(d => d.ExpiresAt);
        entity.HasIndex(d => d.AmendsSubmissionId);
    }
}

internal sealed class SubmissionConfiguration : IEntityTypeConfiguration<Submission>
{
    public void Configure(EntityTypeBuilder<Submission> entity)
    {
        entity.Property(s => s.Reference).HasMaxLength(32);
        entity.HasIndex(s => s.Reference).IsUnique();
        entity.Property(s => s.FormId).HasMaxLength(100);
        entity.Property(s => s.DepartmentCode).HasMaxLength(16);
        entity.Property(s => s.ServiceSlug).HasMaxLength(200);
        entity.Property(s => s.ClientId).HasMaxLength(100);
        entity.Property(s => s.IdempotencyScope).HasMaxLength(120);
        entity.Property(s => s.IdempotencyKey).HasMaxLength(200);
        entity.HasIndex(s => new { s.IdempotencyScope, s.IdempotencyKey }).IsUnique();
        entity.Property(s => s.RequestHash).HasMaxLength(64);
        entity.Property(s => s.AnswersHash).HasMaxLength(64);
        entity.Property(s => s.Language).HasMaxLength(8);
        entity.HasIndex(s => new { s.UserId, s.SubmittedAt });
        entity.HasIndex(s => new { s.DepartmentCode, s.SubmittedAt });
    }
}
