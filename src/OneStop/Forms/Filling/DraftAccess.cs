using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using OneStop.Forms.Answers;
using OneStop.Forms.Store;
using OneStop.Identity;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;

namespace OneStop.Forms.Filling;

/// <summary>What <see cref="DraftAccess.OpenAsync"/> found for a request.</summary>
public abstract record DraftOpening
{
    public sealed record Found(Journey Journey) : DraftOpening;
    /// <summary>No such draft, expired, or not this person's: the same answer for all three, so ids reveal nothing.</summary>
    public sealed record Missing : DraftOpening;
    /// <summary>The draft's service asks for a higher OneStop ID level than this session has.</summary>
    public sealed record NeedsStepUp(AssuranceLevel Level) : DraftOpening;
}

/// <summary>
/// Finds a draft the current request may use: one whose owner is the signed-in account, or a guest's draft
/// (no owner) whose resume secret is in this browser's cookie <c>onestop-draft-&lt;id&gt;</c>. Guests get a
/// random 32-byte secret; only its SHA-256 is stored, and the comparison takes constant time.
/// </summary>
public sealed class DraftAccess(OneStopDb db, FormStore forms, AnswerProtection protection, TimeProvider clock)
{
    public const string CookiePrefix = "onestop-draft-";

    public async Task<DraftOpening> OpenAsync(HttpContext http, Guid draftId, CancellationToken cancellationToken)
    {
        var draft = await db.Set<FormDraft>().SingleOrDefaultAsync(d => d.Id == draftId, cancellationToken);
        if (draft is null || !MayUse(http, draft)) return new DraftOpening.Missing();
        // An unsent draft past its time is gone; a sent one keeps its acknowledgement.
        if (draft.SubmissionId is null && draft.ExpiresAt <= clock.GetUtcNow().UtcDateTime) return new DraftOpening.Missing();
        if (draft.UserId is not null && await RequiredLevelAsync(draft.ServiceSlug, cancellationToken) is { } needed
            && Assurance.Of(http.User) < needed)
            return new DraftOpening.NeedsStepUp(needed);
        var form = await forms.VersionAsync(draft.FormId, draft.Version, cancellationToken);
        if (form is null) return new DraftOpening.Missing();
        var answers = draft.Answers.Length == 0 ? new JsonObject() : protection.Unprotect(draft.Answers);
        return new DraftOpening.Found(new Journey(draft, form, answers, HongKongTime.Today(clock)));
    }

    /// <summary>The level a service asks of people who apply with an account; null when the service is gone.</summary>
    public async Task<AssuranceLevel?> RequiredLevelAsync(string? serviceSlug, CancellationToken cancellationToken)
    {
        if (serviceSlug is null) return null;
        var level = await db.Services.AsNoTracking().Where(s => s.Slug == serviceSlug).Select(s => s.RequiredAssurance).SingleOrDefaultAsync(cancellationToken);
        return level is null ? null : Assurance.FromAcr(level) ?? AssuranceLevel.Basic;
    }

    private static bool MayUse(HttpContext http, FormDraft draft) =>
        draft.UserId is { } owner ? http.User.UserId() == owner : HoldsGuestSecret(http.Request, draft);

    /// <summary>Whether this browser holds the guest draft's resume secret (its cookie), compared in constant time.</summary>
    public static bool HoldsGuestSecret(HttpRequest request, FormDraft draft)
    {
        if (draft.ResumeSecretHash is not { Length: 32 } stored) return false;
        if (!request.Cookies.TryGetValue(CookieName(draft.Id), out var secret) || secret.Length > 100) return false;
        byte[] bytes;
        try
        {
            bytes = WebEncoders.Base64UrlDecode(secret);
        }
        catch (FormatException)
        {
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(bytes), stored);
    }

    /// <summary>Makes a new resume secret for a guest's draft: its hash on the draft, the secret in an HttpOnly cookie until the draft expires.</summary>
    public static void GiveGuestSecret(HttpContext http, FormDraft draft)
    {
        var secret = RandomNumberGenerator.GetBytes(32);
        draft.ResumeSecretHash = SHA256.HashData(secret);
        PutSecretCookie(http, draft.Id, secret, draft.ExpiresAt);
    }

    /// <summary>Gives this browser a guest draft's secret (whose hash the draft holds): by GiveGuestSecret, and by a resume link (Forms/Guests).</summary>
    public static void PutSecretCookie(HttpContext http, Guid draftId, byte[] secret, DateTime expiresAt) =>
        http.Response.Cookies.Append(CookieName(draftId), WebEncoders.Base64UrlEncode(secret), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = http.Request.IsHttps,
            Path = "/",
            Expires = new DateTimeOffset(DateTime.SpecifyKind(expiresAt, DateTimeKind.Utc)),
            IsEssential = true,
        });

    /// <summary>Ids of the guest drafts this browser has cookies for (their secrets still to be checked).</summary>
    public static IEnumerable<Guid> GuestDraftIds(HttpRequest request) =>
        request.Cookies.Keys.Where(k => k.StartsWith(CookiePrefix, StringComparison.Ordinal))
            .Select(k => Guid.TryParse(k[CookiePrefix.Length..], out var id) ? id : Guid.Empty)
            .Where(id => id != Guid.Empty)
            .Take(20);

    public static string CookieName(Guid draftId) => CookiePrefix + draftId.ToString("D");
}
