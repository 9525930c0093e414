using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneStop.Catalogue;
using OneStop.Platform.Localisation;

namespace OneStop.Documents;

/// <summary>What a service issues on approval, as data (<see cref="Templates.DocumentDefinition"/> JSON). A service without one issues nothing.</summary>
public sealed class DocumentTemplate
{
    public required string ServiceSlug { get; set; }
    public required string DepartmentCode { get; set; }
    public required string Definition { get; set; }
    public DateTime UpdatedAt { get; set; }
    public Guid? UpdatedBy { get; set; }
}

public enum DocumentKind { Licence = 1, Permit = 2, Certificate = 3, Letter = 4 }

/// <summary>Expired is not a state: it follows from <see cref="IssuedDocument.ValidUntil"/> and today's Hong Kong date.</summary>
public enum DocumentState { Valid = 1, Revoked = 2, Superseded = 3 }

/// <summary>
/// One version of an issued document: the signed PDF in storage, and what verification may say about it.
/// Re-issuing or renewing makes a new row (<see cref="Version"/> + 1, <see cref="PreviousId"/>) and marks this one superseded.
/// </summary>
public sealed class IssuedDocument
{
    public Guid Id { get; set; }
    /// <summary>The number printed on the document, e.g. <c>TD-DL-2026-000123</c>; a re-issue keeps it and adds its version.</summary>
    public required string Number { get; set; }
    /// <summary>Random, unguessable, in the QR code and /verify/{code}; each version has its own.</summary>
    public required string VerificationCode { get; set; }
    public required string DepartmentCode { get; set; }
    public required string ServiceSlug { get; set; }
    public DocumentKind Kind { get; set; }
    /// <summary>The document's title as printed, in the three languages (from the template when issued).</summary>
    public required LocalisedText Title { get; set; }
    public Guid? CaseId { get; set; }
    public Guid? SubmissionId { get; set; }
    public string? ApplicationReference { get; set; }
    /// <summary>The holder's account: whose wallet it is in. Null for a guest applicant.</summary>
    public Guid? HolderId { get; set; }
    /// <summary>Encrypted (DocumentText): the holder's name as printed.</summary>
    public required string HolderName { get; set; }
    /// <summary>The name partly masked (<see cref="Templates.NameMask"/>), which verification shows.</summary>
    public required string MaskedHolderName { get; set; }
    /// <summary>en, zh-HK or zh-CN: the language the document was written in.</summary>
    public string Language { get; set; } = "en";
    public int Version { get; set; } = 1;
    public Guid? PreviousId { get; set; }
    public Guid? SupersededById { get; set; }
    public DocumentState State { get; set; } = DocumentState.Valid;
    public DateTime IssuedAt { get; set; }
    public Guid? IssuedBy { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly? ValidUntil { get; set; }
    public DateTime? RevokedAt { get; set; }
    public Guid? RevokedBy { get; set; }
    /// <summary>Encrypted (DocumentText): the officer's reason, for the holder and the back office; verification shows only "revoked".</summary>
    public string? RevokedReason { get; set; }
    public required string StorageKey { get; set; }
    /// <summary>SHA-256 (hex) of the signed PDF as issued: an uploaded copy is matched to its record by it.</summary>
    public required string Sha256 { get; set; }
    public long Size { get; set; }
    public Guid SigningKeyId { get; set; }
    /// <summary>The smallest "days before expiry" reminder already sent, so each reminder goes once.</summary>
    public int? ReminderDaysSent { get; set; }
    /// <summary>Unique: <c>case:{id}</c> for the first issue, <c>next:{previous id}</c> for a re-issue or renewal, so a repeat issues nothing more.</summary>
    public required string IssueKey { get; set; }
    public int Revision { get; set; }
}

/// <summary>
/// A department's document-signing certificate. Every key ever used stays here (only its certificate, for a
/// configured key), so documents signed before a rotation still verify. The current key is the newest not retired.
/// </summary>
public sealed class DocumentSigningKey
{
    public Guid Id { get; set; }
    public required string DepartmentCode { get; set; }
    /// <summary>SHA-256 (hex) of the certificate's DER: how a signature's certificate is found again.</summary>
    public required string Thumbprint { get; set; }
    public required byte[] Certificate { get; set; }
    /// <summary>The PKCS#8 private key protected with Data Protection; null when the key lives in a configured PFX.</summary>
    public byte[]? ProtectedKey { get; set; }
    /// <summary>generated, or configured (from <c>Documents:SigningKeys</c>).</summary>
    public required string Source { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime NotAfter { get; set; }
    public DateTime? RetiredAt { get; set; }
}

/// <summary>A holder's verification link to one document, which lets whoever has it see the status and download the PDF until it expires.</summary>
public sealed class DocumentShare
{
    public Guid Id { get; set; }
    public Guid DocumentId { get; set; }
    public Guid HolderId { get; set; }
    /// <summary>SHA-256 (hex) of the token in the link; the token itself is shown once and never stored.</summary>
    public required string TokenHash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}

public enum DeliveryMethod { Wallet = 1, Post = 2, Counter = 3 }

/// <summary>How the holder chose to receive the paper document (the electronic one is always in the wallet when the service offers it).</summary>
public sealed class DocumentDelivery
{
    public Guid DocumentId { get; set; }
    public DeliveryMethod Method { get; set; }
    /// <summary>Encrypted (DocumentText): the postal address as lines (JSON array), for post.</summary>
    public string? Address { get; set; }
    public DateTime ChosenAt { get; set; }
    public DateTime? PostedAt { get; set; }
    public DateTime? CollectedAt { get; set; }
    public Guid? AppointmentId { get; set; }
    public int Revision { get; set; }
}

/// <summary>An office where documents are collected. Opening hours as JSON (<see cref="Counters.OpeningHours"/>); closed on public holidays.</summary>
public sealed class Counter
{
    /// <summary>A slug, e.g. <c>td-kowloon-bay</c>.</summary>
    public required string Code { get; set; }
    public required string DepartmentCode { get; set; }
    public required LocalisedText Name { get; set; }
    public required LocalisedText Address { get; set; }
    public required string OpeningHours { get; set; }
    public int SlotMinutes { get; set; } = 30;
    public int SlotCapacity { get; set; } = 4;
    public bool Active { get; set; } = true;
    public DateTime UpdatedAt { get; set; }
}

/// <summary>
/// Seats taken in one slot. Created on the first booking; a booking takes a seat with one conditional UPDATE
/// (<c>Booked = Booked + 1 WHERE Booked &lt; Capacity</c>), so concurrent bookings never overfill it.
/// </summary>
public sealed class CounterSlot
{
    public required string CounterCode { get; set; }
    /// <summary>The slot's start, UTC.</summary>
    public DateTime Start { get; set; }
    public int Capacity { get; set; }
    public int Booked { get; set; }
}

public enum AppointmentState { Booked = 1, Cancelled = 2, CheckedIn = 3, Collected = 4 }

/// <summary>A holder's appointment to collect one document at a counter.</summary>
public sealed class Appointment
{
    public Guid Id { get; set; }
    /// <summary>The booking reference the holder quotes and the QR code carries, e.g. <c>AP-7K3M9QX2</c>.</summary>
    public required string Code { get; set; }
    public required string CounterCode { get; set; }
    public required string DepartmentCode { get; set; }
    public DateTime SlotStart { get; set; }
    public Guid DocumentId { get; set; }
    public Guid HolderId { get; set; }
    public AppointmentState State { get; set; } = AppointmentState.Booked;
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? CheckedInAt { get; set; }
    public Guid? CheckedInBy { get; set; }
    public DateTime? CollectedAt { get; set; }
    public int Revision { get; set; }
}

internal sealed class DocumentsConfiguration :
    IEntityTypeConfiguration<DocumentTemplate>, IEntityTypeConfiguration<IssuedDocument>, IEntityTypeConfiguration<DocumentSigningKey>,
    IEntityTypeConfiguration<DocumentShare>, IEntityTypeConfiguration<DocumentDelivery>, IEntityTypeConfiguration<Counter>,
    IEntityTypeConfiguration<CounterSlot>, IEntityTypeConfiguration<Appointment>
{
    public void Configure(EntityTypeBuilder<DocumentTemplate> entity)
    {
        entity.ToTable("DocumentTemplates");
        entity.HasKey(t => t.ServiceSlug);
        entity.Property(t => t.ServiceSlug).HasMaxLength(200);
        entity.Property(t => t.DepartmentCode).HasMaxLength(16);
        entity.HasIndex(t => t.DepartmentCode);
    }

    public void Configure(EntityTypeBuilder<IssuedDocument> entity)
    {
        entity.ToTable("IssuedDocuments");
        entity.Property(d => d.Number).HasMaxLength(40);
        entity.Property(d => d.VerificationCode).HasMaxLength(40);
        entity.Property(d => d.DepartmentCode).HasMaxLength(16);
        entity.Property(d => d.ServiceSlug).HasMaxLength(200);
        entity.Localised(d => d.Title, 300);
        entity.Property(d => d.ApplicationReference).HasMaxLength(40);
        entity.Property(d => d.MaskedHolderName).HasMaxLength(200);
        entity.Property(d => d.Language).HasMaxLength(8);
        entity.Property(d => d.StorageKey).HasMaxLength(300);
        entity.Property(d => d.Sha256).HasMaxLength(64);
        entity.Property(d => d.Revision).IsConcurrencyToken();
        entity.Property(d => d.IssueKey).HasMaxLength(80);
        entity.HasIndex(d => d.IssueKey).IsUnique();
        entity.HasIndex(d => d.VerificationCode).IsUnique();
        entity.HasIndex(d => new { d.Number, d.Version }).IsUnique();
        entity.HasIndex(d => d.Sha256);
        entity.HasIndex(d => new { d.HolderId, d.IssuedAt });
        entity.HasIndex(d => new { d.DepartmentCode, d.IssuedAt });
        entity.HasIndex(d => d.CaseId);
        entity.HasIndex(d => new { d.State, d.ValidUntil });
    }

    public void Configure(EntityTypeBuilder<DocumentSigningKey> entity)
    {
        entity.ToTable("DocumentSigningKeys");
        entity.Property(k => k.DepartmentCode).HasMaxLength(16);
        entity.Property(k => k.Thumbprint).HasMaxLength(64);
        entity.Property(k => k.Source).HasMaxLength(20);
        entity.HasIndex(k => k.Thumbprint).IsUnique();
        entity.HasIndex(k => new { k.DepartmentCode, k.CreatedAt });
    }

    public void Configure(EntityTypeBuilder<DocumentShare> entity)
    {
        entity.ToTable("DocumentShares");
        entity.Property(s => s.TokenHash).HasMaxLength(64);
        entity.HasIndex(s => s.TokenHash).IsUnique();
        entity.HasIndex(s => new { s.DocumentId, s.CreatedAt });
    }

    public void Configure(EntityTypeBuilder<DocumentDelivery> entity)
    {
        entity.ToTable("DocumentDeliveries");
        entity.HasKey(d => d.DocumentId);
        entity.Property(d => d.Revision).IsConcurrencyToken();
    }

    public void Configure(EntityTypeBuilder<Counter> entity)
    {
        entity.ToTable("Counters");
        entity.HasKey(c => c.Code);
        entity.Property(c => c.Code).HasMaxLength(60);
        entity.Property(c => c.DepartmentCode).HasMaxLength(16);
        entity.Localised(c => c.Name, 200);
        entity.Localised(c => c.Address, 500);
        entity.Property(c => c.OpeningHours).HasMaxLength(2000);
        entity.HasIndex(c => c.DepartmentCode);
    }

    public void Configure(EntityTypeBuilder<CounterSlot> entity)
    {
        entity.ToTable("CounterSlots");
        entity.HasKey(s => new { s.CounterCode, s.Start });
        entity.Property(s => s.CounterCode).HasMaxLength(60);
    }

    public void Configure(EntityTypeBuilder<Appointment> entity)
    {
        entity.ToTable("Appointments");
        entity.Property(a => a.Code).HasMaxLength(20);
        entity.Property(a => a.CounterCode).HasMaxLength(60);
        entity.Property(a => a.DepartmentCode).HasMaxLength(16);
        entity.Property(a => a.Revision).IsConcurrencyToken();
        entity.HasIndex(a => a.Code).IsUnique();
        entity.HasIndex(a => new { a.CounterCode, a.SlotStart });
        entity.HasIndex(a => new { a.HolderId, a.SlotStart });
        entity.HasIndex(a => a.DocumentId);
    }
}
