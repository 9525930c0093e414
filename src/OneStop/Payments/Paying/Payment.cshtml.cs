using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OneStop.Payments.Engine;
using OneStop.Payments.Fees;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;

namespace OneStop.Payments.Paying;

/// <summary>
/// A payment's one page: before paying, what is due and how it was worked out, with the button to the
/// provider; afterwards, the outcome (whatever order the payer's return and the provider's callback came
/// in), the receipt, or what to do next after a failure or expiry. The amount is never posted: the buttons
/// name the payment only.
/// </summary>
public sealed class PaymentModel(PaymentAccess access, PaymentActions actions, OneStopDb db, Text text, ILogger<PaymentModel> logger) : PageModel
{
    /// <summary>The provider could not be reached when the payer pressed Pay: nothing was taken, they may try again.</summary>
    [BindProperty(SupportsGet = true)] public bool Unavailable { get; set; }

    public Payment Payment { get; private set; } = null!;
    public IReadOnlyList<FeeLine> Lines { get; private set; } = [];
    public LocalisedText? Service { get; private set; }
    public LocalisedText? Department { get; private set; }
    [BindProperty(SupportsGet = true)] public string? Key { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, tracked: false, cancellationToken) is { } refusal) return refusal;
        Lines = FeeSchedules.ReadLines(Payment.Lines);
        Service = Payment.ServiceSlug is null ? null : await db.Services.AsNoTracking().Where(s => s.Slug == Payment.ServiceSlug).Select(s => s.Name).FirstOrDefaultAsync(cancellationToken);
        Department = await db.Departments.AsNoTracking().Where(d => d.Code == Payment.DepartmentCode).Select(d => d.Name).FirstOrDefaultAsync(cancellationToken);
        return Page();
    }

    /// <summary>"Pay": to the provider's hosted page (the one checkout, however often it is pressed).</summary>
    public async Task<IActionResult> OnPostStartAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, tracked: true, cancellationToken) is { } refusal) return refusal;
        var description = await DescriptionAsync(cancellationToken);
        string? url;
        try
        {
            url = await actions.StartCheckoutAsync(Payment, Absolute(PaymentPaths.Return(Payment)), Absolute(PaymentPaths.Return(Payment)), description, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The provider refused or could not be reached (or none is configured): say so, keep the payment open.
            logger.LogWarning(e, "Could not start a checkout for payment {Reference} with {Provider}", Payment.Reference, Payment.Provider);
            var page = Url.Content("~" + PaymentPaths.Page(Payment.Id, Key));
            return Redirect(page + (page.Contains('?') ? "&" : "?") + "unavailable=true");
        }
        return url is null ? Redirect(Url.Content("~" + PaymentPaths.Page(Payment.Id, Key))) : Redirect(url);
    }

    /// <summary>"Try again" after a failure, cancellation or expiry: a new payment of the same amount.</summary>
    public async Task<IActionResult> OnPostAgainAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, tracked: true, cancellationToken) is { } refusal) return refusal;
        var again = PaymentMoves.IsOpen(Payment.State) ? Payment : await actions.PayAgainAsync(Payment, cancellationToken);
        return Redirect(Url.Content("~" + (again is null ? PaymentPaths.Page(Payment.Id, Key) : PaymentPaths.Page(again))));
    }

    private async Task<IActionResult?> LoadAsync(Guid id, bool tracked, CancellationToken cancellationToken)
    {
        if (await access.FindAsync(User, id, Key, tracked, cancellationToken) is not { } payment)
        {
            // An account holder whose session ended (the provider took a while) signs in and comes back.
            if (User.Identity?.IsAuthenticated != true && await db.Set<Payment>().AnyAsync(p => p.Id == id && p.PayerId != null, cancellationToken)) return Challenge();
            return NotFound();
        }
        Payment = payment;
        return null;
    }

    private async Task<string> DescriptionAsync(CancellationToken cancellationToken)
    {
        var language = Languages.FromCulture(Payment.Language) ?? Language.En;
        var service = Payment.ServiceSlug is null ? null : await db.Services.AsNoTracking().Where(s => s.Slug == Payment.ServiceSlug).Select(s => s.Name).FirstOrDefaultAsync(cancellationToken);
        var what = service?[language] ?? Payment.LinkCode ?? text["payments.page.title"];
        return Payment.ApplicationReference is { } reference ? $"{what} – {reference}" : what;
    }

    private string Absolute(string path) => $"{Request.Scheme}://{Request.Host}{Url.Content("~" + path)}";
}
