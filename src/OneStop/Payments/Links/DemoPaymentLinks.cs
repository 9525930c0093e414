using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneStop.Catalogue.Demo;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;

namespace OneStop.Payments.Links;

/// <summary>
/// Two demo payment items for a local run (Development with demo data on): a Water Supplies Department bill
/// paid with its 11-digit account number, and a Transport Department fixed penalty ticket. Added when missing,
/// for departments that exist; never changes an item an administrator edited.
/// </summary>
public static class DemoPaymentLinks
{
    internal static readonly PaymentLinkItem[] Items =
    [
        new()
        {
            Code = "wsd-water-bill",
            DepartmentCode = "WSD",
            Title = new("Water and sewage charges bill", "水費及排污費賬單", "水费及排污费账单"),
            Description = new(
                "Pay a water bill. The account number is at the top of your bill.",
                "繳付水費單。賬戶號碼印於水費單上方。",
                "缴付水费单。账户号码印在水费单上方。"),
            Amount = 286.40m,
            ReferenceLabel = new("Account number", "賬戶號碼", "账户号码"),
            ReferencePattern = @"\d{11}",
            Active = true,
        },
        new()
        {
            Code = "td-fixed-penalty",
            DepartmentCode = "TD",
            Title = new("Fixed penalty ticket (parking)", "定額罰款通知書（泊車）", "定额罚款通知书（泊车）"),
            Description = new(
                "Pay a fixed penalty for a parking offence within 21 days of the ticket's date.",
                "請於告票日期起計 21 天內繳付泊車違例定額罰款。",
                "请于告票日期起 21 天内缴付泊车违例定额罚款。"),
            Amount = 400m,
            ReferenceLabel = new("Ticket number", "告票號碼", "告票号码"),
            ReferencePattern = @"[A-Z]{2}\d{8}",
            Active = true,
        },
    ];

    public static async Task SeedIfMissingAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        if (!services.GetRequiredService<IOptions<DemoOptions>>().Value.Seed || !services.GetRequiredService<IHostEnvironment>().IsDevelopment()) return;
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDb>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        foreach (var demo in Items)
        {
            if (await db.Set<PaymentLinkItem>().AnyAsync(i => i.Code == demo.Code, cancellationToken)) continue;
            // The demo catalogue may have been replaced by an import without this department.
            if (!await db.Departments.AnyAsync(d => d.Code == demo.DepartmentCode, cancellationToken)) continue;
            db.Add(new PaymentLinkItem
            {
                Id = Guid.CreateVersion7(),
                Code = demo.Code, DepartmentCode = demo.DepartmentCode, Title = demo.Title, Description = demo.Description,
                Amount = demo.Amount, ReferenceLabel = demo.ReferenceLabel, ReferencePattern = demo.ReferencePattern, Active = true,
                CreatedAt = now, UpdatedAt = now,
            });
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
