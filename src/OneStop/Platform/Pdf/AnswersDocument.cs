using OneStop.Platform.Localisation;

namespace OneStop.Platform.Pdf;

/// <summary>What <see cref="AnswersPdf"/> lays out: a title, a few lines about the submission, sections of answers, a footer.</summary>
/// <param name="Language">Sets the PDF's /Lang, so screen readers and search pick the right language.</param>
/// <param name="Title">Shown at the top of the first page and as the PDF's document title.</param>
/// <param name="HeaderLines">Short lines under the title, e.g. "Reference: TD-2026-000123".</param>
/// <param name="Footer">Printed at the foot of every page, beside the page number.</param>
public sealed record AnswersDocument(
    Language Language,
    string Title,
    IReadOnlyList<string> HeaderLines,
    IReadOnlyList<AnswersSection> Sections,
    string Footer)
{
    /// <summary>The PDF's creation date; without it PDFsharp takes the machine clock. Pass the injected TimeProvider's time.</summary>
    public DateTimeOffset? Created { get; init; }
}

/// <summary>A heading and the questions answered under it.</summary>
public sealed record AnswersSection(string Heading, IReadOnlyList<AnswerRow> Rows);

/// <summary>A question (label) and the answer; the value may have line breaks and be long.</summary>
public sealed record AnswerRow(string Label, string Value);
