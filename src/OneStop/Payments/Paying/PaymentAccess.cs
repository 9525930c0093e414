using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OneStop.Identity;
using OneStop.Platform.Database;

namespace OneStop.Payments.Paying;

/// <summary>
/// Who may open a payment's pages: the account it belongs to, or, for a payment without an account (a guest's
/// application, a payment link), whoever holds its key. Anyone else gets null, which pages answer with 404.
/// </summary>
public sealed class PaymentAccess(OneStopDb db)
{
    public async Task<Payment?> FindAsync(ClaimsPrincipal user, Guid id, string? key, bool tracked, CancellationToken cancellationToken)
    {
        var query = tracked ? db.Set<Payment>() : db.Set<Payment>().AsNoTracking();
        var payment = await query.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        return payment is not null && Allowed(payment, user, key) ? payment : null;
    }

    public static bool Allowed(Payment payment, ClaimsPrincipal user, string? key) =>
        payment.PayerId is { } payer
            ? user.UserId() == payer
            : key is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(payment.AccessKey));
}
