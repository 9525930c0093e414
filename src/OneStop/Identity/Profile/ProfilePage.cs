using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OneStop.Platform.Audit;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;
using OneStop.Platform.Web.Forms;

namespace OneStop.Identity.Profile;

/// <summary>
/// An edit page of the profile: loads the person's profile, refuses to change fields that were proved
/// (they need proving again), and saves with an audit entry naming the fields changed (never their values).
/// </summary>
[Authorize]
public abstract class ProfilePage(ProfileStore profiles, AuditLog audit, OneStopDb db, Text text) : FormPageModel
{
    public PersonalDetails Details { get; private set; } = new();

    protected Text Text => text;

    protected Guid Me => User.UserId() ?? throw new InvalidOperationException("Signed-in page without a user id.");

    /// <summary>Where "prove again" leads: the verification page, coming back to the profile.</summary>
    public string ProveAgainUrl => Url.Content("~/account/verify") + "?returnUrl=" + Uri.EscapeDataString(Url.Content("~/account/profile"));

    public bool IsLocked(string field) => Details.IsVerified(field);

    protected async Task LoadAsync(CancellationToken cancellationToken) => Details = await profiles.LoadAsync(Me, cancellationToken);

    /// <summary>Saves <see cref="Details"/> and goes back to the summary with a "saved" banner.</summary>
    protected async Task<IActionResult> SaveAsync(IEnumerable<string> changedFields, CancellationToken cancellationToken)
    {
        await profiles.StageAsync(Me, Details, cancellationToken);
        audit.Record(ProfileEvents.Updated, Me, Me, "profile", Me.ToString(), string.Join(' ', changedFields));
        await db.SaveChangesAsync(cancellationToken);
        TempData[IndexModel.SavedKey] = true;
        return RedirectToPage("Index");
    }

    /// <summary>Trims and turns empty into null; refuses text longer than <paramref name="max"/>.</summary>
    protected string? Clean(string field, string? value, int max)
    {
        var trimmed = string.IsNullOrWhiteSpace(value) ? null : string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (trimmed is not null && trimmed.Length > max) AddError(field, text["profile.error.tooLong", max]);
        return trimmed;
    }
}
