using System.Text.Json.Nodes;
using OneStop.Forms.Answers;
using OneStop.Forms.Definitions;
using OneStop.Platform.Localisation;

namespace OneStop.Forms.Prefill;

/// <summary>
/// At submission: a draft's locked answers (filled from verified identity values) must still be those values,
/// wherever the form asks them. The pages already never read them from a post; this makes it a rule of the
/// submission itself, so no other way of changing a draft can get round it.
/// </summary>
public sealed class LockCheck(Prefills prefills, Text text)
{
    public async Task<IReadOnlyList<FieldError>> CheckAsync(Guid? draftId, FormDefinition form, JsonObject prunedAnswers, DateOnly today,
        CancellationToken cancellationToken)
    {
        if (draftId is not { } id) return [];
        var locks = await prefills.LocksAsync(id, cancellationToken);
        if (locks.Fields.Count == 0) return [];
        var asked = FormRules.ShownPages(form, prunedAnswers, today)
            .SelectMany(p => FormRules.ShownFields(p, prunedAnswers, today)).Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        return locks.Values.Where(p => asked.Contains(p.Key) && !AnswerValues.Same(prunedAnswers[p.Key], p.Value))
            .Select(p => new FieldError(p.Key, "locked", Message(form, p.Key)))
            .ToList();
    }

    private Words Message(FormDefinition form, string fieldId)
    {
        string In(Language language) =>
            string.Format(language.Culture(), text.Get(language, "forms.prefill.error.locked"), form.Field(fieldId)?.Label?[language] ?? fieldId);
        return new Words { En = In(Language.En), ZhHk = In(Language.ZhHk), ZhCn = In(Language.ZhCn) };
    }
}
