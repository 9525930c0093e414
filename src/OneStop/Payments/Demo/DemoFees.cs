using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneStop.Catalogue.Demo;
using OneStop.Forms.Store;
using OneStop.Payments.Fees;
using OneStop.Platform.Database;

namespace OneStop.Payments.Demo;

/// <summary>
/// Fee schedules for the demo services that take applications, so a local run shows both timings: the dog or cat
/// import permit and the driving licence renewal are paid on submission (the permit refunded if refused, the licence
/// with an illustrative senior concession), and the restaurant licence on approval, in tiers by floor area. Seeded in
/// Development only (tests submit these demo forms and expect them free); a schedule that exists is never changed.
/// </summary>
public static class DemoFees
{
    public static readonly (string Service, string Department, string Json)[] All =
    [
        ("apply-for-a-permit-to-bring-in-a-dog-or-cat", "AFCD", """
            {
              "when": "submission",
              "refundOnRejection": true,
              "items": [
                { "id": "permit", "name": { "en": "Special permit to import a dog or cat", "zh-HK": "輸入狗隻或貓隻特別許可證", "zh-CN": "输入狗只或猫只特别许可证" }, "amount": 432 }
              ]
            }
            """),
        ("renew-full-driving-licence", "TD", """
            {
              "when": "submission",
              "items": [
                { "id": "ten-year", "name": { "en": "Full driving licence, 10 years", "zh-HK": "正式駕駛執照（10 年）", "zh-CN": "正式驾驶执照（10 年）" },
                  "amount": 900, "when": { "field": "period", "equals": "ten" } },
                { "id": "short-term", "name": { "en": "Full driving licence, up to 3 years (aged 70 or over)", "zh-HK": "正式駕駛執照（最多 3 年，年滿 70 歲）", "zh-CN": "正式驾驶执照（最多 3 年，年满 70 岁）" },
                  "amount": 50, "when": { "field": "period", "equals": "short" } }
              ],
              "concessions": [
                { "id": "senior", "name": { "en": "Senior citizen concession (aged 65 or over)", "zh-HK": "長者優惠（年滿 65 歲）", "zh-CN": "长者优惠（年满 65 岁）" },
                  "when": { "field": "profile.age", "atLeast": 65 }, "percentOff": 50, "items": ["ten-year"] }
              ]
            }
            """),
        ("apply-for-a-general-restaurant-licence", "FEHD", """
            {
              "when": "approval",
              "items": [
                { "id": "licence", "name": { "en": "General restaurant licence, first year", "zh-HK": "普通食肆牌照（首年）", "zh-CN": "普通食肆牌照（首年）" },
                  "tierFrom": "floorArea",
                  "tiers": [ { "upTo": 50, "amount": 3000 }, { "upTo": 150, "amount": 5200 }, { "upTo": 500, "amount": 8600 }, { "amount": 13400 } ] }
              ]
            }
            """),
    ];

    public static async Task SeedIfMissingAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        if (!services.GetRequiredService<IOptions<DemoOptions>>().Value.Seed) return;
        if (!services.GetRequiredService<IHostEnvironment>().IsDevelopment()) return;
        await SeedAsync(services, cancellationToken);
    }

    /// <summary>Saves each demo schedule whose service exists and has none yet; a schedule its form cannot carry is a bug here, so it throws.</summary>
    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDb>();
        var schedules = scope.ServiceProvider.GetRequiredService<FeeSchedules>();
        var forms = scope.ServiceProvider.GetRequiredService<FormStore>();
        foreach (var (slug, department, json) in All)
        {
            if (await db.Set<FeeSchedule>().AnyAsync(f => f.ServiceSlug == slug, cancellationToken)) continue;
            // The demo catalogue may have been replaced by an import without this service or department.
            var formId = await db.Services.Where(s => s.Slug == slug && s.Department.Code == department).Select(s => s.StartFormId).SingleOrDefaultAsync(cancellationToken);
            if (formId is null || await forms.CurrentAsync(formId, cancellationToken) is not { } form) continue;
            var fees = FeeJson.Parse(json, out var error) ?? throw new InvalidOperationException($"Demo fees {slug}: {error}");
            var fields = form.Definition.AllFields.Select(f => f.Id).ToHashSet();
            if (FeeCheck.Run(fees, fields) is [var problem, ..]) throw new InvalidOperationException($"Demo fees {slug}: {problem.Code} at {problem.Path}");
            // No person made these: the empty id stands for the system in the audit log.
            await schedules.SaveAsync(slug, department, fees, Guid.Empty, cancellationToken);
        }
    }
}
