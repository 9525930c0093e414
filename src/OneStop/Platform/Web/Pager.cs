namespace OneStop.Platform.Web;

/// <summary>What the pagination partial needs: where we are and how to link to any page.</summary>
public sealed record Pager(int Page, int PageCount, Func<int, string> UrlFor)
{
    /// <summary>First, last, and the pages around the current one, with null for a gap ("⋯").</summary>
    public IEnumerable<int?> Items()
    {
        int? previous = null;
        for (var p = 1; p <= PageCount; p++)
        {
            if (p != 1 && p != PageCount && Math.Abs(p - Page) > 1) continue;
            if (previous is not null && p - previous > 1) yield return null;
            yield return p;
            previous = p;
        }
    }
}
