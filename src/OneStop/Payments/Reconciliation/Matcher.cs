using OneStop.Payments.Providers;

namespace OneStop.Payments.Reconciliation;

/// <summary>
/// Money OneStop says moved that day: a payment that succeeded (<see cref="RefundId"/> null), or a refund that
/// succeeded. <see cref="ProviderReference"/> is the payment's checkout id, or the refund's id at the provider.
/// </summary>
public sealed record OurMove(Guid PaymentId, string PaymentReference, string DepartmentCode, Guid? RefundId, string? ProviderReference,
    decimal Amount, string Currency)
{
    public string LineKind => RefundId is null ? "payment" : "refund";
}

/// <summary>A payment OneStop knows, for naming the department of a provider line that matched nothing of the day.</summary>
public sealed record KnownPayment(Guid Id, string Reference, string DepartmentCode, string? ProviderReference);

/// <summary>One result of the comparison: what it is, whose it is, and both amounts (positive) where there are two.</summary>
public sealed record MatchResult(MatchKind Kind, string LineKind, Guid? PaymentId, string? PaymentReference, Guid? RefundId, string? DepartmentCode,
    string? ProviderReference, decimal? OneStopAmount, decimal? ProviderAmount, string? Currency);

/// <summary>
/// Compares a provider's settlement lines for a day with OneStop's own record of that day, pure. A payment line
/// matches our payment by our payment id (echoed by the provider) or else by the checkout id; a refund line
/// matches our refund by the provider's refund id, or else by payment and amount. Each side is used once, so a
/// line that appears twice shows once as matched and once as missing in OneStop.
/// </summary>
public static class Matcher
{
    public static IReadOnlyList<MatchResult> Run(IReadOnlyList<OurMove> ours, IReadOnlyList<SettlementLine> lines, IReadOnlyCollection<KnownPayment> known)
    {
        var open = ours.ToList();
        var results = new List<MatchResult>();
        foreach (var line in lines.OrderBy(l => l.SettledAt).ThenBy(l => l.ProviderReference, StringComparer.Ordinal))
        {
            var amount = Math.Abs(line.Amount);
            var mine = line.Kind == "refund"
                ? open.FirstOrDefault(m => m.RefundId is not null && m.ProviderReference == line.ProviderReference)
                  ?? open.FirstOrDefault(m => m.RefundId is not null && m.PaymentId == line.PaymentId && m.Amount == amount)
                : open.FirstOrDefault(m => m.RefundId is null && line.PaymentId is { } id && m.PaymentId == id)
                  ?? open.FirstOrDefault(m => m.RefundId is null && m.ProviderReference == line.ProviderReference);
            if (mine is null)
            {
                var payment = known.FirstOrDefault(k => line.PaymentId is { } id && k.Id == id)
                    ?? (line.Kind == "payment" ? known.FirstOrDefault(k => k.ProviderReference == line.ProviderReference) : null);
                results.Add(new MatchResult(MatchKind.MissingInOneStop, line.Kind == "refund" ? "refund" : "payment", payment?.Id ?? line.PaymentId,
                    payment?.Reference, null, payment?.DepartmentCode, line.ProviderReference, null, amount, line.Currency));
                continue;
            }
            open.Remove(mine);
            var same = mine.Amount == amount && string.Equals(mine.Currency, line.Currency, StringComparison.OrdinalIgnoreCase);
            results.Add(new MatchResult(same ? MatchKind.Matched : MatchKind.AmountMismatch, mine.LineKind, mine.PaymentId, mine.PaymentReference,
                mine.RefundId, mine.DepartmentCode, line.ProviderReference, mine.Amount, amount, line.Currency));
        }
        results.AddRange(open.Select(m => new MatchResult(MatchKind.MissingAtProvider, m.LineKind, m.PaymentId, m.PaymentReference, m.RefundId,
            m.DepartmentCode, m.ProviderReference, m.Amount, null, m.Currency)));
        return results;
    }
}
