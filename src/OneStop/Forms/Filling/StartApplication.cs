using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneStop.Catalogue;
using OneStop.Forms.Answers;
using OneStop.Forms.Store;
using OneStop.Identity;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;

namespace OneStop.Forms.Filling;

/// <summary>A service people can apply for here, with the form version they would fill in now.</summary>
public sealed record ApplyableService(Service Service, LoadedForm Form)
{
    public AssuranceLevel RequiredLevel => Assurance.FromAcr(Service.RequiredAssurance) ?? AssuranceLevel.Basic;
}

/// <summary>Finds the form a service starts with and opens a new draft of it for an account or a guest.</summary>
public sealed class StartApplication(OneStopDb db, FormStore forms, AnswerProtection protection, TimeProvider clock, IOptions<FormsOptions> options)
{
    /// <summary>The live service and its published, not retired, start form; null when it takes no applications here.</summary>
    public async Task<ApplyableService?> FindAsync(string slug, CancellationToken cancellationToken)
    {
        var service = await db.Services.AsNoTracking().Include(s => s.Department)
            .SingleOrDefaultAsync(s => s.Slug == slug.ToLowerInvariant(), cancellationToken);
        if (service is not { Status: ServiceStatus.Live, StartFormId: { } formId }) return null;
        var form = await forms.CurrentAsync(formId, cancellationToken);
        return form is null || form.Retired ? null : new ApplyableService(service, form);
    }

    /// <summary>
    /// A new, empty draft pinned to the current version. A guest's draft has no owner: the caller gives the
    /// browser its resume secret (DraftAccess.GiveGuestSecret) before saving.
    /// </summary>
    public FormDraft Create(ApplyableService applying, Guid? userId)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var draft = new FormDraft
        {
            Id = Guid.CreateVersion7(),
            FormId = applying.Form.FormId,
            Version = applying.Form.Version,
            ServiceSlug = applying.Service.Slug,
            UserId = userId,
            Answers = protection.Protect(new JsonObject()),
            Language = Languages.Current.Tag(),
            CreatedAt = now,
            UpdatedAt = now,
            ExpiresAt = now + options.Value.DraftLifetime,
        };
        db.Add(draft);
        return draft;
    }
}
