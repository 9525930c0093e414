using OneStop.Forms.Answers;
using OneStop.Platform.Localisation;

namespace OneStop.Documents.Templates;

/// <summary>What the issuing module knows when it writes a document; the template decides what of it is printed.</summary>
/// <param name="Answer">An answer of the application in words, by field id and language; null when not answered.</param>
/// <param name="Words">OneStop's own wording by language and key (labels such as "Valid until").</param>
public sealed record DocumentInputs(
    string Number, int Version, string HolderName, Language Language, LocalisedText Department,
    DateOnly IssuedOn, DateOnly ValidFrom, string? ApplicationReference, string? DecisionNote, string VerifyUrl,
    Func<string, Language, string?> Answer, Func<Language, string, string> Words);

/// <summary>A printed line: its label (both languages on a bilingual document) and its value.</summary>
public sealed record ContentLine(string Label, string Value);

/// <summary>The document's words, ready to lay out: <see cref="LicencePdf"/> draws them.</summary>
public sealed record DocumentContent(
    Language Language, string Brand, string Department, string Title, IReadOnlyList<ContentLine> Lines,
    string ConditionsHeading, IReadOnlyList<string> Conditions, string VerifyHeading, string VerifyUrl, string Footer);

/// <summary>
/// Turns a template and what is known at issue into the document's words: pure, so it is unit tested. A
/// bilingual document puts English beside the holder's Chinese (or Traditional Chinese beside English for an
/// English speaker); values are in the holder's language.
/// </summary>
public static class TemplateRules
{
    /// <summary>
    /// The last day of validity, the day before the period's end: a one-year licence from 28 November 2026 is valid
    /// until 27 November 2027. When the end falls on a day its month lacks (a year from 29 February, a month from
    /// 31 January), it moves to the next month's first, so the holder never gets less than the period: until 28 February.
    /// </summary>
    public static DateOnly? ValidUntil(DocumentDefinition definition, DateOnly from)
    {
        if (definition.Validity is not { } v) return null;
        // DateOnly.AddMonths clamps to the month's last day (31 January + 1 month = 28 February), which would end a day early.
        var end = from.AddMonths(v.Years * 12 + v.Months);
        if (end.Day < from.Day) end = new DateOnly(end.Year, end.Month, 1).AddMonths(1);
        return end.AddDays(v.Days - 1);
    }

    /// <summary>The languages printed, the holder's first.</summary>
    public static IReadOnlyList<Language> LanguagesOf(DocumentDefinition definition, Language holder) => !definition.Bilingual
        ? [holder]
        : holder == Language.En ? [Language.En, Language.ZhHk] : [holder, Language.En];

    public static DocumentContent Compose(DocumentDefinition definition, DocumentInputs inputs)
    {
        var languages = LanguagesOf(definition, inputs.Language);
        var main = inputs.Language;
        string Both(Func<Language, string> words) => string.Join(" / ", languages.Select(words).Distinct());
        string Label(string key) => Both(l => inputs.Words(l, key));

        var lines = new List<ContentLine>
        {
            new(Label("documents.pdf.number"), inputs.Version > 1 ? $"{inputs.Number} ({Label("documents.pdf.version")} {inputs.Version})" : inputs.Number),
            new(Label("documents.pdf.holder"), inputs.HolderName),
        };
        foreach (var field in definition.Fields)
        {
            var value = ValueOf(field.From, inputs, main);
            if (!string.IsNullOrWhiteSpace(value)) lines.Add(new ContentLine(Both(l => field.Label[l]), value));
        }
        lines.Add(new(Label("documents.pdf.issued"), Dates.Long(inputs.IssuedOn, main)));
        lines.Add(new(Label("documents.pdf.validFrom"), Dates.Long(inputs.ValidFrom, main)));
        if (ValidUntil(definition, inputs.ValidFrom) is { } until) lines.Add(new(Label("documents.pdf.validUntil"), Dates.Long(until, main)));

        return new DocumentContent(
            main,
            "OneStop 一站通",
            Both(l => inputs.Department[l]),
            Both(l => definition.Title[l]),
            lines,
            Label("documents.pdf.conditions"),
            definition.Conditions.Select(c => Both(l => c[l])).ToList(),
            Label("documents.pdf.verify"),
            inputs.VerifyUrl,
            Both(l => inputs.Words(l, "documents.pdf.footer")));
    }

    private static string? ValueOf(string from, DocumentInputs inputs, Language language) => from switch
    {
        DocumentSources.ApplicationReference => inputs.ApplicationReference,
        DocumentSources.DecisionDate => Dates.Long(inputs.IssuedOn, language),
        DocumentSources.DecisionNote => inputs.DecisionNote,
        _ when from.StartsWith(DocumentSources.AnswerPrefix, StringComparison.Ordinal) => inputs.Answer(from[DocumentSources.AnswerPrefix.Length..], language),
        _ => null,
    };
}

/// <summary>
/// A name partly hidden, as verification shows it: each English word keeps its first letter
/// (<c>CHAN Tai Man</c> → <c>C*** T** M**</c>); a Chinese name keeps its first and last characters
/// (<c>陳大文</c> → <c>陳*文</c>, <c>陳文</c> → <c>陳*</c>). Enough to match the person in front of you, not to learn who they are.
/// </summary>
public static class NameMask
{
    public static string Mask(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join(' ', words.Select(MaskWord));
    }

    private static string MaskWord(string word)
    {
        var runes = word.EnumerateRunes().ToList();
        if (runes.Count <= 1) return word;
        var cjk = runes.Any(r => r.Value is >= 0x3400 and <= 0x9FFF or >= 0x20000 and <= 0x2FFFF);
        if (cjk && runes.Count >= 3) return runes[0] + new string('*', runes.Count - 2) + runes[^1];
        return runes[0] + new string('*', runes.Count - 1);
    }
}
