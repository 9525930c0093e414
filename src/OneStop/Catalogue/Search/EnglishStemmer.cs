namespace OneStop.Catalogue.Search;

/// <summary>
/// Plural folding only. A fuller stemmer (Porter) conflates words people mean differently
/// ("general"/"generate"); service names are short, so precision matters more than recall,
/// and typo tolerance and prefix matching already catch most other forms.
/// </summary>
public static class EnglishStemmer
{
    /// <summary>Stems a lower-case word in place and returns its new length.</summary>
    public static int Stem(Span<char> word)
    {
        int n = word.Length;
        if (n <= 3)
        {
            return n; // "gas", "bus", "yes": too short to tell a plural from a stem.
        }

        if (EndsWith(word, "ies"))
        {
            if (n == 4)
            {
                return n; // "ties", "lies"
            }

            word[n - 3] = 'y'; // policies -> policy
            return n - 2;
        }

        if (EndsWith(word, "sses") || EndsWith(word, "xes") || EndsWith(word, "ches")
            || EndsWith(word, "shes") || EndsWith(word, "zzes"))
        {
            return n - 2; // addresses, taxes, branches, wishes
        }

        if (EndsWith(word, "ss") || EndsWith(word, "us") || EndsWith(word, "is"))
        {
            return n; // business, status, analysis are not plurals
        }

        return word[n - 1] == 's' ? n - 1 : n;
    }

    /// <summary>Convenience overload for callers outside the index.</summary>
    public static string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        char[] buffer = word.ToCharArray();
        return new string(buffer, 0, Stem(buffer.AsSpan()));
    }

    private static bool EndsWith(Span<char> word, string suffix) => ((ReadOnlySpan<char>)word).EndsWith(suffix.AsSpan(), StringComparison.Ordinal);
}
