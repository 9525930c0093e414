using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OneStop.Cases;

public enum WorkflowState { Draft = 1, Published = 2, Superseded = 3 }

/// <summary>A service's workflow: versions like forms, one current. Services without one use <see cref="Workflows.DefaultWorkflow"/>.</summary>
public sealed class Workflow
{
    /// <summary>The catalogue service's slug: one workflow per service.</summary>
    public required string ServiceSlug { get; set; }
    public required string DepartmentCode { get; set; }
    public int? PublishedVersion { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public sealed class WorkflowVersion
{
    public required string ServiceSlug { get; set; }
    public int Version { get; set; }
    public WorkflowState State { get; set; }
    public required string Definition { get; set; }
    public DateTime CreatedAt { get; set; }
    public Guid? CreatedBy { get; set; }
    public DateTime? PublishedAt { get; set; }
}

/// <summary>
/// An application's life after submission. One per submission, created from the outbox message. The
/// columns the work queue filters and sorts on are kept here (state, due, assignee), so a queue page is one
/// indexed read. <see cref="Revision"/> guards against two officers acting on the same case at once.
/// </summary>
public sealed class Case
{
    public Guid Id { get; set; }
    /// <summary>The submission's reference, e.g. <c>FEHD-2026-000123</c>: what everyone quotes.</summary>
    public required string Reference { get; set; }
    public Guid SubmissionId { get; set; }
    public required string DepartmentCode { get; set; }
    public required string ServiceSlug { get; set; }
    /// <summary>The workflow version the case started on (0: the built-in default), kept for its whole life.</summary>
    public int WorkflowVersion { get; set; }
    public required string State { get; set; }
    public DateTime StateEnteredAt { get; set; }
    /// <summary>The current state's target; null when the state has none or the clock is stopped.</summary>
    public DateTime? StateDueAt { get; set; }
    /// <summary>The pledge for the whole case; moved later by the working days spent waiting for the applicant.</summary>
    public DateTime CaseDueAt { get; set; }
    /// <summary>The nearer of the two targets: what the queue sorts and filters by. Null once closed or while waiting for the applicant.</summary>
    public DateTime? DueAt { get; set; }
    public Guid? AssigneeId { get; set; }
    public Guid? ApplicantId { get; set; }
    /// <summary>The language the application was made in: guests' notifications use it.</summary>
    public string Language { get; set; } = "en";
    /// <summary>Where a case returned to the applicant goes back to when they answer.</summary>
    public string? ResumeState { get; set; }
    /// <summary>When the clock stopped for the applicant's reply.</summary>
    public DateTime? PausedAt { get; set; }
    /// <summary>Set when a target was first missed, by the escalation job; cleared when the case moves on in time.</summary>
    public DateTime? BreachedAt { get; set; }
    public DateTime? EscalatedAt { get; set; }
    public Workflows.Outcome? Outcome { get; set; }
    public DateTime ReceivedAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Revision { get; set; }
}

public enum CaseEventKind
{
    Received = 1,
    Moved = 2,
    ReturnedToApplicant = 3,
    ApplicantReplied = 4,
    Withdrawn = 5,
    Assigned = 6,
    Note = 7,
    Escalated = 8,
}

/// <summary>
/// One line of a case's timeline. Text (a reason, a note, the applicant's reply) may hold personal data and
/// is encrypted; <see cref="Internal"/> lines are for staff only. Changed fields (after an amendment) are
/// field ids, never values.
/// </summary>
public sealed class CaseEvent
{
    /// <summary>Made when the event is (version 7: ordered by time), so a notification can name it before it is saved.</summary>
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public DateTime At { get; set; }
    public CaseEventKind Kind { get; set; }
    public string? ActionId { get; set; }
    public string? FromState { get; set; }
    public string? ToState { get; set; }
    /// <summary>Null for the system (escalation) and for a guest applicant.</summary>
    public Guid? ActorId { get; set; }
    public bool ByApplicant { get; set; }
    public bool Internal { get; set; }
    /// <summary>Encrypted with <see cref="CaseText"/>.</summary>
    public string? Text { get; set; }
    public Guid? AssigneeId { get; set; }
    public Guid? DocumentId { get; set; }
    /// <summary>JSON array of field ids the applicant changed when replying.</summary>
    public string? ChangedFields { get; set; }
}

/// <summary>A file an officer attached to a case (an inspection report): stored through the file store, downloads audited.</summary>
public sealed class CaseDocument
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public required string StorageKey { get; set; }
    /// <summary>Encrypted: a file name can name a person.</summary>
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string Sha256 { get; set; }
    public Guid UploadedBy { get; set; }
    public DateTime UploadedAt { get; set; }
}

internal sealed class CasesConfiguration :
    IEntityTypeConfiguration<Workflow>, IEntityTypeConfiguration<WorkflowVersion>, IEntityTypeConfiguration<Case>,
    IEntityTypeConfiguration<CaseEvent>, IEntityTypeConfiguration<CaseDocument>
{
    public void Configure(EntityTypeBuilder<Workflow> entity)
    {
        entity.HasKey(w => w.ServiceSlug);
        entity.Property(w => w.ServiceSlug).HasMaxLength(200);
        entity.Property(w => w.DepartmentCode).HasMaxLength(16);
        entity.HasIndex(w => w.DepartmentCode);
    }

    public void Configure(EntityTypeBuilder<WorkflowVersion> entity)
    {
        entity.HasKey(v => new { v.ServiceSlug, v.Version });
        entity.Property(v => v.ServiceSlug).HasMaxLength(200);
        entity.Property(v => v.State).HasConversion<string>().HasMaxLength(16);
    }

    public void Configure(EntityTypeBuilder<Case> entity)
    {
        entity.Property(c => c.Reference).HasMaxLength(32);
        entity.HasIndex(c => c.Reference).IsUnique();
        // One case per submission: the outbox may deliver twice, the second insert is refused.
        entity.HasIndex(c => c.SubmissionId).IsUnique();
        entity.Property(c => c.DepartmentCode).HasMaxLength(16);
        entity.Property(c => c.ServiceSlug).HasMaxLength(200);
        entity.Property(c => c.State).HasMaxLength(64);
        entity.Property(c => c.ResumeState).HasMaxLength(64);
        entity.Property(c => c.Language).HasMaxLength(8);
        entity.Property(c => c.Outcome).HasConversion<string>().HasMaxLength(16);
        entity.Property(c => c.Revision).IsConcurrencyToken();
        // The work queue's shapes: open cases by due date, narrowed by state or assignee; keyset-paged on (DueAt, Id).
        // Reference breaks ties on the time (see Queue/WorkQueue).
        entity.HasIndex(c => new { c.DepartmentCode, c.DueAt, c.Reference });
        entity.HasIndex(c => new { c.DepartmentCode, c.State, c.DueAt, c.Reference });
        entity.HasIndex(c => new { c.DepartmentCode, c.AssigneeId, c.DueAt, c.Reference });
        entity.HasIndex(c => new { c.DepartmentCode, c.ServiceSlug, c.DueAt, c.Reference });
        entity.HasIndex(c => new { c.DepartmentCode, c.ClosedAt, c.Reference });
        // The waiting view (returned to the applicant, oldest first): a few per cent of cases, so a partial index.
        entity.HasIndex(c => new { c.DepartmentCode, c.StateEnteredAt, c.Reference }).HasFilter($"\"State\" = '{Workflows.BuiltInStates.ReturnedId}'");
        // The queue's counts of open cases per state read every open case of the department; this narrow index
        // (PostgreSQL stores its repeated keys once) takes about half the time of the wide state index above.
        entity.HasIndex(c => new { c.DepartmentCode, c.State }).HasFilter("\"DueAt\" IS NOT NULL");
        // The escalation job's search: on the clock, past due, not yet escalated.
        entity.HasIndex(c => new { c.EscalatedAt, c.DueAt });
        entity.HasIndex(c => new { c.ApplicantId, c.ReceivedAt });
    }

    public void Configure(EntityTypeBuilder<CaseEvent> entity)
    {
        entity.Property(e => e.Kind).HasConversion<string>().HasMaxLength(32);
        entity.Property(e => e.ActionId).HasMaxLength(64);
        entity.Property(e => e.FromState).HasMaxLength(64);
        entity.Property(e => e.ToState).HasMaxLength(64);
        entity.Property(e => e.ChangedFields).HasMaxLength(4000);
        entity.HasIndex(e => new { e.CaseId, e.At });
    }

    public void Configure(EntityTypeBuilder<CaseDocument> entity)
    {
        entity.Property(d => d.StorageKey).HasMaxLength(200);
        entity.Property(d => d.ContentType).HasMaxLength(100);
        entity.Property(d => d.Sha256).HasMaxLength(64);
        entity.HasIndex(d => d.CaseId);
    }
}
