using Microsoft.Extensions.DependencyInjection;
using OneStop.Payments.Links;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;

namespace OneStop.Tests.Payments.Links;

/// <summary>Payment items arranged directly (what the office pages save), one per test with its own code.</summary>
public static class LinkSteps
{
    public static string NewCode(string prefix = "wsd") => $"{prefix}-{Guid.NewGuid():N}"[..20];

    /// <summary>A water bill of HK$286.40 paid with an 11-digit account number.</summary>
    public static async Task<PaymentLinkItem> ItemAsync(this OneStopApp app, string? code = null, string department = "WSD", decimal amount = 286.40m,
        string pattern = @"\d{11}", bool active = true)
    {
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var item = new PaymentLinkItem
        {
            Id = Guid.NewGuid(),
            Code = code ?? NewCode(department.ToLowerInvariant()),
            DepartmentCode = department,
            Title = new LocalisedText("Water bill", "水費單", "水费单"),
            Description = new LocalisedText("Pay your water bill.", "繳付水費單。", "缴付水费单。"),
            Amount = amount,
            ReferenceLabel = new LocalisedText("Account number", "賬戶號碼", "账户号码"),
            ReferencePattern = pattern,
            Active = active,
            CreatedAt = now,
            UpdatedAt = now,
        };
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDb>();
        db.Add(item);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return item;
    }
}
