using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OneStop.Identity.Staff;
using OneStop.Payments.Refunds;
using OneStop.Platform.Localisation;
using OneStop.Platform.Web.Forms;

namespace OneStop.Office.Payments;

/// <summary>
/// One payment of the department: amount and how it was worked out, state, method, the provider's reference,
/// the application (linked to its case), every callback and what it did, refunds with their reasons, and the
/// audit trail. Supervisors and department administrators also get the refund form; its refund id is made when
/// the page is shown, so posting it twice makes one refund.
/// </summary>
[Authorize(Policy = StaffPolicies.Officer)]
public sealed class ShowModel(PaymentReader reader, RefundPayment refunds, Text text) : FormPageModel
{
    [BindProperty] public Guid RefundId { get; set; }
    [BindProperty] public int Revision { get; set; }
    [BindProperty] public string? Amount { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [TempData] public string? Done { get; set; }

    public PaymentDetails View { get; private set; } = null!;
    public bool MayRefund => RefundPayment.MayRefund(User);

    public async Task<IActionResult> OnGetAsync(string reference, int? attempt, CancellationToken cancellationToken) =>
        await ShowAsync(PaymentReader.Reference(reference, attempt), fresh: true, cancellationToken);

    public async Task<IActionResult> OnPostRefundAsync(string reference, int? attempt, CancellationToken cancellationToken)
    {
        // Officers see payments but may not refund: refused before anything is looked up.
        if (!MayRefund) return Forbid();
        var wanted = PaymentReader.Reference(reference, attempt);
        if (await reader.FindAsync(User, wanted, cancellationToken) is not { } payment) return NotFound();
        if (RefundId == Guid.Empty)
        {
            AddError("", text["payments.office.refund.error.stale"]);
            return await ShowAsync(wanted, fresh: true, cancellationToken);
        }
        switch (await refunds.ByOfficerAsync(User, payment.Id, new RefundInput(RefundId, Revision, Amount, Reason), cancellationToken))
        {
            case RefundOutcome.Done done:
                Done = done.Refund.State.ToString().ToLowerInvariant();
                return Redirect(Url.Content("~/office/payments/" + payment.Reference));
            case RefundOutcome.NotFound:
                return NotFound();
            case RefundOutcome.Forbidden:
                return Forbid();
            case RefundOutcome.Stale:
                AddError("", text["payments.office.refund.error.stale"]);
                return await ShowAsync(wanted, fresh: true, cancellationToken);
            case RefundOutcome.Invalid invalid:
                AddError(invalid.Field switch { "Amount" => "Amount", "Reason" => "Reason", _ => "" }, text["payments.office.refund.error." + invalid.Code]);
                return await ShowAsync(wanted, fresh: false, cancellationToken);
            default:
                return NotFound();
        }
    }

    /// <summary>
    /// The page. <paramref name="fresh"/>: a new refund id and the current revision (first visit, or the payment
    /// changed under the officer); otherwise the posted ones are kept, so correcting a typo is still the same refund.
    /// </summary>
    private async Task<IActionResult> ShowAsync(string reference, bool fresh, CancellationToken cancellationToken)
    {
        if (await reader.LoadAsync(User, reference, cancellationToken) is not { } view) return NotFound();
        View = view;
        if (fresh || RefundId == Guid.Empty)
        {
            RefundId = Guid.CreateVersion7();
            Revision = view.Payment.Revision;
            Amount ??= view.Refundable > 0 ? view.Refundable.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) : null;
            ModelState.Remove(nameof(RefundId));
            ModelState.Remove(nameof(Revision));
        }
        return Page();
    }

    public string Money(decimal amount) => $"HK${amount:#,0.00}";
}
