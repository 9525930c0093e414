using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneStop.Platform.Audit;
using OneStop.Platform.Database;

namespace OneStop.Identity.Signing;

/// <summary>A signature, once the person has confirmed: the detached CMS (a .p7s) and the certificate it was made with.</summary>
public sealed record SignedDocument(Guid RequestId, byte[] Signature, string CertificateSerial, DateTimeOffset SignedAt);

/// <summary>
/// What other modules (forms, for declarations) call to have a person sign a document:
/// <list type="number">
/// <item><see cref="CreateRequestAsync"/> with the document's SHA-256, then send the person to <see cref="PagePath"/>;</item>
/// <item>the person confirms there (at <see cref="AssuranceLevel.Advanced"/>) and comes back to the return URL;</item>
/// <item><see cref="GetSignatureAsync"/> gives the detached CMS signature to store beside the document.</item>
/// </list>
/// </summary>
public interface IDocumentSigning
{
    /// <param name="documentSha256">SHA-256 of the exact bytes that will be kept (and later verified).</param>
    /// <param name="description">What the person is signing, in their language; shown on the confirmation page. Up to 500 characters.</param>
    /// <param name="returnUrl">A local path without the language prefix (e.g. <c>/forms/abc/submitted?signing={id}</c>); the page keeps
    /// the person's language, and <c>{id}</c> becomes the request's id.</param>
    Task<Guid> CreateRequestAsync(Guid userId, byte[] documentSha256, string description, string returnUrl, CancellationToken cancellationToken = default);

    /// <summary>The signature when the person has signed; null when they have not (yet), or the request is not theirs.</summary>
    Task<SignedDocument?> GetSignatureAsync(Guid requestId, Guid userId, CancellationToken cancellationToken = default);
}

public enum SignOutcome { Signed, AlreadySigned, Expired, NotFound }

/// <summary>Creates signing requests and signs them when their owner confirms. Every signature is audited.</summary>
public sealed class DocumentSigning(OneStopDb db, SigningCertificates certificates, CertificateAuthority authority, AuditLog audit,
    TimeProvider clock, IOptions<SigningOptions> options) : IDocumentSigning
{
    public static string PagePath(Guid requestId) => "/account/sign/" + requestId.ToString("D");

    /// <summary>Written in a return URL, it is replaced by the request's id, so the caller can find its request again.</summary>
    public const string RequestIdPlaceholder = "{id}";

    public async Task<Guid> CreateRequestAsync(Guid userId, byte[] documentSha256, string description, string returnUrl,
        CancellationToken cancellationToken = default)
    {
        if (documentSha256 is not { Length: SHA256.HashSizeInBytes }) throw new ArgumentException("A SHA-256 hash is 32 bytes.", nameof(documentSha256));
        if (string.IsNullOrWhiteSpace(description) || description.Length > 500) throw new ArgumentException("Describe the document in 1 to 500 characters.", nameof(description));
        if (!IsLocalPath(returnUrl)) throw new ArgumentException("The return URL must be a local path such as /forms/x.", nameof(returnUrl));
        var now = clock.GetUtcNow();
        var id = Guid.NewGuid();
        var request = new SigningRequest
        {
            Id = id,
            UserId = userId,
            DocumentHash = documentSha256.ToArray(),
            Description = description.Trim(),
            ReturnUrl = returnUrl.Replace(RequestIdPlaceholder, id.ToString("D"), StringComparison.Ordinal),
            CreatedAt = now,
            ExpiresAt = now + options.Value.RequestLifetime,
        };
        db.Add(request);
        await db.SaveChangesAsync(cancellationToken);
        return request.Id;
    }

    public async Task<SignedDocument?> GetSignatureAsync(Guid requestId, Guid userId, CancellationToken cancellationToken = default)
    {
        var request = await FindAsync(requestId, userId, cancellationToken);
        if (request is not { Signature: { } signature, SignedAt: { } signedAt, CertificateId: { } certificateId }) return null;
        var serial = await db.Set<SigningCertificate>().Where(c => c.Id == certificateId).Select(c => c.SerialNumber).SingleAsync(cancellationToken);
        return new SignedDocument(request.Id, signature, serial, signedAt);
    }

    /// <summary>The request if it belongs to this person; another person's answers exactly as a missing one.</summary>
    public Task<SigningRequest?> FindAsync(Guid requestId, Guid userId, CancellationToken cancellationToken = default) =>
        db.Set<SigningRequest>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId && r.UserId == userId, cancellationToken);

    public bool IsExpired(SigningRequest request) => request.SignedAt is null && clock.GetUtcNow() >= request.ExpiresAt;

    /// <summary>
    /// Signs the request with the person's certificate (issuing one on first use), at most once. The row is
    /// claimed first inside the transaction, so a second confirmation (a double click) waits for the first
    /// and then finds it signed, instead of racing it to issue a certificate.
    /// </summary>
    public async Task<SignOutcome> SignAsync(Guid requestId, Guid userId, CancellationToken cancellationToken = default)
    {
        var request = await FindAsync(requestId, userId, cancellationToken);
        if (request is null) return SignOutcome.NotFound;
        if (request.SignedAt is not null) return SignOutcome.AlreadySigned;
        if (IsExpired(request)) return SignOutcome.Expired;
        // Before the transaction: a CA generated on first use is saved on a connection of its own.
        var ca = await authority.GetAsync(cancellationToken);

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var requests = db.Set<SigningRequest>().Where(r => r.Id == requestId && r.UserId == userId);
        var claimed = await requests.Where(r => r.SignedAt == null).ExecuteUpdateAsync(s => s.SetProperty(r => r.SignedAt, now), cancellationToken);
        if (claimed == 0) return SignOutcome.AlreadySigned;

        var certificate = await certificates.CurrentOrIssueAsync(userId, cancellationToken);
        byte[] signature;
        using (var key = certificates.OpenKey(certificate))
        using (var signer = certificate.Load())
        {
            signature = DetachedCms.Sign(request.DocumentHash, signer, key, ca.Chain, now);
        }
        await requests.ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Signature, signature)
            .SetProperty(r => r.CertificateId, certificate.Id), cancellationToken);
        audit.Record(SigningEvents.Signed, userId, userId, "signing-request", requestId.ToString(), certificate.SerialNumber);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return SignOutcome.Signed;
    }

    // Starts with one slash and is not "//host" or "/\host", which browsers take for another site.
    private static bool IsLocalPath(string? url) =>
        url is { Length: > 0 and <= 2000 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && Uri.TryCreate(url, UriKind.Relative, out _);
}
