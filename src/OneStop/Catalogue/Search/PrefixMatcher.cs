namespace OneStop.Catalogue.Search;

/// <summary>
/// Completes the word a user is still typing ("passp" -> "passport") by binary search over
/// the vocabulary in ordinal order.
/// </summary>
internal sealed class PrefixMatcher
{
    public const int MinimumPrefixLength = 3;

    /// <summary>
    /// Bounds the work for very short prefixes; the most widely used completions are kept
    /// because they are the ones a typist most likely means.
    /// </summary>
    private const int MaxExpansions = 256;

    private readonly string[] _sorted;
    private readonly int[] _ids;
    private readonly int[] _documentFrequency;

    private PrefixMatcher(string[] sorted, int[] ids, int[] documentFrequency)
    {
        _sorted = sorted;
        _ids = ids;
        _documentFrequency = documentFrequency;
    }

    /// <param name="words">English words of the vocabulary.</param>
    /// <param name="termIds">The term id of each word.</param>
    /// <param name="documentFrequency">Document frequency by term id.</param>
    public static PrefixMatcher Build(IReadOnlyList<string> words, IReadOnlyList<int> termIds, int[] documentFrequency)
    {
        var sorted = words.ToArray();
        var ids = termIds.ToArray();

        Array.Sort(sorted, ids, StringComparer.Ordinal);
        return new PrefixMatcher(sorted, ids, documentFrequency);
    }

    /// <summary>Adds to <paramref name="results"/> the ids of words that start with, but are longer than, the prefix.</summary>
    public void Find(ReadOnlySpan<char> prefix, List<int> results)
    {
        int start = results.Count;
        for (int i = LowerBound(prefix); i < _sorted.Length && _sorted[i].AsSpan().StartsWith(prefix, StringComparison.Ordinal); i++)
        {
            if (_sorted[i].Length > prefix.Length)
            {
                results.Add(_ids[i]);
            }
        }

        int found = results.Count - start;
        if (found > MaxExpansions)
        {
            var df = _documentFrequency;
            results.Sort(start, found, Comparer<int>.Create((a, b) => df[b].CompareTo(df[a])));
            results.RemoveRange(start + MaxExpansions, found - MaxExpansions);
        }
    }

    private int LowerBound(ReadOnlySpan<char> prefix)
    {
        int lo = 0;
        int hi = _sorted.Length;
        while (lo < hi)
        {
            int mid = (int)((uint)(lo + hi) >> 1);
            if (_sorted[mid].AsSpan().SequenceCompareTo(prefix) < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
