namespace OneStop.Catalogue.Search;

/// <summary>
/// Folds Traditional Chinese characters to Simplified, one character at a time, so that
/// zh-HK and zh-CN text meet in one form in the index. The table is generated from
/// Unicode's Unihan data by tools/unihan/generate.sh and embedded in the assembly.
/// Character-level folding cannot handle word-level differences (出租車 vs 的士), but it
/// covers the script difference, which is by far the most common mismatch.
/// </summary>
public static class ChineseScript
{
    /// <summary>Logical name of the embedded folding table.</summary>
    public const string ResourceName = "OneStop.Catalogue.Search.chinese-variants.txt";

    // A full BMP table (128 KB) makes folding a single array read on the hot path.
    private static readonly char[] Table = LoadTable();

    /// <summary>Number of Traditional characters that fold to a different character.</summary>
    public static int MappingCount { get; } = CountMappings();

    /// <summary>The Simplified form of <paramref name="c"/>; any other character comes back unchanged.</summary>
    public static char ToSimplified(char c) => Table[c];

    /// <summary>Folds every Traditional character of <paramref name="text"/> to Simplified.</summary>
    public static string ToSimplified(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Create(text.Length, text, static (span, source) =>
        {
            for (int i = 0; i < source.Length; i++)
            {
                span[i] = Table[source[i]];
            }
        });
    }

    private static int CountMappings()
    {
        int count = 0;
        for (int i = 0; i < Table.Length; i++)
        {
            count += Table[i] != i ? 1 : 0;
        }

        return count;
    }

    private static char[] LoadTable()
    {
        var table = new char[char.MaxValue + 1];
        for (int i = 0; i < table.Length; i++)
        {
            table[i] = (char)i;
        }

        using var stream = typeof(ChineseScript).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException(
                $"Embedded resource '{ResourceName}' is missing; the search index cannot fold Chinese scripts without it.");
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (line.Length != 2)
            {
                throw new InvalidOperationException($"Malformed line in '{ResourceName}': '{line}'.");
            }

            table[line[0]] = line[1];
        }

        return table;
    }
}
