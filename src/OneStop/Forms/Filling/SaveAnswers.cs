using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneStop.Forms.Answers;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;

namespace OneStop.Forms.Filling;

/// <summary>
/// Saves a change to a draft's answers: applies it, prunes what the form no longer asks, encrypts, bumps the
/// revision and starts the draft's lifetime again. Two tabs saving at once meet on the revision (a
/// concurrency token): the later one reloads the draft and applies its change to what the other saved.
/// </summary>
public sealed class SaveAnswers(OneStopDb db, AnswerProtection protection, TimeProvider clock, IOptions<FormsOptions> options)
{
    public async Task SaveAsync(Journey journey, Func<JsonObject, JsonObject> change, CancellationToken cancellationToken)
    {
        var draft = journey.Draft;
        for (var attempt = 1; ; attempt++)
        {
            var answers = FormRules.Prune(journey.Definition, change(journey.Answers.DeepClone().AsObject()), journey.Today);
            var now = clock.GetUtcNow().UtcDateTime;
            draft.Answers = protection.Protect(answers);
            draft.Revision++;
            draft.UpdatedAt = now;
            draft.ExpiresAt = now + options.Value.DraftLifetime;
            draft.ReminderSentAt = null;
            draft.Language = Languages.Current.Tag();
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                journey.Answers = answers;
                return;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
                await db.Entry(draft).ReloadAsync(cancellationToken);
                // Sent meanwhile (from another tab): nothing more to save.
                if (draft.SubmissionId is not null || draft.Answers.Length == 0) return;
                journey.Answers = protection.Unprotect(draft.Answers);
            }
        }
    }
}
