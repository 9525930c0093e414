using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OneStop.Forms.Filling;
using OneStop.Platform.Database;

namespace OneStop.Payments.Fees;

/// <summary>Forms' <see cref="IFeePreview"/>: the service's schedule quoted for the answers as they stand, as <see cref="Charges"/> will.</summary>
public sealed class FeePreviews(OneStopDb db, FeeSchedules schedules) : IFeePreview
{
    public async Task<FeePreview?> PreviewAsync(string? serviceSlug, string formId, JsonObject answers, Guid? applicantId, CancellationToken cancellationToken)
    {
        // A draft started outside a service page has no slug: the service the form starts, as Charges finds it.
        var slug = serviceSlug ?? await db.Services.Where(s => s.StartFormId == formId).OrderBy(s => s.Id).Select(s => s.Slug).FirstOrDefaultAsync(cancellationToken);
        if (await schedules.ForServiceAsync(slug, cancellationToken) is not { } fees) return null;
        var quote = await schedules.QuoteAsync(fees, answers, applicantId, cancellationToken);
        if (quote.Lines.Count == 0) return null;
        return new FeePreview(fees.When == PaymentTiming.Approval, quote.Total,
            quote.Lines.Select(l => new FeePreviewLine(l.Name, l.Quantity, l.UnitAmount, l.ConcessionName, l.Discount, l.Amount)).ToList());
    }
}
