using Microsoft.AspNetCore.WebUtilities;

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

public static class PageLinks
{
    /// <summary>
    /// The <c>page</c> query parameter. Read from the query string itself, because Razor Pages keeps its
    /// own route value named "page" that would otherwise win model binding.
    /// </summary>
    public static string? PageParameter(this HttpRequest request) => request.Query["page"].FirstOrDefault();

    public static int PageNumber(this HttpRequest request) =>
        int.TryParse(request.PageParameter(), out var p) ? Math.Clamp(p, 1, 100_000) : 1;

    /// <summary>A link to <paramref name="path"/> (already with PathBase) with the given query values, skipping empty ones.</summary>
    public static string With(string path, params (string Key, string? Value)[] query) =>
        QueryHelpers.AddQueryString(path, query.Where(q => !string.IsNullOrEmpty(q.Value))
            .Select(q => new KeyValuePair<string, string?>(q.Key, q.Value)));
}
