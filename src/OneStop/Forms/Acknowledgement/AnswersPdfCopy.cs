using OneStop.Forms.Answers;
using System.Text.Json.Nodes;
using OneStop.Forms.Definitions;
using OneStop.Platform.Localisation;
using OneStop.Platform.Pdf;

namespace OneStop.Forms.Acknowledgement;

/// <summary>
/// The PDF copy of an application's answers: the same rows as check-your-answers (<see cref="AnswerSummary"/>),
/// in the applicant's language, with the reference and the time it was sent. Made in memory for the email;
/// never stored.
/// </summary>
internal sealed class AnswersPdfCopy(AnswerSummary summary, Text text, TimeProvider clock) : IAnswersCopy
{
    public Task<byte[]?> RenderAsync(Submission submission, FormDefinition form, JsonObject answers, Language language, CancellationToken cancellationToken = default)
    {
        var sections = summary.Build(form, answers, language, HongKongTime.Today(clock))
            .Select(s => new AnswersSection(s.Title, s.Rows.SelectMany(Rows).ToList()))
            .ToList();
        var document = new AnswersDocument(
            language,
            form.Title[language],
            [
                string.Format(language.Culture(), text.Get(language, "forms.copy.reference"), submission.Reference),
                string.Format(language.Culture(), text.Get(language, "forms.copy.submitted"), Times.Long(submission.SubmittedAt, language)),
            ],
            sections,
            string.Format(language.Culture(), text.Get(language, "forms.copy.footer"), submission.Reference))
        {
            Created = clock.GetUtcNow(),
        };
        return Task.FromResult<byte[]?>(AnswersPdf.Render(document));
    }

    /// <summary>A group's items become rows of their own, titled "Director 2: Name", so the PDF stays one column.</summary>
    private static IEnumerable<Platform.Pdf.AnswerRow> Rows(AnswerRow row) => row.Items.Count == 0
        ? [new Platform.Pdf.AnswerRow(row.Label, string.Join('\n', row.Lines))]
        : row.Items.SelectMany(item => item.Rows.Select(child => new Platform.Pdf.AnswerRow($"{item.Title}: {child.Label}", string.Join('\n', child.Lines))));
}
