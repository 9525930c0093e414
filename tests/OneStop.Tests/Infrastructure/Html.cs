using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace OneStop.Tests.Infrastructure;

public static class Html
{
    public static async Task<(int Status, IDocument Document)> GetPageAsync(this HttpClient client, string url)
    {
        var (status, body) = await client.GetTextAsync(url);
        return (status, new HtmlParser().ParseDocument(body));
    }
}
