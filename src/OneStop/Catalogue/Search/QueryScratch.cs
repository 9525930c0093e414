namespace OneStop.Catalogue.Search;

/// <summary>
/// Per-thread working arrays for scoring, one slot per document. Reusing them keeps a query
/// from allocating (and the GC from clearing) several arrays of index size each time, and
/// keeping them per thread is what lets many readers search one index at once.
/// </summary>
internal sealed class QueryScratch
{
    [ThreadStatic]
    private static QueryScratch? current;

    private bool _inUse;

    private QueryScratch(int size)
    {
        Matched = new int[size];
        Total = new float[size];
        Best = new float[size];
        Fields = new byte[size];
        TermFields = new byte[size];
        Candidates = new int[size];
    }

    /// <summary>How many query terms the document has matched so far; 0 between queries.</summary>
    public int[] Matched { get; }

    public float[] Total { get; }

    /// <summary>The document's best score for the term being processed (over its variants).</summary>
    public float[] Best { get; }

    /// <summary>Fields that matched every term so far.</summary>
    public byte[] Fields { get; }

    public byte[] TermFields { get; }

    public int[] Candidates { get; }

    public static QueryScratch Rent(int documentCount)
    {
        var scratch = current;
        if (scratch is null || scratch.Matched.Length < documentCount)
        {
            current = scratch = new QueryScratch(Math.Max(documentCount, 16));
        }
        else if (scratch._inUse)
        {
            // The previous query on this thread threw before resetting Matched.
            Array.Clear(scratch.Matched);
        }

        scratch._inUse = true;
        return scratch;
    }

    /// <summary>Called once Matched is back to all zeros.</summary>
    public void Return() => _inUse = false;
}
