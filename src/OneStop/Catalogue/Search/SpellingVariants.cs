namespace OneStop.Catalogue.Search;

/// <summary>
/// Folds American spellings of common government words to the British form used on the
/// portal, so "driving license" finds "driving licence". Keys are stems (the output of
/// <see cref="EnglishStemmer"/>), which is why there are no plurals here. Only listed words
/// are folded: a blanket -ize/-ise rule would also rewrite "size" and "prize".
/// </summary>
public static class SpellingVariants
{
    private static readonly Dictionary<string, string> Canonical = new(StringComparer.Ordinal)
    {
        ["license"] = "licence",
        ["licencing"] = "licensing",
        ["licenced"] = "licensed",
        ["color"] = "colour",
        ["colored"] = "coloured",
        ["center"] = "centre",
        ["organization"] = "organisation",
        ["organize"] = "organise",
        ["organized"] = "organised",
        ["organizer"] = "organiser",
        ["program"] = "programme",
        ["defense"] = "defence",
        ["offense"] = "offence",
        ["labor"] = "labour",
        ["neighbor"] = "neighbour",
        ["neighborhood"] = "neighbourhood",
        ["honor"] = "honour",
        ["favor"] = "favour",
        ["favorite"] = "favourite",
        ["behavior"] = "behaviour",
        ["harbor"] = "harbour",
        ["enroll"] = "enrol",
        ["enrollment"] = "enrolment",
        ["fulfill"] = "fulfil",
        ["fulfillment"] = "fulfilment",
        ["installment"] = "instalment",
        // British uses "practise" for the verb only; one form serves both for search.
        ["practise"] = "practice",
        ["practised"] = "practiced",
        ["practising"] = "practicing",
        ["traveling"] = "travelling",
        ["traveled"] = "travelled",
        ["traveler"] = "traveller",
        ["canceled"] = "cancelled",
        ["canceling"] = "cancelling",
        ["counselor"] = "counsellor",
        ["counseling"] = "counselling",
        ["catalog"] = "catalogue",
        ["dialog"] = "dialogue",
        ["analyze"] = "analyse",
        ["analyzed"] = "analysed",
        ["analyzing"] = "analysing",
        ["recognize"] = "recognise",
        ["recognized"] = "recognised",
        ["authorize"] = "authorise",
        ["authorized"] = "authorised",
        ["authorization"] = "authorisation",
        ["judgement"] = "judgment",
        ["acknowledgment"] = "acknowledgement",
        ["pediatric"] = "paediatric",
        ["aging"] = "ageing",
        ["jewelry"] = "jewellery",
        ["theater"] = "theatre",
        ["fiber"] = "fibre",
    };

    private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Canonical.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly int MinKeyLength = Canonical.Keys.Min(k => k.Length);
    private static readonly int MaxKeyLength = Canonical.Keys.Max(k => k.Length);

    /// <summary>The spelling the index uses for <paramref name="stem"/>, if it has a variant.</summary>
    public static bool TryGetCanonical(ReadOnlySpan<char> stem, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? canonical)
    {
        // Most words are shorter or longer than every key; skip hashing them.
        if (stem.Length < MinKeyLength || stem.Length > MaxKeyLength)
        {
            canonical = null;
            return false;
        }

        return Lookup.TryGetValue(stem, out canonical);
    }

    /// <summary>The spelling the index uses for a lower-case stem; the stem itself when it has no variant.</summary>
    public static string Fold(string stem)
    {
        ArgumentNullException.ThrowIfNull(stem);
        return Canonical.TryGetValue(stem, out string? canonical) ? canonical : stem;
    }

    /// <summary>Every (variant, canonical) pair, for tests and diagnostics.</summary>
    public static IReadOnlyDictionary<string, string> All => Canonical;
}
