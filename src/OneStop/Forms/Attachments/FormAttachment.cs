using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OneStop.Forms.Attachments;

/// <summary>
/// A file given in answer to a file field. The bytes live in the file store under <see cref="StorageKey"/>;
/// the answer holds <c>{"id","name","type","size","sha256"}</c>, so the answers hash (and a declaration's
/// signature) covers each file's content. The name is encrypted: people name files after themselves.
/// </summary>
public sealed class FormAttachment
{
    public Guid Id { get; set; }
    public Guid DraftId { get; set; }
    /// <summary>Set when the draft is submitted, in the same transaction.</summary>
    public Guid? SubmissionId { get; set; }
    public required string FieldId { get; set; }
    public required string StorageKey { get; set; }
    public required string FileName { get; set; }
    public required string TypeName { get; set; }
    public long Size { get; set; }
    public required string Sha256 { get; set; }
    /// <summary>Clean, or NotScanned when no scanner was switched on, so such files can be found and scanned later.</summary>
    public required string Scan { get; set; }
    public DateTime CreatedAt { get; set; }
}

internal sealed class FormAttachmentConfiguration : IEntityTypeConfiguration<FormAttachment>
{
    public void Configure(EntityTypeBuilder<FormAttachment> entity)
    {
        entity.ToTable("FormAttachments");
        entity.Property(a => a.FieldId).HasMaxLength(64);
        entity.Property(a => a.StorageKey).HasMaxLength(64);
        entity.Property(a => a.TypeName).HasMaxLength(16);
        entity.Property(a => a.Sha256).HasMaxLength(64);
        entity.Property(a => a.Scan).HasMaxLength(16);
        entity.HasIndex(a => a.DraftId);
        entity.HasIndex(a => a.SubmissionId);
    }
}
