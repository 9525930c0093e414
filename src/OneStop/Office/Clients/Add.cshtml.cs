using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OneStop.Identity;
using OneStop.Identity.Oidc;
using OneStop.Identity.Staff;
using OneStop.Platform.Localisation;
using OneStop.Platform.Web.Forms;

namespace OneStop.Office.Clients;

/// <summary>
/// Registers a client with the same rules as <c>identity clients add</c> (<see cref="RegisterClient"/>).
/// A confidential or machine client's secret is shown once, in the answer to the post itself: it is
/// not redirected to, because carrying it across a redirect would mean keeping it (TempData is a cookie)
/// and OpenIddict keeps only its hash. A public client has no secret and gets the usual redirect.
/// </summary>
[Authorize(Policy = StaffPolicies.PlatformAdmin)]
public sealed class AddModel(RegisterClient register, Text text) : FormPageModel
{
    [BindProperty] public string? ClientId { get; set; }
    [BindProperty] public string? Type { get; set; }
    [BindProperty] public string? NameEn { get; set; }
    [BindProperty] public string? NameZhHk { get; set; }
    [BindProperty] public string? NameZhCn { get; set; }
    [BindProperty] public string? PurposeEn { get; set; }
    [BindProperty] public string? PurposeZhHk { get; set; }
    [BindProperty] public string? PurposeZhCn { get; set; }
    /// <summary>One address per line, as typed.</summary>
    [BindProperty] public string? RedirectUris { get; set; }
    [BindProperty] public string? PostLogoutRedirectUris { get; set; }
    [BindProperty] public string? BackChannelLogoutUri { get; set; }
    [BindProperty] public List<string> Scopes { get; set; } = [];
    [TempData] public string? Done { get; set; }

    /// <summary>Set after a confidential or machine client is added: the page shows it and its secret instead of the form.</summary>
    public RegisteredClient? Added { get; private set; }

    /// <summary>The scopes offered as checkboxes (openid is implied for sign-in clients).</summary>
    public static IReadOnlyList<string> OfferedScopes { get; } =
        [.. RegisterClient.InteractiveScopes.Where(s => s != "openid"), .. RegisterClient.MachineScopes];

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await register.RunAsync(new ClientRegistration
        {
            ClientId = ClientId,
            Type = Type,
            Name = new LocalisedText(NameEn ?? "", NameZhHk ?? "", NameZhCn ?? ""),
            Purpose = new LocalisedText(PurposeEn ?? "", PurposeZhHk ?? "", PurposeZhCn ?? ""),
            RedirectUris = Lines(RedirectUris),
            PostLogoutRedirectUris = Lines(PostLogoutRedirectUris),
            BackChannelLogoutUri = BackChannelLogoutUri,
            Scopes = Scopes,
        }, User.UserId(), cancellationToken);
        if (!result.Succeeded)
        {
            foreach (var problem in result.Problems) AddError(problem.Field, text[problem.Key, problem.Args]);
            return Page();
        }
        if (result.Secret is null)
        {
            Done = "added";
            return Redirect(Url.Content($"~/office/clients/{result.Client!.ApplicationId}"));
        }
        // Neither the browser nor a proxy may keep the page with the secret.
        Response.Headers.CacheControl = "no-store";
        Added = result;
        return Page();
    }

    /// <summary>A text field's value by its name, for the view's loops over languages.</summary>
    public string? ValueOf(string field) => field switch
    {
        nameof(NameEn) => NameEn, nameof(NameZhHk) => NameZhHk, nameof(NameZhCn) => NameZhCn,
        nameof(PurposeEn) => PurposeEn, nameof(PurposeZhHk) => PurposeZhHk, nameof(PurposeZhCn) => PurposeZhCn,
        _ => null,
    };

    private static string[] Lines(string? value) =>
        (value ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
