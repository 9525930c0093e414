using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using OneStop.Forms.Definitions;
using OneStop.Payments.Engine;
using OneStop.Payments.Fees;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;
using OneStop.Platform.References;

namespace OneStop.Payments.Links;

/// <summary>
/// Starts the payment for a payment item: the item's amount (nothing the browser sends), the reference the
/// payer typed, and where the receipt goes. The page's form carries a random token, and the payment's
/// idempotency key names it (<c>link:{code}:{token}:1</c>), so a double click, or a resent form, makes one payment.
/// </summary>
public sealed partial class LinkPayments(OneStopDb db, PaymentActions actions, ReferenceNumbers references, PaymentText text)
{
    public static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool IsToken(string? token) => token is not null && TokenShape().IsMatch(token);

    public async Task<Payment> StartAsync(PaymentLinkItem item, string reference, string? email, Guid? payerId, string? token, Language language,
        CancellationToken cancellationToken)
    {
        var current = IsToken(token) ? token! : NewToken();
        for (var attempt = 0; ; attempt++)
        {
            var key = $"link:{item.Code}:{current}:1";
            if (await db.Set<Payment>().SingleOrDefaultAsync(p => p.IdempotencyKey == key, cancellationToken) is { } earlier)
            {
                // The same form sent twice: the payment it made. The same token with other details (the form
                // kept by the browser's back button, then changed) is a new payment.
                if (earlier.PayerReference == reference && earlier.PayerId == payerId
                    && (payerId is not null || text.UnprotectOrNull(earlier.PayerEmail) == email)) return earlier;
                current = NewToken();
                continue;
            }
            var payment = actions.New(PaymentPurpose.Link, await references.NextAsync(Charges.ReferencePrefix, cancellationToken), item.DepartmentCode,
                item.Amount, LinesJson(item), key, 1, language.Tag());
            payment.LinkCode = item.Code;
            payment.PayerReference = reference;
            payment.PayerId = payerId;
            // An account holder's receipt goes to their account's address, read when it is sent.
            payment.PayerEmail = payerId is null && email is not null ? text.Protect(email) : null;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return payment;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // The other click saved first: the next turn finds its payment.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>One line, the item as it reads today: the receipt shows what was paid for even after the item is edited.</summary>
    public static string LinesJson(PaymentLinkItem item) => FeeSchedules.LinesJson(new FeeQuote(
    [
        new FeeLine("link", new Words { En = item.Title.En, ZhHk = item.Title.ZhHk, ZhCn = item.Title.ZhCn }, null, null, item.Amount, null, null, 0),
    ]));

    [GeneratedRegex("^[A-Za-z0-9_-]{16,64}$")]
    private static partial Regex TokenShape();
}
