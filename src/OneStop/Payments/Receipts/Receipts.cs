using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OneStop.Forms.Acknowledgement;
using OneStop.Forms.Answers;
using OneStop.Payments.Engine;
using OneStop.Payments.Fees;
using OneStop.Payments.Links;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;

namespace OneStop.Payments.Receipts;

/// <summary>
/// A paid payment's receipt as a PDF in a language: OneStop and the department, the payment's reference, what
/// it paid for (the application, or the payment item and the reference typed), when (Hong Kong time) and how,
/// each fee line and concession as the payment page shows them, the total in HKD and what has been refunded
/// so far. Made on request and for the email; never stored.
/// </summary>
public sealed class Receipts(OneStopDb db, Text text, TimeProvider clock)
{
    public async Task<byte[]> RenderAsync(Payment payment, Language language, CancellationToken cancellationToken)
    {
        if (!PaymentMoves.IsPaid(payment.State)) throw new InvalidOperationException("Only a paid payment has a receipt.");
        string Say(string key, params object?[] args) =>
            args.Length == 0 ? text.Get(language, key) : string.Format(language.Culture(), text.Get(language, key), args);

        var department = await db.Departments.AsNoTracking().Where(d => d.Code == payment.DepartmentCode).Select(d => d.Name).FirstOrDefaultAsync(cancellationToken);
        var departmentName = department?[language] is { Length: > 0 } name ? name : payment.DepartmentCode;
        var facts = new List<ReceiptPair> { new(Say("payments.receipts.paymentReference"), payment.Reference) };
        if (payment.ApplicationReference is { } application) facts.Add(new(Say("payments.receipts.applicationReference"), application));
        if (payment.LinkCode is { } code)
        {
            var item = await db.Set<PaymentLinkItem>().AsNoTracking().Where(i => i.Code == code)
                .Select(i => new { i.Title, i.ReferenceLabel }).FirstOrDefaultAsync(cancellationToken);
            // The title as it was when paid (the payment's own line), not as it reads after an edit.
            var lines = FeeSchedules.ReadLines(payment.Lines);
            facts.Add(new(Say("payments.receipts.paidFor"), lines.FirstOrDefault()?.Name[language] ?? item?.Title[language] ?? code));
            if (payment.PayerReference is { } typed)
                facts.Add(new(item?.ReferenceLabel[language] is { Length: > 0 } label ? label : Say("payments.receipts.payerReference"), typed));
        }
        if (payment.SucceededAt is { } paidAt) facts.Add(new(Say("payments.receipts.paidAt"), Say("payments.receipts.hongKongTime", Times.Long(paidAt, language))));
        if (payment.Method is { } method) facts.Add(new(Say("payments.receipts.method"), MethodName(language, method)));

        var receiptLines = FeeSchedules.ReadLines(payment.Lines).Select(line =>
        {
            var details = new List<string>();
            if (line.Quantity is { } quantity && line.UnitAmount is { } unit)
                details.Add(Say("payments.page.perUnit", quantity.ToString("0.##", CultureInfo.InvariantCulture), Money(unit)));
            if (line.ConcessionName is { } concession) details.Add(Say("payments.page.concession", concession[language], Money(line.Discount)));
            return new ReceiptLine(line.Name[language], details, Money(line.Amount));
        }).ToList();
        var after = new List<ReceiptPair>();
        if (payment.RefundedAmount > 0)
        {
            after.Add(new(Say("payments.receipts.refunded"), "−" + Money(payment.RefundedAmount)));
            after.Add(new(Say("payments.receipts.kept"), Money(payment.Amount - payment.RefundedAmount)));
        }

        var now = clock.GetUtcNow();
        return ReceiptPdf.Render(new ReceiptDocument(language, departmentName, Say("payments.receipts.title"), facts,
            Say("payments.receipts.item"), Say("payments.receipts.amount"), receiptLines,
            Say("payments.receipts.total"), Money(payment.Amount), after,
            Say("payments.receipts.footer", departmentName, Times.Long(now.UtcDateTime, language)))
        {
            Created = now,
        });
    }

    /// <summary>The file's name: the reference, with a second attempt's "/2" made safe for a file system.</summary>
    public static string FileName(Payment payment) => $"receipt-{payment.Reference.Replace('/', '-')}.pdf";

    public string MethodName(Language language, string method) =>
        text.Get(language, "payments.receipts.method." + method) is var name && !name.StartsWith('[') ? name : method;

    private static string Money(decimal amount) => AnswerSummary.Money(amount);
}
