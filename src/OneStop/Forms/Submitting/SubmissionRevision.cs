using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OneStop.Forms;

/// <summary>
/// The answers a submission held before an amendment changed them (Submitting/AmendApplication): a sent
/// application's answers change only when the department asked for a correction, and what was there
/// before is kept here, encrypted, with what changed and the message the applicant sent with it.
/// </summary>
public sealed class SubmissionRevision
{
    public Guid Id { get; set; }
    public Guid SubmissionId { get; set; }
    /// <summary>1 for the first amendment, and so on. Unique with the submission, so two amendments racing cannot both land.</summary>
    public int Revision { get; set; }
    /// <summary>Encrypted (AnswerProtection): the answers as they were before this amendment.</summary>
    public required string Answers { get; set; }
    public required string AnswersHash { get; set; }
    /// <summary>JSON array of the ids of the fields whose answer changed (ids, never values).</summary>
    public required string ChangedFields { get; set; }
    /// <summary>Encrypted (AnswerProtection.ProtectText): the applicant's message sent with the changes.</summary>
    public string? Message { get; set; }
    /// <summary>The amendment draft that made this revision.</summary>
    public Guid DraftId { get; set; }
    public Guid? ChangedBy { get; set; }
    public DateTime ChangedAt { get; set; }
}

internal sealed class SubmissionRevisionConfiguration : IEntityTypeConfiguration<SubmissionRevision>
{
    public void Configure(EntityTypeBuilder<SubmissionRevision> entity)
    {
        entity.ToTable("SubmissionRevisions");
        entity.HasIndex(r => new { r.SubmissionId, r.Revision }).IsUnique();
        entity.Property(r => r.AnswersHash).HasMaxLength(64);
        entity.Property(r => r.ChangedFields).HasMaxLength(4000);
    }
}
