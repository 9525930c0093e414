using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OneStop.Platform.Web;

/// <summary>The error page in the person's language, for 404s, crashes and other status codes.</summary>
[Microsoft.AspNetCore.Mvc.IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string Key { get; private set; } = "other";

    public void OnGet(int code)
    {
        // Re-executed requests keep their status; someone opening /error/404 directly gets that status too.
        Response.StatusCode = code is >= 400 and <= 599 ? code : 404;
        Key = Response.StatusCode switch { 404 => "notFound", 403 => "forbidden", 429 => "tooMany", >= 500 => "serverError", _ => "other" };
    }

    public void OnPost(int code) => OnGet(code);
}
