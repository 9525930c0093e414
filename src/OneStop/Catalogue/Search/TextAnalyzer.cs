using System.Globalization;

namespace OneStop.Catalogue.Search;

/// <summary>
/// The normalisation shared by indexing and querying: both sides must agree exactly, or a
/// query could never meet the text it was written for.
/// </summary>
internal static class TextAnalyzer
{
    /// <summary>Longer "words" (pasted URLs, hashes) are cut so that buffers stay small.</summary>
    public const int MaxWordLength = 64;

    /// <summary>Room for a normalised word: spelling folds can add a few characters.</summary>
    public const int WordBufferLength = MaxWordLength + 16;

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "of", "for", "to", "and", "or", "in", "on", "my", "your", "how", "i",
    };

    private const int MaxStopWordLength = 4;

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> StopWordLookup =
        StopWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Tokenises and normalises <paramref name="text"/>, handing each unit to <paramref name="sink"/>.</summary>
    public static void Analyze<TSink>(ReadOnlySpan<char> text, TSink sink)
        where TSink : ITermSink
    {
        Span<char> word = stackalloc char[WordBufferLength];
        Span<char> run = stackalloc char[256];
        char[]? rented = null;
        var reader = new TokenReader(text);
        try
        {
            while (reader.Next(out var token))
            {
                var raw = text.Slice(token.Start, token.Length);
                if (token.Kind == TokenKind.Word)
                {
                    int length = NormalizeWord(raw, word, out bool isStopWord);
                    sink.Word(word[..length], isStopWord);
                    continue;
                }

                if (raw.Length > run.Length)
                {
                    if (rented is not null)
                    {
                        System.Buffers.ArrayPool<char>.Shared.Return(rented);
                    }

                    rented = System.Buffers.ArrayPool<char>.Shared.Rent(raw.Length);
                    run = rented;
                }

                FoldCjkRun(raw, run);
                sink.CjkRun(run[..raw.Length]);
            }
        }
        finally
        {
            if (rented is not null)
            {
                System.Buffers.ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    public static bool IsCjkBmp(char c) =>
        (c >= '\u4E00' && c <= '\u9FFF') || (c >= '\u3400' && c <= '\u4DBF') || (c >= '\uF900' && c <= '\uFAFF');

    /// <summary>
    /// 1 for a BMP ideograph, 2 for a surrogate pair in planes 2-3 (CJK Extension B onwards,
    /// which Hong Kong text uses for some place and personal names), otherwise 0.
    /// </summary>
    public static int CjkUnitLength(ReadOnlySpan<char> text, int index)
    {
        if (index >= text.Length)
        {
            return 0;
        }

        char c = text[index];
        if (IsCjkBmp(c))
        {
            return 1;
        }

        bool supplementaryIdeograph = c >= '\uD840' && c <= '\uD8BF'
            && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]);
        return supplementaryIdeograph ? 2 : 0;
    }

    public static bool IsWordChar(char c)
    {
        if (IsCjkBmp(c) || char.IsSurrogate(c))
        {
            return false;
        }

        if (char.IsLetterOrDigit(c))
        {
            return true;
        }

        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        return category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
    }

    public static bool IsApostrophe(char c) => c is '\'' or '\u2019';

    /// <summary>
    /// Lower-cases, folds full-width forms, drops apostrophes, stems and folds spelling
    /// variants. Writes into <paramref name="destination"/> (at least
    /// <see cref="WordBufferLength"/> long) and returns the length written.
    /// </summary>
    public static int NormalizeWord(ReadOnlySpan<char> word, Span<char> destination, out bool isStopWord)
    {
        int length = 0;
        foreach (char raw in word)
        {
            if (length == MaxWordLength)
            {
                break;
            }

            if (!IsApostrophe(raw))
            {
                destination[length++] = char.ToLowerInvariant(FoldWidth(raw));
            }
        }

        isStopWord = length <= MaxStopWordLength && StopWordLookup.Contains(destination[..length]);
        length = EnglishStemmer.Stem(destination[..length]);
        if (SpellingVariants.TryGetCanonical(destination[..length], out string? canonical))
        {
            canonical.CopyTo(destination);
            length = canonical.Length;
        }

        return length;
    }

    /// <summary>Writes the run with every character folded to Simplified; same length.</summary>
    public static void FoldCjkRun(ReadOnlySpan<char> run, Span<char> destination)
    {
        for (int i = 0; i < run.Length; i++)
        {
            destination[i] = ChineseScript.ToSimplified(run[i]);
        }
    }

    /// <summary>Length of the CJK unit (one or two UTF-16 chars) starting at index.</summary>
    public static int UnitLength(ReadOnlySpan<char> run, int index) => char.IsHighSurrogate(run[index]) ? 2 : 1;

    public static bool HasDigit(ReadOnlySpan<char> word)
    {
        foreach (char c in word)
        {
            if (char.IsDigit(c))
            {
                return true;
            }
        }

        return false;
    }

    // Chinese text often carries full-width Latin ("ＢＲ", "２０２４"); folding keeps it findable.
    private static char FoldWidth(char c) => c >= '\uFF01' && c <= '\uFF5E' ? (char)(c - 0xFEE0) : c;
}
