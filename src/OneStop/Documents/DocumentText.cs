using Microsoft.AspNetCore.DataProtection;

namespace OneStop.Documents;

/// <summary>Encrypts what identifies a holder: the name on a document, a postal address, a revocation's reason.</summary>
public sealed class DocumentText(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("OneStop.Documents.Text.v1");

    public string Protect(string text) => _protector.Protect(text);

    public string? UnprotectOrNull(string? stored) => stored is null ? null : _protector.Unprotect(stored);
}

/// <summary>Audit event names of documents; the activity page words them as <c>audit.{event}</c>.</summary>
public static class DocumentAuditEvents
{
    public const string Issued = "document.issued";
    public const string Revoked = "document.revoked";
    public const string Reissued = "document.reissued";
    public const string Renewed = "document.renewed";
    public const string Shared = "document.shared";
    public const string ShareRevoked = "document.share-revoked";
    public const string DeliveryChosen = "document.delivery-chosen";
    public const string Posted = "document.posted";
    public const string Collected = "document.collected";
    public const string TemplateChanged = "document.template-changed";
    public const string KeyCreated = "document.signing-key-created";
    public const string AppointmentBooked = "appointment.booked";
    public const string AppointmentMoved = "appointment.moved";
    public const string AppointmentCancelled = "appointment.cancelled";
    public const string AppointmentCheckedIn = "appointment.checked-in";
    public const string CounterChanged = "counter.changed";
}

/// <summary>Outbox message: a document was issued (identifiers only).</summary>
public sealed record DocumentIssued(Guid DocumentId)
{
    public const string Topic = "documents.document-issued";
}

/// <summary>Where document pages live.</summary>
public static class DocumentPaths
{
    public static string Verify(string code) => $"/verify/{code}";
    public static string Wallet => "/documents";
    public static string Document(Guid id) => $"/documents/{id}";
    public static string Download(Guid id) => $"/documents/{id}/download";
    public static string Collect(Guid id) => $"/documents/{id}/collect";
    public static string Appointment(string code) => $"/appointments/{code}";
    public static string OfficeDocument(Guid id) => $"/office/documents/{id}";
}
