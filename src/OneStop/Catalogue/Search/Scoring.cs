namespace OneStop.Catalogue.Search;

/// <summary>
/// The ranking constants in one place. Per field the index uses a BM25-style term-frequency
/// curve: it saturates, so a word repeated twenty times in a body never outweighs the same
/// word once in a summary, and the field weights keep name above summary above body.
/// </summary>
internal static class Scoring
{
    public const int FieldCount = 3;
    public const int Name = 0;
    public const int Summary = 1;
    public const int Body = 2;
    public const byte NameMask = 1 << Name;

    public const float ExactMatch = 1f;
    public const float PrefixMatch = 0.6f;
    public const float FuzzyMatch = 0.5f;

    /// <summary>Multiplier for a document whose name contains the query as a phrase.</summary>
    public const float PhraseBonus = 1.5f;

    private const float K1 = 1.2f;
    private const float B = 0.5f;

    private static readonly float[] FieldWeights = [10f, 4f, 1f];

    /// <summary>BM25's idf, which never goes negative, so a word in every document still counts a little.</summary>
    public static float Idf(int documentFrequency, int documentCount) =>
        (float)Math.Log(1 + ((documentCount - documentFrequency + 0.5) / (documentFrequency + 0.5)));

    /// <summary>A term's weight in one field, before idf.</summary>
    public static float Field(int field, int termFrequency, float relativeLength)
    {
        if (termFrequency == 0)
        {
            return 0f;
        }

        float norm = K1 * (1 - B + (B * relativeLength));
        return FieldWeights[field] * termFrequency * (K1 + 1) / (termFrequency + norm);
    }
}
