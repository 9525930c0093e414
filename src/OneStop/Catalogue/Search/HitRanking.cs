namespace OneStop.Catalogue.Search;

/// <summary>
/// Turns the surviving candidates into ordered hits: applies the name-phrase bonus, then
/// orders by score (descending) and id (ascending) so equal scores come out the same way
/// every time. Asking for the top few uses a bounded heap instead of sorting every match.
/// </summary>
internal static class HitRanking
{
    public static SearchHit[] Rank(IndexData index, string? phrase, QueryScratch scratch, int count, int maxResults)
    {
        var scored = new ScoredDocument[count];
        for (int c = 0; c < count; c++)
        {
            int d = scratch.Candidates[c];
            scored[c] = new ScoredDocument(FinalScore(index, phrase, scratch, d), d);
        }

        int take = SelectTop(scored, maxResults);
        var hits = new SearchHit[take];
        for (int i = 0; i < take; i++)
        {
            hits[i] = new SearchHit(index.DocumentIds[scored[i].Document], scored[i].Score);
        }

        return hits;
    }

    /// <summary>Every candidate with its final score, unordered, in a pooled buffer the caller disposes.</summary>
    public static PooledHits Collect(IndexData index, string? phrase, QueryScratch scratch, int count)
    {
        var buffer = System.Buffers.ArrayPool<SearchHit>.Shared.Rent(count);
        for (int c = 0; c < count; c++)
        {
            int d = scratch.Candidates[c];
            buffer[c] = new SearchHit(index.DocumentIds[d], FinalScore(index, phrase, scratch, d));
        }

        return new PooledHits(buffer, count);
    }

    private static float FinalScore(IndexData index, string? phrase, QueryScratch scratch, int d)
    {
        float score = scratch.Total[d];
        if (phrase is not null && (scratch.Fields[d] & Scoring.NameMask) != 0
            && index.NamePhrases[d].Contains(phrase, StringComparison.Ordinal))
        {
            score *= Scoring.PhraseBonus;
        }

        return score;
    }

    /// <summary>Moves the best <paramref name="k"/> items, in order, to the front; returns how many there are.</summary>
    private static int SelectTop(ScoredDocument[] items, int k)
    {
        if (k >= items.Length)
        {
            Array.Sort(items, BestFirst.Instance);
            return items.Length;
        }

        // items[0..k) becomes a heap with the worst of the current top k at its root.
        for (int i = (k / 2) - 1; i >= 0; i--)
        {
            SiftDown(items, i, k);
        }

        for (int i = k; i < items.Length; i++)
        {
            if (BestFirst.Instance.Compare(items[i], items[0]) < 0)
            {
                items[0] = items[i];
                SiftDown(items, 0, k);
            }
        }

        Array.Sort(items, 0, k, BestFirst.Instance);
        return k;
    }

    private static void SiftDown(ScoredDocument[] heap, int i, int size)
    {
        while (true)
        {
            int worst = i;
            int left = (2 * i) + 1;
            int right = left + 1;
            if (left < size && BestFirst.Instance.Compare(heap[left], heap[worst]) > 0)
            {
                worst = left;
            }

            if (right < size && BestFirst.Instance.Compare(heap[right], heap[worst]) > 0)
            {
                worst = right;
            }

            if (worst == i)
            {
                return;
            }

            (heap[i], heap[worst]) = (heap[worst], heap[i]);
            i = worst;
        }
    }

    private readonly record struct ScoredDocument(float Score, int Document);

    private sealed class BestFirst : IComparer<ScoredDocument>
    {
        public static readonly BestFirst Instance = new();

        public int Compare(ScoredDocument x, ScoredDocument y)
        {
            int byScore = y.Score.CompareTo(x.Score);
            return byScore != 0 ? byScore : x.Document.CompareTo(y.Document);
        }
    }
}
