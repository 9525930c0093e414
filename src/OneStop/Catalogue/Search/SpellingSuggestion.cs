namespace OneStop.Catalogue.Search;

/// <summary>
/// What the index understood a mistyped query as: each English word it does not know replaced by
/// the most common word one typo away. Searching already matches those words; this only lets the
/// page say "Showing results for …" so people can see, and trust, what happened.
/// </summary>
internal sealed class SpellingSuggestion : ITermSink
{
    private readonly List<(string Word, bool IsStopWord)> _words = [];
    private bool _hasCjk;

    private SpellingSuggestion()
    {
    }

    public static string? For(IndexData index, string query)
    {
        var sink = new SpellingSuggestion();
        TextAnalyzer.Analyze(query, sink);
        // Chinese runs are folded to Simplified inside the index, so they cannot be shown back as typed.
        if (sink._hasCjk || sink._words.Count == 0)
        {
            return null;
        }

        var corrected = false;
        var found = new List<int>();
        var words = new List<string>(sink._words.Count);
        for (int i = 0; i < sink._words.Count; i++)
        {
            var (word, isStopWord) = sink._words[i];
            if (isStopWord || index.TryGetTerm(word, isCjk: false, out _) || word.Length < FuzzyMatcher.MinimumQueryLength
                || TextAnalyzer.HasDigit(word) || IsUnfinishedLastWord(index, word, i == sink._words.Count - 1, found))
            {
                words.Add(word);
                continue;
            }

            found.Clear();
            index.Fuzzy.Find(word, found);
            var best = found.Count == 0 ? -1 : found.MaxBy(index.PostingCount);
            if (best < 0 || index.Word(best) is not { } replacement)
            {
                return null; // a word nothing resembles: the search finds nothing, so there is nothing to explain
            }

            words.Add(replacement);
            corrected = true;
        }

        return corrected ? string.Join(' ', words) : null;
    }

    // The search completes the last word ("passp" → passport), so it was not mistyped.
    private static bool IsUnfinishedLastWord(IndexData index, string word, bool isLast, List<int> found)
    {
        if (!isLast || word.Length < PrefixMatcher.MinimumPrefixLength)
        {
            return false;
        }

        found.Clear();
        index.Prefix.Find(word, found);
        return found.Count > 0;
    }

    void ITermSink.Word(ReadOnlySpan<char> normalized, bool isStopWord) => _words.Add((normalized.ToString(), isStopWord));

    void ITermSink.CjkRun(ReadOnlySpan<char> foldedRun) => _hasCjk = true;
}
