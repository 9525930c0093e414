using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;
using OneStop.Platform.Web.Forms;

namespace OneStop.Payments.Sandbox;

/// <summary>
/// The sandbox gateway's hosted payment page: what a payer sees at the provider. Card is paid at once; FPS
/// and PPS are "processing" and settle later, as those schemes do. Each method is its own form, so the page
/// needs no JavaScript. Anyone with the checkout's id may pay it, as with a real provider's session link.
/// </summary>
public sealed class CheckoutModel(OneStopDb db, SandboxCallbacks callbacks, Microsoft.Extensions.Options.IOptions<SandboxOptions> options,
    Text text, TimeProvider clock, Platform.Outbox.Outbox outbox) : FormPageModel
{
    public SandboxCheckout Checkout { get; private set; } = null!;
    [BindProperty] public string? CardNumber { get; set; }
    [BindProperty] public string? Expiry { get; set; }
    [BindProperty] public string? SecurityCode { get; set; }
    [BindProperty] public string? NameOnCard { get; set; }
    [BindProperty] public string? PpsAccount { get; set; }
    [BindProperty] public string? PpsPassword { get; set; }

    /// <summary>The checkout can no longer be paid: expired or cancelled.</summary>
    public bool Closed => Checkout.State is SandboxCheckoutState.Cancelled or SandboxCheckoutState.Expired || Checkout.ExpiresAt <= clock.GetUtcNow().UtcDateTime;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } done) return done;
        if (Checkout.DeclineCode is { } code) AddError(nameof(CardNumber), text["payments.sandbox.declined." + code]);
        return Page();
    }

    public async Task<IActionResult> OnPostCardAsync(string id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } done) return done;
        if (Closed) return Page();
        var digits = SandboxCards.Digits(CardNumber);
        if (!SandboxCards.PassesLuhn(digits)) AddError(nameof(CardNumber), text["payments.sandbox.error.cardNumber"]);
        if (!SandboxCards.ValidExpiry(Expiry, HongKongTime.Today(clock))) AddError(nameof(Expiry), text["payments.sandbox.error.expiry"]);
        if (SandboxCards.Digits(SecurityCode) is not { Length: 3 or 4 }) AddError(nameof(SecurityCode), text["payments.sandbox.error.securityCode"]);
        if (string.IsNullOrWhiteSpace(NameOnCard)) AddError(nameof(NameOnCard), text["payments.sandbox.error.name"]);
        if (HasErrors) return Page();
        if (SandboxCards.Decline(digits) is { } decline)
        {
            Checkout.DeclineCode = decline;
            Checkout.Method = "card";
            callbacks.Queue(Checkout, SandboxCallbacks.PaymentFailed);
            if (!await SaveAsync(cancellationToken)) return Again(id);
            AddError(nameof(CardNumber), text["payments.sandbox.declined." + decline]);
            return Page();
        }
        return await PaidAsync("card", settled: true, cancellationToken);
    }

    public async Task<IActionResult> OnPostFpsAsync(string id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } done) return done;
        if (Closed) return Page();
        return await PaidAsync("fps", settled: false, cancellationToken);
    }

    public async Task<IActionResult> OnPostPpsAsync(string id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } done) return done;
        if (Closed) return Page();
        var account = SandboxCards.Digits(PpsAccount);
        if (account.Length != 8) AddError(nameof(PpsAccount), text["payments.sandbox.error.ppsAccount"]);
        if (string.IsNullOrEmpty(PpsPassword) || PpsPassword.Length < 8) AddError(nameof(PpsPassword), text["payments.sandbox.error.ppsPassword"]);
        if (HasErrors) return Page();
        if (account == SandboxCards.DeclinedPps)
        {
            Checkout.DeclineCode = "pps_declined";
            Checkout.Method = "pps";
            callbacks.Queue(Checkout, SandboxCallbacks.PaymentFailed);
            if (!await SaveAsync(cancellationToken)) return Again(id);
            AddError(nameof(PpsAccount), text["payments.sandbox.declined.pps_declined"]);
            return Page();
        }
        return await PaidAsync("pps", settled: false, cancellationToken);
    }

    public async Task<IActionResult> OnPostCancelAsync(string id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } done) return done;
        if (Checkout.State == SandboxCheckoutState.Open)
        {
            Checkout.State = SandboxCheckoutState.Cancelled;
            callbacks.Queue(Checkout, SandboxCallbacks.CheckoutCancelled);
            if (!await SaveAsync(cancellationToken)) return Again(id);
        }
        return Redirect(Checkout.CancelUrl);
    }

    /// <summary>
    /// Card: paid now. FPS and PPS: processing now, paid after <c>SettlementDelay</c> (<see cref="SettleSandboxCheckout"/>).
    /// Out of order, the "processing" callback is held back and sent by the settling, after "succeeded".
    /// </summary>
    private async Task<IActionResult> PaidAsync(string method, bool settled, CancellationToken cancellationToken)
    {
        Checkout.Method = method;
        Checkout.DeclineCode = null;
        if (settled)
        {
            Checkout.State = SandboxCheckoutState.Paid;
            Checkout.PaidAt = clock.GetUtcNow().UtcDateTime;
            callbacks.Queue(Checkout, SandboxCallbacks.PaymentSucceeded);
        }
        else
        {
            Checkout.State = SandboxCheckoutState.Processing;
            if (!options.Value.OutOfOrder) callbacks.Queue(Checkout, SandboxCallbacks.PaymentProcessing);
            SettleSandboxCheckout.Queue(outbox, Checkout.Id, clock.GetUtcNow().UtcDateTime + options.Value.SettlementDelay);
        }
        if (!await SaveAsync(cancellationToken)) return Again(Checkout.Id);
        return Redirect(Checkout.ReturnUrl);
    }

    private async Task<IActionResult?> LoadAsync(string id, CancellationToken cancellationToken)
    {
        if (await db.Set<SandboxCheckout>().SingleOrDefaultAsync(c => c.Id == id, cancellationToken) is not { } checkout) return NotFound();
        Checkout = checkout;
        // Paid or being settled: back to the merchant, as a real hosted page does on a second visit.
        return checkout.State is SandboxCheckoutState.Paid or SandboxCheckoutState.Processing ? Redirect(checkout.ReturnUrl) : null;
    }

    /// <summary>False when a second click changed the checkout first.</summary>
    private async Task<bool> SaveAsync(CancellationToken cancellationToken)
    {
        Checkout.Revision++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private IActionResult Again(string id) => Redirect(Url.Content("~/sandbox-gateway/checkout/" + id));
}
