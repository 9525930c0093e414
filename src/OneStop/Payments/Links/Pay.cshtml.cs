using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OneStop.Identity;
using OneStop.Payments.Engine;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;
using OneStop.Platform.Web.Forms;

namespace OneStop.Payments.Links;

/// <summary>
/// /pay/{code}: the payer types the reference on their bill or notice (checked against the item's pattern)
/// and, without an account, an email address for the receipt; then pays on the payment page. The amount is
/// the item's: the form has no amount, and anything posted as one is not read.
/// </summary>
public sealed class PayModel(OneStopDb db, LinkPayments payments, Text text) : FormPageModel
{
    public PaymentLinkItem Item { get; private set; } = null!;
    public LocalisedText? Department { get; private set; }
    public bool SignedIn => User.UserId() is not null;

    [BindProperty] public string? Reference { get; set; }
    [BindProperty] public string? Email { get; set; }
    /// <summary>Made when the form is shown; names the payment, so a double click makes one.</summary>
    [BindProperty] public string? FormToken { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(code, cancellationToken)) return NotFound();
        FormToken = LinkPayments.NewToken();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(code, cancellationToken)) return NotFound();
        var language = Languages.Current;
        var label = Item.ReferenceLabel[language];
        var reference = LinkRules.NormaliseReference(Reference);
        if (reference.Length == 0) AddError(nameof(Reference), text["payments.links.pay.error.referenceMissing", label]);
        else if (reference.Length > LinkRules.ReferenceMaxLength || !LinkRules.Matches(Item.ReferencePattern, reference))
            AddError(nameof(Reference), text["payments.links.pay.error.reference", label]);
        var email = Email?.Trim();
        if (!SignedIn)
        {
            if (string.IsNullOrEmpty(email)) AddError(nameof(Email), text["payments.links.pay.error.emailMissing"]);
            else if (!Identity.Account.EmailAddress.IsValid(email)) AddError(nameof(Email), text["payments.links.pay.error.email"]);
        }
        if (!LinkPayments.IsToken(FormToken)) FormToken = LinkPayments.NewToken();
        if (HasErrors) return Page();

        var payment = await payments.StartAsync(Item, reference, SignedIn ? null : email, User.UserId(), FormToken, language, cancellationToken);
        return Redirect(Url.Content("~" + PaymentPaths.Page(payment)));
    }

    private async Task<bool> LoadAsync(string code, CancellationToken cancellationToken)
    {
        if (!LinkRules.IsCode(code)) return false;
        if (await db.Set<PaymentLinkItem>().AsNoTracking().SingleOrDefaultAsync(i => i.Code == code && i.Active, cancellationToken) is not { } item) return false;
        Item = item;
        Department = await db.Departments.AsNoTracking().Where(d => d.Code == item.DepartmentCode).Select(d => d.Name).FirstOrDefaultAsync(cancellationToken);
        return true;
    }
}
