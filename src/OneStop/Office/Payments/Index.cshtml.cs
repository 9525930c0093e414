using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OneStop.Identity.Staff;
using OneStop.Payments;
using OneStop.Payments.Reconciliation;
using OneStop.Platform.Localisation;
using OneStop.Platform.Web;
using OneStop.Platform.Web.Forms;

namespace OneStop.Office.Payments;

/// <summary>
/// The department's payments: a GET search form (payment or application reference, Hong Kong days on the
/// created or paid date, state) and one keyset page of results, newest first, with Older/Newer links that
/// keep the search. Dates that cannot be read are shown as errors and left out of the search.
/// </summary>
[Authorize(Policy = StaffPolicies.Officer)]
public sealed class IndexModel(PaymentSearch search, Text text) : FormPageModel
{
    [BindProperty(SupportsGet = true)] public string? Reference { get; set; }
    [BindProperty(SupportsGet = true)] public string? Application { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? On { get; set; }
    [BindProperty(SupportsGet = true)] public string? State { get; set; }
    [BindProperty(SupportsGet = true)] public string? Older { get; set; }
    [BindProperty(SupportsGet = true)] public string? Newer { get; set; }

    public PaymentResults Results { get; private set; } = new([], null, null);

    public static readonly PaymentState[] States = Enum.GetValues<PaymentState>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        DateOnly? from = null, to = null;
        if (!string.IsNullOrWhiteSpace(From))
        {
            if (HongKongDay.TryParse(From, out var f)) from = f;
            else AddError("from", text["payments.office.search.dateInvalid"]);
        }
        if (!string.IsNullOrWhiteSpace(To))
        {
            if (HongKongDay.TryParse(To, out var t)) to = t;
            else AddError("to", text["payments.office.search.dateInvalid"]);
        }
        if (from is { } a && to is { } b && b < a) AddError("to", text["payments.office.search.dateOrder"]);
        var state = Enum.TryParse<PaymentState>(State, ignoreCase: true, out var s) && Enum.IsDefined(s) ? s : (PaymentState?)null;
        var filter = new PaymentFilter(Reference, Application, from, HasErrors ? null : to, On == "succeeded" ? PaymentDateField.Succeeded : PaymentDateField.Created, state);
        Results = await search.PageAsync(User, filter, Older, Newer, cancellationToken);
    }

    /// <summary>This search with the given cursors.</summary>
    public string Link(string? older, string? newer) => PageLinks.With(Url.Content("~/office/payments"),
        ("reference", Reference), ("application", Application), ("from", From), ("to", To), ("on", On), ("state", State), ("older", older), ("newer", newer));

    public string PaymentLink(string reference) => Url.Content("~/office/payments/" + reference);

    public static string StateName(PaymentState state) => state.ToString().ToLowerInvariant();
}
