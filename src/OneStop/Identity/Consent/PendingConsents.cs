using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;
using OneStop.Identity.Profile;
using OneStop.Platform.Database;

namespace OneStop.Identity.Consent;

/// <summary>
/// A consent request waiting for the person's answer on /account/consent/{id}. Made by a service (the forms
/// module, before prefilling) and answered once: approving grants a <see cref="ConsentReceipt"/>.
/// </summary>
public sealed class PendingConsent
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public ConsentRecipientType RecipientType { get; set; }
    public required string RecipientId { get; set; }
    public required string RecipientName { get; set; }
    public required string PurposeCode { get; set; }
    public required string Purpose { get; set; }

    /// <summary>Space-separated <see cref="ProfileFields"/> names.</summary>
    public required string Fields { get; set; }

    /// <summary>How long the receipt will last once granted; null means until revoked.</summary>
    public long? DurationSeconds { get; set; }

    /// <summary>A local path the person goes back to, with <c>consent=granted&amp;receipt=…</c> or <c>consent=declined</c> added.</summary>
    public required string ReturnUrl { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>Null while waiting; <c>granted</c> or <c>declined</c> once answered.</summary>
    public string? Outcome { get; set; }
    public Guid? ReceiptId { get; set; }

    public IReadOnlyList<string> FieldList => Fields.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    public TimeSpan? Duration => DurationSeconds is { } s ? TimeSpan.FromSeconds(s) : null;

    public ConsentRequest ToRequest() => new(RecipientType, RecipientId, RecipientName, PurposeCode, Purpose, FieldList, Duration);
}

internal sealed class PendingConsentConfiguration : IEntityTypeConfiguration<PendingConsent>
{
    public void Configure(EntityTypeBuilder<PendingConsent> builder)
    {
        builder.ToTable("PendingConsents");
        builder.Property(c => c.RecipientType).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.RecipientId).HasMaxLength(128);
        builder.Property(c => c.RecipientName).HasMaxLength(300);
        builder.Property(c => c.PurposeCode).HasMaxLength(128);
        builder.Property(c => c.Purpose).HasMaxLength(1000);
        builder.Property(c => c.Fields).HasMaxLength(1000);
        builder.Property(c => c.ReturnUrl).HasMaxLength(2000);
        builder.Property(c => c.Outcome).HasMaxLength(16);
        builder.HasIndex(c => c.UserId);
    }
}

/// <summary>
/// Creates consent requests for the consent screen. Usage from a service that wants profile data:
/// <code>var id = await pending.CreateAsync(userId, request, "/forms/abc/prefill"); return Redirect($"/account/consent/{id}");</code>
/// then, back at the return URL, read <c>consent</c> and <c>receipt</c> from the query and check the receipt with
/// <see cref="ConsentReceipts.FindValidAsync"/> (never trust the query alone).
/// </summary>
public sealed class PendingConsents(OneStopDb db, TimeProvider clock, IOptions<ProfileOptions> options)
{
    public async Task<Guid> CreateAsync(Guid userId, ConsentRequest request, string returnUrl, CancellationToken cancellationToken = default)
    {
        if (!IsLocal(returnUrl)) throw new ArgumentException("The return URL must be a local path such as /forms/…", nameof(returnUrl));
        if (request.Fields.Count == 0 || request.Fields.Any(f => !ProfileFields.All.Contains(f)))
            throw new ArgumentException("Fields must be names from ProfileFields.All.", nameof(request));
        var now = clock.GetUtcNow();
        var pending = new PendingConsent
        {
            Id = Guid.NewGuid(),
            UserId = userId,
            RecipientType = request.RecipientType,
            RecipientId = request.RecipientId,
            RecipientName = request.RecipientName,
            PurposeCode = request.PurposeCode,
            Purpose = request.Purpose,
            Fields = string.Join(' ', ProfileFields.All.Where(request.Fields.Contains)),
            DurationSeconds = request.Duration is { } d ? (long)d.TotalSeconds : null,
            ReturnUrl = returnUrl,
            CreatedAt = now,
            ExpiresAt = now + options.Value.ConsentRequestLifetime,
        };
        db.Add(pending);
        await db.SaveChangesAsync(cancellationToken);
        return pending.Id;
    }

    /// <summary>The person's own request; null for anyone else's (the page answers 404, not 403, so ids reveal nothing).</summary>
    public Task<PendingConsent?> FindAsync(Guid userId, Guid id, CancellationToken cancellationToken = default) =>
        db.Set<PendingConsent>().SingleOrDefaultAsync(c => c.Id == id && c.UserId == userId, cancellationToken);

    public bool IsOpen(PendingConsent pending) => pending.Outcome is null && pending.ExpiresAt > clock.GetUtcNow();

    /// <summary>A path on this site: starts with one slash, not two, and no backslash (which browsers read as a slash).</summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) && !url.Contains('\\')
        && !url.Any(char.IsControl);

    /// <summary>The return URL with the outcome added to its query.</summary>
    public static string WithOutcome(string returnUrl, string outcome, Guid? receiptId)
    {
        var query = "consent=" + outcome + (receiptId is { } r ? "&receipt=" + r : "");
        var hash = returnUrl.IndexOf('#');
        var (path, fragment) = hash < 0 ? (returnUrl, "") : (returnUrl[..hash], returnUrl[hash..]);
        return path + (path.Contains('?') ? "&" : "?") + query + fragment;
    }
}
