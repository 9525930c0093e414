using Ganss.Xss;
using Markdig;

namespace OneStop.Catalogue;

/// <summary>
/// Service bodies are Markdown written by departments. Raw HTML in them is escaped by Markdig, and the
/// result goes through an allow-list sanitiser as a second line, so a bad import can never inject script.
/// The GOV.UK classes are added here so that pages can print the HTML as it is.
/// </summary>
public static class ContentMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoLinks()
        .Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public static string ToHtml(string markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return "";
        var html = Markdig.Markdown.ToHtml(markdown, Pipeline);
        html = Sanitizer.Sanitize(html);
        return AddDesignSystemClasses(html);
    }

    public static string ToPlainText(string markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? "" : Markdig.Markdown.ToPlainText(markdown, Pipeline).Trim();

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedTags.Clear();
        foreach (var tag in new[] { "p", "h1", "h2", "h3", "h4", "ul", "ol", "li", "a", "strong", "em", "code", "blockquote", "br", "table", "thead", "tbody", "tr", "th", "td" })
            sanitizer.AllowedTags.Add(tag);
        sanitizer.AllowedAttributes.Clear();
        sanitizer.AllowedAttributes.Add("href");
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedCssProperties.Clear();
        return sanitizer;
    }

    // Body headings start at h2 because the page's h1 is the service name.
    private static string AddDesignSystemClasses(string html) => html
        .Replace("<h1>", "<h2 class=\"govuk-heading-m\">").Replace("</h1>", "</h2>")
        .Replace("<h2>", "<h2 class=\"govuk-heading-m\">")
        .Replace("<h3>", "<h3 class=\"govuk-heading-s\">")
        .Replace("<p>", "<p class=\"govuk-body\">")
        .Replace("<ul>", "<ul class=\"govuk-list govuk-list--bullet\">")
        .Replace("<ol>", "<ol class=\"govuk-list govuk-list--number\">")
        .Replace("<a href=", "<a class=\"govuk-link\" href=");
}
