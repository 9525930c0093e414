namespace OneStop.Catalogue.Search;

/// <summary>
/// Finds vocabulary words within Damerau-Levenshtein distance 1 of a query word, SymSpell
/// style: two words are within one edit only if they share a "delete variant" (the word
/// with at most one character removed). Every variant of every vocabulary word is stored
/// as a 64-bit hash in one sorted array, so a lookup is a handful of binary searches and no
/// strings are built; hash hits are confirmed with an exact edit check.
/// </summary>
internal sealed class FuzzyMatcher
{
    public const int MinimumQueryLength = 4;

    private readonly ulong[] _keys;
    private readonly int[] _entries; // index into _words, parallel to _keys
    private readonly string[] _words;
    private readonly int[] _termIds;

    private FuzzyMatcher(ulong[] keys, int[] entries, string[] words, int[] termIds)
    {
        _keys = keys;
        _entries = entries;
        _words = words;
        _termIds = termIds;
    }

    /// <param name="words">English words of the vocabulary.</param>
    /// <param name="termIds">The term id of each word.</param>
    public static FuzzyMatcher Build(IReadOnlyList<string> words, IReadOnlyList<int> termIds)
    {
        // Words shorter than the shortest query minus one can never be one edit away, and
        // numbers are not typos of each other ("2023" is not a misspelt "2024").
        var kept = new List<int>();
        int total = 0;
        for (int i = 0; i < words.Count; i++)
        {
            if (words[i].Length >= MinimumQueryLength - 1 && !TextAnalyzer.HasDigit(words[i]))
            {
                kept.Add(i);
                total += words[i].Length + 1;
            }
        }

        var keys = new ulong[total];
        var entries = new int[total];
        var keptWords = new string[kept.Count];
        var keptIds = new int[kept.Count];
        int n = 0;
        for (int k = 0; k < kept.Count; k++)
        {
            string word = keptWords[k] = words[kept[k]];
            keptIds[k] = termIds[kept[k]];
            for (int skip = -1; skip < word.Length; skip++)
            {
                keys[n] = Hash(word, skip);
                entries[n++] = k;
            }
        }

        Array.Sort(keys, entries);
        return new FuzzyMatcher(keys, entries, keptWords, keptIds);
    }

    /// <summary>Adds to <paramref name="results"/> the ids of words exactly one edit away.</summary>
    public void Find(ReadOnlySpan<char> word, List<int> results)
    {
        int before = results.Count;
        for (int skip = -1; skip < word.Length; skip++)
        {
            ulong key = Hash(word, skip);
            for (int i = LowerBound(key); i < _keys.Length && _keys[i] == key; i++)
            {
                int entry = _entries[i];
                int id = _termIds[entry];
                if (!Contains(results, before, id) && IsOneEditApart(word, _words[entry]))
                {
                    results.Add(id);
                }
            }
        }
    }

    /// <summary>
    /// True when the words differ by exactly one insertion, deletion, substitution or
    /// swap of adjacent characters (optimal string alignment distance 1).
    /// </summary>
    public static bool IsOneEditApart(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length < b.Length)
        {
            var shorter = a;
            a = b;
            b = shorter;
        }

        int diff = a.Length - b.Length;
        if (diff > 1)
        {
            return false;
        }

        int i = a.CommonPrefixLength(b);
        if (diff == 1)
        {
            return a[(i + 1)..].SequenceEqual(b[i..]);
        }

        if (i == a.Length)
        {
            return false; // identical
        }

        if (a[(i + 1)..].SequenceEqual(b[(i + 1)..]))
        {
            return true;
        }

        return i + 1 < a.Length && a[i] == b[i + 1] && a[i + 1] == b[i] && a[(i + 2)..].SequenceEqual(b[(i + 2)..]);
    }

    // FNV-1a over the word with one position skipped; the length is mixed in so that
    // variants of different lengths rarely collide.
    private static ulong Hash(ReadOnlySpan<char> word, int skip)
    {
        ulong hash = 14695981039346656037UL ^ (ulong)(skip < 0 ? word.Length : word.Length - 1);
        for (int i = 0; i < word.Length; i++)
        {
            if (i != skip)
            {
                hash = (hash ^ word[i]) * 1099511628211UL;
            }
        }

        return hash;
    }

    private static bool Contains(List<int> list, int start, int value)
    {
        for (int i = start; i < list.Count; i++)
        {
            if (list[i] == value)
            {
                return true;
            }
        }

        return false;
    }

    private int LowerBound(ulong key)
    {
        int lo = 0;
        int hi = _keys.Length;
        while (lo < hi)
        {
            int mid = (int)((uint)(lo + hi) >> 1);
            if (_keys[mid] < key)
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
