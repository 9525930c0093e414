using System.Runtime.InteropServices;

namespace OneStop.Catalogue.Search;

/// <summary>
/// Scores a parsed query against the index. Every term must match (AND); a term matches a
/// document through any of its variants (the exact word, words one typo away, completions
/// of an unfinished last word), and the best variant counts.
/// </summary>
internal static class QueryExecutor
{
    public static SearchHit[] Execute(IndexData index, ParsedQuery query, int maxResults) =>
        maxResults == 0 ? [] : Run(index, query, (scratch, count) => HitRanking.Rank(index, query.Phrase, scratch, count, maxResults), []);

    public static PooledHits ExecuteUnordered(IndexData index, ParsedQuery query) =>
        Run(index, query, (scratch, count) => HitRanking.Collect(index, query.Phrase, scratch, count), PooledHits.Empty);

    private static T Run<T>(IndexData index, ParsedQuery query, Func<QueryScratch, int, T> finish, T none)
    {
        var terms = query.Terms;
        if (terms.Count == 0 || index.DocumentIds.Length == 0)
        {
            return none;
        }

        var variants = new List<Variant>(terms.Count * 4);
        var groups = new Group[terms.Count];
        var found = new List<int>();
        for (int t = 0; t < terms.Count; t++)
        {
            int start = variants.Count;
            Resolve(index, terms[t], variants, found);
            if (variants.Count == start)
            {
                return none; // a term nothing matches: no document can match them all
            }

            long cost = 0;
            for (int v = start; v < variants.Count; v++)
            {
                cost += index.PostingCount(variants[v].TermId);
            }

            groups[t] = new Group(start, variants.Count - start, cost);
        }

        // Rarest term first: it fixes the candidate set, and later terms only narrow it.
        Array.Sort(groups, static (a, b) => a.Cost.CompareTo(b.Cost));

        var scratch = QueryScratch.Rent(index.DocumentIds.Length);
        int count = Accumulate(index, groups, CollectionsMarshal.AsSpan(variants), scratch);
        var hits = finish(scratch, count);
        for (int c = 0; c < count; c++)
        {
            scratch.Matched[scratch.Candidates[c]] = 0;
        }

        scratch.Return();
        return hits;
    }

    private static void Resolve(IndexData index, QueryTerm term, List<Variant> variants, List<int> found)
    {
        int start = variants.Count;
        bool known = index.TryGetTerm(term.Text, term.IsCjk, out int exact);
        if (known)
        {
            variants.Add(new Variant(exact, Scoring.ExactMatch));
        }

        // Typo tolerance only for words the catalogue does not have: a real word ("card") should not
        // also match its neighbours ("care"), and skipping them keeps common words fast.
        if (term.Fuzzy && !known)
        {
            found.Clear();
            index.Fuzzy.Find(term.Text, found);
            AddAll(variants, start, found, Scoring.FuzzyMatch);
        }

        if (term.Prefix)
        {
            found.Clear();
            index.Prefix.Find(term.Text, found);
            AddAll(variants, start, found, Scoring.PrefixMatch);
        }
    }

    private static void AddAll(List<Variant> variants, int start, List<int> termIds, float multiplier)
    {
        foreach (int id in termIds)
        {
            int existing = -1;
            for (int v = start; v < variants.Count && existing < 0; v++)
            {
                existing = variants[v].TermId == id ? v : -1;
            }

            if (existing < 0)
            {
                variants.Add(new Variant(id, multiplier));
            }
            else if (variants[existing].Multiplier < multiplier)
            {
                variants[existing] = new Variant(id, multiplier);
            }
        }
    }

    /// <summary>
    /// Leaves the documents that matched every group in scratch.Candidates[0..count) and
    /// returns count. Matched[d] == k means "matched the first k groups"; a document that
    /// misses a group is reset to 0 at once, so only survivors need cleaning afterwards.
    /// </summary>
    private static int Accumulate(IndexData index, Group[] groups, ReadOnlySpan<Variant> variants, QueryScratch scratch)
    {
        int[] matched = scratch.Matched;
        float[] total = scratch.Total;
        float[] best = scratch.Best;
        byte[] fields = scratch.Fields;
        byte[] termFields = scratch.TermFields;
        int[] candidates = scratch.Candidates;
        int[] starts = index.PostingStarts;
        int[] documents = index.PostingDocuments;
        float[] weights = index.PostingWeights;
        byte[] postingFields = index.PostingFields;

        int count = 0;
        foreach (var variant in variants.Slice(groups[0].Start, groups[0].Count))
        {
            for (int i = starts[variant.TermId], end = starts[variant.TermId + 1]; i < end; i++)
            {
                int d = documents[i];
                float score = variant.Multiplier * weights[i];
                if (matched[d] == 0)
                {
                    matched[d] = 1;
                    total[d] = score;
                    fields[d] = postingFields[i];
                    candidates[count++] = d;
                }
                else
                {
                    total[d] = Math.Max(total[d], score);
                    fields[d] |= postingFields[i];
                }
            }
        }

        for (int k = 1; k < groups.Length && count > 0; k++)
        {
            foreach (var variant in variants.Slice(groups[k].Start, groups[k].Count))
            {
                for (int i = starts[variant.TermId], end = starts[variant.TermId + 1]; i < end; i++)
                {
                    int d = documents[i];
                    float score = variant.Multiplier * weights[i];
                    if (matched[d] == k)
                    {
                        matched[d] = k + 1;
                        best[d] = score;
                        termFields[d] = postingFields[i];
                    }
                    else if (matched[d] == k + 1)
                    {
                        best[d] = Math.Max(best[d], score);
                        termFields[d] |= postingFields[i];
                    }
                }
            }

            int kept = 0;
            for (int c = 0; c < count; c++)
            {
                int d = candidates[c];
                if (matched[d] == k + 1)
                {
                    total[d] += best[d];
                    fields[d] &= termFields[d];
                    candidates[kept++] = d;
                }
                else
                {
                    matched[d] = 0;
                }
            }

            count = kept;
        }

        return count;
    }

    private readonly record struct Variant(int TermId, float Multiplier);

    private readonly record struct Group(int Start, int Count, long Cost);
}
