using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneStop.Catalogue.Demo;
using OneStop.Documents.Templates;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;

namespace OneStop.Documents.Demo;

/// <summary>
/// Documents for the demo services (development only, like the other demo data): the TD driving licence, the
/// AFCD import permit and the FEHD restaurant licence, and counters to collect them at. Illustrative wording and
/// validity, not the departments' own.
/// </summary>
public static class DemoDocuments
{
    public static readonly (string Service, string Department, string Json)[] Templates =
    [
        ("renew-full-driving-licence", "TD", """
            {
              "kind": "licence",
              "title": { "en": "Full driving licence", "zh-HK": "正式駕駛執照", "zh-CN": "正式驾驶执照" },
              "bilingual": true,
              "numberPrefix": "TD-DL",
              "validity": { "years": 10 },
              "holder": "answer:fullName",
              "fields": [
                { "label": { "en": "Vehicle classes", "zh-HK": "車輛類別", "zh-CN": "车辆类别" }, "from": "answer:classes" }
              ],
              "conditions": [
                { "en": "Carry this licence, or show it on your phone, whenever you drive.", "zh-HK": "駕駛時須攜帶本執照，或在手機出示。", "zh-CN": "驾驶时须携带本执照，或在手机出示。" }
              ],
              "reminderDays": [60, 14],
              "delivery": ["wallet", "post", "counter"],
              "counters": ["td-admiralty", "td-kowloon-bay"]
            }
            """),
        ("apply-for-a-permit-to-bring-in-a-dog-or-cat", "AFCD", """
            {
              "kind": "permit",
              "title": { "en": "Special permit to import a dog or cat", "zh-HK": "進口狗隻或貓隻特別許可證", "zh-CN": "进口狗只或猫只特别许可证" },
              "numberPrefix": "AFCD-SP",
              "validity": { "months": 6 },
              "holder": "answer:ownerName",
              "fields": [
                { "label": { "en": "Animal", "zh-HK": "動物", "zh-CN": "动物" }, "from": "answer:species" },
                { "label": { "en": "Breed", "zh-HK": "品種", "zh-CN": "品种" }, "from": "answer:breed" },
                { "label": { "en": "Microchip number", "zh-HK": "晶片號碼", "zh-CN": "芯片号码" }, "from": "answer:microchip" },
                { "label": { "en": "Expected arrival", "zh-HK": "預計抵港日期", "zh-CN": "预计抵港日期" }, "from": "answer:arrival" }
              ],
              "conditions": [
                { "en": "The animal must travel with its health certificate.", "zh-HK": "動物須連同健康證明書運送。", "zh-CN": "动物须连同健康证明书运送。" }
              ],
              "reminderDays": [14],
              "delivery": ["wallet"]
            }
            """),
        ("apply-for-a-general-restaurant-licence", "FEHD", """
            {
              "kind": "licence",
              "title": { "en": "General restaurant licence", "zh-HK": "普通食肆牌照", "zh-CN": "普通食肆牌照" },
              "bilingual": true,
              "numberPrefix": "FEHD-GR",
              "validity": { "years": 1 },
              "fields": [
                { "label": { "en": "Restaurant", "zh-HK": "食肆名稱", "zh-CN": "食肆名称" }, "from": "answer:restaurantName" },
                { "label": { "en": "Premises", "zh-HK": "處所", "zh-CN": "处所" }, "from": "answer:premisesAddress" },
                { "label": { "en": "Seats", "zh-HK": "座位數目", "zh-CN": "座位数目" }, "from": "answer:seats" },
                { "label": { "en": "Decision", "zh-HK": "決定", "zh-CN": "决定" }, "from": "decision.note" }
              ],
              "conditions": [
                { "en": "Display this licence at the entrance of the premises.", "zh-HK": "須在處所入口展示本牌照。", "zh-CN": "须在处所入口展示本牌照。" },
                { "en": "Keep the premises as shown on the approved layout plan.", "zh-HK": "處所須保持與核准平面圖相符。", "zh-CN": "处所须保持与核准平面图相符。" }
              ],
              "reminderDays": [60, 14],
              "delivery": ["wallet", "post", "counter"],
              "counters": ["fehd-queensway"]
            }
            """),
    ];

    /// <summary>Opening hours as <see cref="Counter.OpeningHours"/> holds them: weekday keys, each a list of HH:mm-HH:mm ranges.</summary>
    private const string OfficeHours = """{"mon":["09:00-13:00","14:00-17:00"],"tue":["09:00-13:00","14:00-17:00"],"wed":["09:00-13:00","14:00-17:00"],"thu":["09:00-13:00","14:00-17:00"],"fri":["09:00-13:00","14:00-17:00"],"sat":["09:00-12:00"]}""";

    public static readonly Counter[] Counters =
    [
        new()
        {
            Code = "td-admiralty", DepartmentCode = "TD", OpeningHours = OfficeHours, SlotMinutes = 30, SlotCapacity = 6,
            Name = new("Hong Kong Licensing Office", "香港牌照事務處", "香港牌照事务处"),
            Address = new("3/F, United Centre, 95 Queensway, Admiralty, Hong Kong", "香港金鐘金鐘道95號統一中心3樓", "香港金钟金钟道95号统一中心3楼"),
        },
        new()
        {
            Code = "td-kowloon-bay", DepartmentCode = "TD", OpeningHours = OfficeHours, SlotMinutes = 30, SlotCapacity = 4,
            Name = new("Kowloon Licensing Office", "九龍牌照事務處", "九龙牌照事务处"),
            Address = new("Kowloon Bay Government Offices, 10 Sheung Yuet Road, Kowloon Bay, Kowloon", "九龍九龍灣常悅道10號九龍灣政府合署", "九龙九龙湾常悦道10号九龙湾政府合署"),
        },
        new()
        {
            Code = "fehd-queensway", DepartmentCode = "FEHD", OpeningHours = OfficeHours, SlotMinutes = 30, SlotCapacity = 3,
            Name = new("Licensing Office (Hong Kong and Islands)", "牌照辦事處（港島及離島）", "牌照办事处（港岛及离岛）"),
            Address = new("Queensway Government Offices, 66 Queensway, Admiralty, Hong Kong", "香港金鐘道66號金鐘道政府合署", "香港金钟道66号金钟道政府合署"),
        },
    ];

    public static async Task SeedIfMissingAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        if (!services.GetRequiredService<IOptions<DemoOptions>>().Value.Seed) return;
        if (!services.GetRequiredService<IHostEnvironment>().IsDevelopment()) return;
        await SeedAsync(services, cancellationToken);
    }

    /// <summary>Adds each demo counter and template whose department and service exist and have none yet.</summary>
    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        // Counters first: a template names the counters it can be collected at, and they must exist.
        await SeedCountersAsync(services, cancellationToken);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDb>();
        var templates = scope.ServiceProvider.GetRequiredService<DocumentTemplates>();
        foreach (var (slug, department, json) in Templates)
        {
            if (await db.Set<DocumentTemplate>().AnyAsync(t => t.ServiceSlug == slug, cancellationToken)) continue;
            if (!await db.Services.AnyAsync(s => s.Slug == slug && s.Department.Code == department, cancellationToken)) continue;
            var definition = DocumentJson.Parse(json, out var error) ?? throw new InvalidOperationException($"Demo document {slug}: {error}");
            await templates.SaveAsync(slug, department, definition, Guid.Empty, cancellationToken);
        }
    }

    /// <summary>Adds each demo counter whose department exists and that is not there yet.</summary>
    public static async Task SeedCountersAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDb>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        foreach (var counter in Counters)
        {
            if (await db.Set<Counter>().AnyAsync(c => c.Code == counter.Code, cancellationToken)) continue;
            if (!await db.Departments.AnyAsync(d => d.Code == counter.DepartmentCode, cancellationToken)) continue;
            db.Add(new Counter
            {
                Code = counter.Code, DepartmentCode = counter.DepartmentCode, Name = counter.Name, Address = counter.Address,
                OpeningHours = counter.OpeningHours, SlotMinutes = counter.SlotMinutes, SlotCapacity = counter.SlotCapacity, UpdatedAt = now,
            });
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
