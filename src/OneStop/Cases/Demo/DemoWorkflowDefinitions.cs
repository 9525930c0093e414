using OneStop.Cases.Workflows;
using OneStop.Forms.Definitions;

namespace OneStop.Cases.Demo;

/// <summary>
/// Workflows for the demo services that take applications (Forms/Demo/DemoForms.cs Links), shaped on how
/// the departments describe their work. Pledges are the catalogue's (what the public is told); state targets
/// follow the departments' published step pledges where there are some.
/// </summary>
public static class DemoWorkflowDefinitions
{
    public const string RestaurantLicence = "apply-for-a-general-restaurant-licence";
    public const string DrivingLicence = "renew-full-driving-licence";
    public const string FoodComplaint = "report-a-food-safety-or-hygiene-problem";
    public const string PetPermit = "apply-for-a-permit-to-bring-in-a-dog-or-cat";

    /// <summary>Each demo workflow with its service and department.</summary>
    public static IReadOnlyList<(string Service, string Department, WorkflowDefinition Definition)> All =>
    [
        (RestaurantLicence, "FEHD", Restaurant()),
        (DrivingLicence, "TD", Driving()),
        (FoodComplaint, "FEHD", Complaint()),
        (PetPermit, "AFCD", Pet()),
    ];

    private static Words W(string en, string zhHk, string zhCn) => new() { En = en, ZhHk = zhHk, ZhCn = zhCn };

    private static StateDefinition Approved() => new() { Id = "approved", End = Outcome.Approved, Name = W("Approved", "已批准", "已批准") };

    private static StateDefinition Rejected() => new() { Id = "rejected", End = Outcome.Rejected, Name = W("Not approved", "不獲批准", "不获批准") };

    private static ActionDefinition Reject(params string[] from) => new()
    {
        Id = "reject", From = from, To = "rejected", Role = "officer", Notify = "case.rejected",
        Requires = new Requirements { Reason = true },
        Name = W("Reject", "拒絕", "拒绝"),
    };

    /// <summary>
    /// FEHD's restaurant licence: its performance pledge (A Guide to Application for Restaurant Licences) screens
    /// the plans within 10 working days, holds the vetting panel and inspections within 20, and issues the
    /// licence within 7 of confirming compliance; the catalogue pledges 42 working days in all. Time the
    /// applicant spends on fitting-out works is time "waiting for the applicant" and does not count.
    /// </summary>
    public static WorkflowDefinition Restaurant() => new()
    {
        Start = "document-check",
        Pledge = new Pledge { WorkingDays = 42, Percent = 95 },
        States =
        [
            new StateDefinition
            {
                Id = "document-check", WorkingDays = 10,
                Name = W("Document check", "文件審核", "文件审核"),
                Explanation = W("We are checking your layout plan and documents.", "我們正在審核你的平面圖及文件。", "我们正在审核你的平面图及文件。"),
            },
            new StateDefinition
            {
                Id = "site-inspection", WorkingDays = 20,
                Name = W("Site inspection", "實地視察", "实地视察"),
                Explanation = W("A health inspector will contact you to arrange a visit to the premises.", "衞生督察會聯絡你安排視察處所。", "卫生督察会联系你安排视察处所。"),
            },
            new StateDefinition
            {
                Id = "approval", WorkingDays = 7,
                Name = W("Waiting for approval", "等待批核", "等待批核"),
                Explanation = W("The premises passed inspection. A supervisor is deciding on the licence.", "處所已通過視察，主管正在審批牌照。", "处所已通过视察，主管正在审批牌照。"),
            },
            Approved(),
            Rejected(),
        ],
        Actions =
        [
            new ActionDefinition
            {
                Id = "documents-complete", From = ["document-check"], To = "site-inspection", Role = "officer",
                Name = W("Documents complete", "文件齊全", "文件齐全"),
            },
            new ActionDefinition
            {
                Id = "inspection-passed", From = ["site-inspection"], To = "approval", Role = "officer",
                Requires = new Requirements { Note = true },
                Name = W("Inspection passed", "視察合格", "视察合格"),
            },
            new ActionDefinition
            {
                Id = "send-back", From = ["approval"], To = "site-inspection", Role = "supervisor",
                Requires = new Requirements { Note = true },
                Name = W("Inspect again", "重新視察", "重新视察"),
            },
            new ActionDefinition
            {
                Id = "approve", From = ["approval"], To = "approved", Role = "supervisor", Notify = "case.approved",
                Name = W("Grant the licence", "批出牌照", "批出牌照"),
            },
            Reject("document-check", "site-inspection", "approval"),
        ],
    };

    /// <summary>TD's renewal: the applicant's record and medical declaration are verified, then the renewal approved (10 working days).</summary>
    public static WorkflowDefinition Driving() => new()
    {
        Start = "verification",
        Pledge = new Pledge { WorkingDays = 10, Percent = 95 },
        States =
        [
            new StateDefinition
            {
                Id = "verification", WorkingDays = 5,
                Name = W("Verification", "核實資料", "核实资料"),
                Explanation = W("We are checking your driving record and health declaration.", "我們正在核對你的駕駛記錄及健康申報。", "我们正在核对你的驾驶记录及健康申报。"),
            },
            new StateDefinition
            {
                Id = "approval", WorkingDays = 5,
                Name = W("Waiting for approval", "等待批核", "等待批核"),
                Explanation = W("Your details are confirmed. A supervisor is approving the renewal.", "你的資料已確認，主管正在批核續期。", "你的资料已确认，主管正在批核续期。"),
            },
            Approved(),
            Rejected(),
        ],
        Actions =
        [
            new ActionDefinition { Id = "verified", From = ["verification"], To = "approval", Role = "officer", Name = W("Details verified", "資料已核實", "资料已核实") },
            new ActionDefinition
            {
                Id = "approve", From = ["approval"], To = "approved", Role = "supervisor", Notify = "case.approved",
                Name = W("Renew the licence", "批准續期", "批准续期"),
            },
            Reject("verification", "approval"),
        ],
    };

    /// <summary>FEHD's complaint handling: an inspector investigates, then the complainant is told what was done (10 working days).</summary>
    public static WorkflowDefinition Complaint() => new()
    {
        Start = "investigation",
        Pledge = new Pledge { WorkingDays = 10, Percent = 90 },
        States =
        [
            new StateDefinition
            {
                Id = "investigation", WorkingDays = 7,
                Name = W("Investigation", "調查中", "调查中"),
                Explanation = W("A health inspector is looking into your report.", "衞生督察正在跟進你的舉報。", "卫生督察正在跟进你的举报。"),
            },
            new StateDefinition
            {
                Id = "reply", WorkingDays = 3,
                Name = W("Preparing our reply", "準備回覆", "准备回复"),
                Explanation = W("The investigation is done. We are writing to tell you what we found and did.", "調查已完成，我們正準備回覆你調查結果及跟進行動。", "调查已完成，我们正准备回复你调查结果及跟进行动。"),
            },
            new StateDefinition { Id = "closed", End = Outcome.Closed, Name = W("Closed", "已完結", "已完结") },
        ],
        Actions =
        [
            new ActionDefinition
            {
                Id = "investigated", From = ["investigation"], To = "reply", Role = "officer",
                Requires = new Requirements { Note = true },
                Name = W("Investigation done", "調查完成", "调查完成"),
            },
            new ActionDefinition
            {
                Id = "send-reply", From = ["reply"], To = "closed", Role = "officer", Notify = "case.moved",
                Requires = new Requirements { Reason = true },
                Name = W("Send the reply", "發出回覆", "发出回复"),
            },
            new ActionDefinition
            {
                Id = "no-action", From = ["investigation"], To = "closed", Role = "supervisor", Notify = "case.moved",
                Requires = new Requirements { Reason = true },
                Name = W("Close without action", "不採取行動並完結", "不采取行动并完结"),
            },
        ],
    };

    /// <summary>AFCD's special permit to import a dog or cat: documents and vaccination checked, permit issued (5 working days).</summary>
    public static WorkflowDefinition Pet() => new()
    {
        Start = "checking",
        Pledge = new Pledge { WorkingDays = 5, Percent = 95 },
        States =
        [
            new StateDefinition
            {
                Id = "checking", WorkingDays = 5,
                Name = W("Checking", "審核中", "审核中"),
                Explanation = W("We are checking the animal's health certificate and vaccination.", "我們正在審核動物的健康證明書及疫苗接種記錄。", "我们正在审核动物的健康证明书及疫苗接种记录。"),
            },
            Approved(),
            Rejected(),
        ],
        Actions =
        [
            new ActionDefinition
            {
                Id = "issue-permit", From = ["checking"], To = "approved", Role = "officer", Notify = "case.approved",
                Name = W("Issue the permit", "簽發許可證", "签发许可证"),
            },
            Reject("checking"),
        ],
    };
}
