using OneStop.Platform.Localisation;

namespace OneStop.Notifications.Templates;

/// <summary>One event's wording in one language: subject and body for email and inbox, and the short SMS text.</summary>
public sealed record TemplateText(string Subject, string Body, string Sms);

/// <summary>
/// The wording OneStop ships for every event, in the three languages. Kept in code (not seeded rows) so that
/// a new release's wording reaches every installation; platform administrators override it with rows of
/// their own (department null), departments with theirs.
/// </summary>
public static class DefaultTemplates
{
    /// <summary>Events whose recipient is a member of staff, not an applicant.</summary>
    public static readonly IReadOnlySet<string> StaffFacing = new HashSet<string> { NotificationEvents.CaseEscalated, NotificationEvents.PaymentsMismatched };

    /// <summary>Every event, in the order of a case's life (the back office lists them so).</summary>
    public static readonly IReadOnlyList<string> Events =
    [
        NotificationEvents.CaseReceived, NotificationEvents.CaseMoved, NotificationEvents.CaseInformationRequested,
        NotificationEvents.CaseResubmitted, NotificationEvents.CaseApproved, NotificationEvents.CaseRejected,
        NotificationEvents.CaseWithdrawn, NotificationEvents.CaseEscalated, NotificationEvents.CasePaymentDue,
        NotificationEvents.PaymentReceived, NotificationEvents.PaymentRefunded, NotificationEvents.PaymentsMismatched,
        NotificationEvents.DocumentIssued, NotificationEvents.DocumentRevoked, NotificationEvents.DocumentExpiring,
        NotificationEvents.AppointmentBooked, NotificationEvents.AppointmentCancelled,
    ];

    public static TemplateText? For(string @event, Language language) =>
        All.TryGetValue(@event, out var texts) ? texts[(int)language] : null;

    // Index by (int)Language: En, ZhHk, ZhCn.
    private static readonly IReadOnlyDictionary<string, TemplateText[]> All = new Dictionary<string, TemplateText[]>
    {
        [NotificationEvents.CaseReceived] =
        [
            new("We have received your application {reference}",
                "We have received your application for {service}.\n\nReference: {reference}\n\n{department} will review it and tell you when anything changes. You can follow your application here:\n{link}",
                "OneStop: we have received your application {reference} for {service}. Follow it at {link}"),
            new("已收到你的申請 {reference}",
                "我們已收到你的{service}申請。\n\n參考編號：{reference}\n\n{department}會審核你的申請，如有任何進展會通知你。你可在此查看申請進度：\n{link}",
                "一站通：已收到你的{service}申請 {reference}。查看進度：{link}"),
            new("已收到你的申请 {reference}",
                "我们已收到你的{service}申请。\n\n参考编号：{reference}\n\n{department}会审核你的申请，如有任何进展会通知你。你可在此查看申请进度：\n{link}",
                "一站通：已收到你的{service}申请 {reference}。查看进度：{link}"),
        ],
        [NotificationEvents.CaseMoved] =
        [
            new("Your application {reference}: {state}",
                "The status of your application for {service} has changed.\n\nReference: {reference}\nStatus: {state}\n\nSee the details here:\n{link}",
                "OneStop: application {reference} is now: {state}. {link}"),
            new("你的申請 {reference}：{state}",
                "你的{service}申請狀況有變。\n\n參考編號：{reference}\n狀況：{state}\n\n詳情請瀏覽：\n{link}",
                "一站通：申請 {reference} 的狀況現為：{state}。{link}"),
            new("你的申请 {reference}：{state}",
                "你的{service}申请状况有变。\n\n参考编号：{reference}\n状况：{state}\n\n详情请浏览：\n{link}",
                "一站通：申请 {reference} 的状况现为：{state}。{link}"),
        ],
        [NotificationEvents.CaseInformationRequested] =
        [
            new("We need more information for your application {reference}",
                "{department} needs more information before it can decide on your application for {service}.\n\nReference: {reference}\nWhat we need: {reason}\n\nWe will carry on with your application when you reply. Reply here:\n{link}",
                "OneStop: we need more information for application {reference}. Please reply: {link}"),
            new("你的申請 {reference} 需要補交資料",
                "{department}需要更多資料才能就你的{service}申請作出決定。\n\n參考編號：{reference}\n所需資料：{reason}\n\n你回覆後，我們會繼續處理你的申請。請在此回覆：\n{link}",
                "一站通：申請 {reference} 需要補交資料，請回覆：{link}"),
            new("你的申请 {reference} 需要补交资料",
                "{department}需要更多资料才能就你的{service}申请作出决定。\n\n参考编号：{reference}\n所需资料：{reason}\n\n你回复后，我们会继续处理你的申请。请在此回复：\n{link}",
                "一站通：申请 {reference} 需要补交资料，请回复：{link}"),
        ],
        [NotificationEvents.CaseResubmitted] =
        [
            new("We have received your information for {reference}",
                "Thank you. We have received the information you sent for your application for {service}.\n\nReference: {reference}\n\n{department} will carry on with your application. Follow it here:\n{link}",
                "OneStop: we have received your information for application {reference}. {link}"),
            new("已收到你就 {reference} 補交的資料",
                "謝謝。我們已收到你為{service}申請補交的資料。\n\n參考編號：{reference}\n\n{department}會繼續處理你的申請。你可在此查看進度：\n{link}",
                "一站通：已收到你就申請 {reference} 補交的資料。{link}"),
            new("已收到你就 {reference} 补交的资料",
                "谢谢。我们已收到你为{service}申请补交的资料。\n\n参考编号：{reference}\n\n{department}会继续处理你的申请。你可在此查看进度：\n{link}",
                "一站通：已收到你就申请 {reference} 补交的资料。{link}"),
        ],
        [NotificationEvents.CaseApproved] =
        [
            new("Your application {reference} has been approved",
                "Your application for {service} has been approved.\n\nReference: {reference}\n\nSee what happens next here:\n{link}",
                "OneStop: application {reference} for {service} has been approved. {link}"),
            new("你的申請 {reference} 已獲批准",
                "你的{service}申請已獲批准。\n\n參考編號：{reference}\n\n下一步詳情請瀏覽：\n{link}",
                "一站通：你的{service}申請 {reference} 已獲批准。{link}"),
            new("你的申请 {reference} 已获批准",
                "你的{service}申请已获批准。\n\n参考编号：{reference}\n\n下一步详情请浏览：\n{link}",
                "一站通：你的{service}申请 {reference} 已获批准。{link}"),
        ],
        [NotificationEvents.CaseRejected] =
        [
            new("Decision on your application {reference}",
                "We are sorry: your application for {service} has not been approved.\n\nReference: {reference}\nReason: {reason}\n\nSee the decision and what you can do next here:\n{link}",
                "OneStop: application {reference} has not been approved. See why: {link}"),
            new("有關你的申請 {reference} 的決定",
                "很抱歉，你的{service}申請未獲批准。\n\n參考編號：{reference}\n原因：{reason}\n\n決定詳情及你可採取的下一步，請瀏覽：\n{link}",
                "一站通：申請 {reference} 未獲批准。原因請瀏覽：{link}"),
            new("有关你的申请 {reference} 的决定",
                "很抱歉，你的{service}申请未获批准。\n\n参考编号：{reference}\n原因：{reason}\n\n决定详情及你可采取的下一步，请浏览：\n{link}",
                "一站通：申请 {reference} 未获批准。原因请浏览：{link}"),
        ],
        [NotificationEvents.CaseWithdrawn] =
        [
            new("Your application {reference} has been withdrawn",
                "Your application for {service} has been withdrawn and will not be processed further.\n\nReference: {reference}\n\nIf you did not ask for this, contact {department}.\n{link}",
                "OneStop: application {reference} has been withdrawn. {link}"),
            new("你的申請 {reference} 已撤回",
                "你的{service}申請已撤回，不會再作處理。\n\n參考編號：{reference}\n\n如你並未要求撤回，請聯絡{department}。\n{link}",
                "一站通：申請 {reference} 已撤回。{link}"),
            new("你的申请 {reference} 已撤回",
                "你的{service}申请已撤回，不会再作处理。\n\n参考编号：{reference}\n\n如你并未要求撤回，请联络{department}。\n{link}",
                "一站通：申请 {reference} 已撤回。{link}"),
        ],
        [NotificationEvents.CaseEscalated] =
        [
            new("Case {reference} has been escalated to you",
                "A case needs a supervisor's attention.\n\nService: {service}\nReference: {reference}\nReason: {reason}\nDue: {due}\n\nOpen the case:\n{link}",
                "OneStop: case {reference} has been escalated to you. Due {due}. {link}"),
            new("個案 {reference} 已提交你處理",
                "有個案需要主管跟進。\n\n服務：{service}\n參考編號：{reference}\n原因：{reason}\n限期：{due}\n\n開啟個案：\n{link}",
                "一站通：個案 {reference} 已提交你處理，限期{due}。{link}"),
            new("个案 {reference} 已提交你处理",
                "有个案需要主管跟进。\n\n服务：{service}\n参考编号：{reference}\n原因：{reason}\n限期：{due}\n\n打开个案：\n{link}",
                "一站通：个案 {reference} 已提交你处理，限期{due}。{link}"),
        ],
        [NotificationEvents.CasePaymentDue] =
        [
            new("Pay {amount} to complete application {reference}",
                "Your application for {service} has been approved. Pay {amount} and {department} will issue your licence.\n\nReference: {reference}\n\nPay here:\n{link}",
                "OneStop: application {reference} approved. Pay {amount} to complete it: {link}"),
            new("繳付 {amount} 以完成申請 {reference}",
                "你的{service}申請已獲批准。繳付 {amount} 後，{department}便會發出你的牌照。\n\n參考編號：{reference}\n\n在此付款：\n{link}",
                "一站通：申請 {reference} 已獲批准，請繳付 {amount} 以完成申請：{link}"),
            new("缴付 {amount} 以完成申请 {reference}",
                "你的{service}申请已获批准。缴付 {amount} 后，{department}便会发出你的牌照。\n\n参考编号：{reference}\n\n在此付款：\n{link}",
                "一站通：申请 {reference} 已获批准，请缴付 {amount} 以完成申请：{link}"),
        ],
        [NotificationEvents.PaymentReceived] =
        [
            new("We have received your payment {reference}",
                "Thank you. We have received your payment of {amount}.\n\nPayment reference: {reference}\nFor: {application}\n\nYour receipt is here:\n{link}",
                "OneStop: payment {reference} of {amount} received. Receipt: {link}"),
            new("已收到你的付款 {reference}",
                "謝謝。我們已收到你繳付的 {amount}。\n\n付款參考編號：{reference}\n用途：{application}\n\n收據在此：\n{link}",
                "一站通：已收到付款 {reference}（{amount}）。收據：{link}"),
            new("已收到你的付款 {reference}",
                "谢谢。我们已收到你缴付的 {amount}。\n\n付款参考编号：{reference}\n用途：{application}\n\n收据在此：\n{link}",
                "一站通：已收到付款 {reference}（{amount}）。收据：{link}"),
        ],
        [NotificationEvents.PaymentRefunded] =
        [
            new("{refund} of your payment {reference} has been refunded",
                "{refund} of your payment {reference} has been refunded to the account you paid from. It may take a few working days to reach you.\n\nReason: {reason}\n\nDetails:\n{link}",
                "OneStop: {refund} of payment {reference} refunded. {link}"),
            new("你的付款 {reference} 已退還 {refund}",
                "你的付款 {reference} 已退還 {refund} 至你付款的賬戶，款項或需數個工作天才到賬。\n\n原因：{reason}\n\n詳情：\n{link}",
                "一站通：付款 {reference} 已退還 {refund}。{link}"),
            new("你的付款 {reference} 已退还 {refund}",
                "你的付款 {reference} 已退还 {refund} 至你付款的账户，款项或需数个工作日才到账。\n\n原因：{reason}\n\n详情：\n{link}",
                "一站通：付款 {reference} 已退还 {refund}。{link}"),
        ],
        [NotificationEvents.PaymentsMismatched] =
        [
            new("Payments to check after reconciliation of {day}",
                "The reconciliation of {day} found {count} payments that do not match the provider's settlement file.\n\nOpen the report:\n{link}",
                "OneStop: reconciliation of {day} found {count} mismatches. {link}"),
            new("{day} 的對賬有需要核對的付款",
                "{day} 的對賬發現 {count} 筆付款與支付服務商的結算檔案不符。\n\n開啟報告：\n{link}",
                "一站通：{day} 的對賬發現 {count} 筆不符。{link}"),
            new("{day} 的对账有需要核对的付款",
                "{day} 的对账发现 {count} 笔付款与支付服务商的结算文件不符。\n\n打开报告：\n{link}",
                "一站通：{day} 的对账发现 {count} 笔不符。{link}"),
        ],
        [NotificationEvents.DocumentIssued] =
        [
            new("Your {document} is ready",
                "Your {document} has been issued.\n\nDocument number: {reference}\nValid until: {expires}\n\nIt is in My documents, where you can download it, share it and choose how to collect a printed copy:\n{link}",
                "OneStop: your {document} {reference} is ready. {link}"),
            new("你的{document}已經發出",
                "你的{document}已經發出。\n\n文件編號：{reference}\n有效期至：{expires}\n\n文件已放在「我的文件」，你可在那裏下載、分享，以及選擇如何領取印本：\n{link}",
                "一站通：你的{document} {reference} 已發出。{link}"),
            new("你的{document}已经发出",
                "你的{document}已经发出。\n\n文件编号：{reference}\n有效期至：{expires}\n\n文件已放在“我的文件”，你可在那里下载、分享，以及选择如何领取印本：\n{link}",
                "一站通：你的{document} {reference} 已发出。{link}"),
        ],
        [NotificationEvents.DocumentRevoked] =
        [
            new("Your {document} {reference} has been revoked",
                "{department} has revoked your {document} {reference}. It is no longer valid.\n\nReason: {reason}\n\nDetails:\n{link}",
                "OneStop: your {document} {reference} has been revoked. {link}"),
            new("你的{document} {reference} 已被撤銷",
                "{department}已撤銷你的{document} {reference}，該文件已不再有效。\n\n原因：{reason}\n\n詳情：\n{link}",
                "一站通：你的{document} {reference} 已被撤銷。{link}"),
            new("你的{document} {reference} 已被撤销",
                "{department}已撤销你的{document} {reference}，该文件已不再有效。\n\n原因：{reason}\n\n详情：\n{link}",
                "一站通：你的{document} {reference} 已被撤销。{link}"),
        ],
        [NotificationEvents.DocumentExpiring] =
        [
            new("Your {document} expires on {expires}",
                "Your {document} {reference} expires on {expires}. Renew it before then to keep it valid.\n\nDetails:\n{link}",
                "OneStop: your {document} {reference} expires on {expires}. {link}"),
            new("你的{document}將於 {expires} 到期",
                "你的{document} {reference} 將於 {expires} 到期。請在到期前續期，以保持有效。\n\n詳情：\n{link}",
                "一站通：你的{document} {reference} 將於 {expires} 到期。{link}"),
            new("你的{document}将于 {expires} 到期",
                "你的{document} {reference} 将于 {expires} 到期。请在到期前续期，以保持有效。\n\n详情：\n{link}",
                "一站通：你的{document} {reference} 将于 {expires} 到期。{link}"),
        ],
        [NotificationEvents.AppointmentBooked] =
        [
            new("Your appointment {reference} on {when}",
                "You have an appointment to collect your {document}.\n\nBooking reference: {reference}\nWhen: {when}\nWhere: {counter}\n\nBring your identity card. Show the QR code on this page at the counter, or quote the booking reference:\n{link}",
                "OneStop: appointment {reference}, {when}, {counter}. {link}"),
            new("你的預約 {reference}：{when}",
                "你已預約領取{document}。\n\n預約編號：{reference}\n時間：{when}\n地點：{counter}\n\n請帶備身份證，並在櫃位出示此頁的二維碼或提供預約編號：\n{link}",
                "一站通：預約 {reference}，{when}，{counter}。{link}"),
            new("你的预约 {reference}：{when}",
                "你已预约领取{document}。\n\n预约编号：{reference}\n时间：{when}\n地点：{counter}\n\n请带备身份证，并在柜台出示此页的二维码或提供预约编号：\n{link}",
                "一站通：预约 {reference}，{when}，{counter}。{link}"),
        ],
        [NotificationEvents.AppointmentCancelled] =
        [
            new("Your appointment {reference} is cancelled",
                "Your appointment {reference} to collect your {document} on {when} at {counter} is cancelled; its confirmation no longer admits you.\n\nYou can book another time, or choose another way to receive the document:\n{link}",
                "OneStop: appointment {reference} on {when} is cancelled. {link}"),
            new("你的預約 {reference} 已取消",
                "你於 {when} 在{counter}領取{document}的預約 {reference} 已取消，原有確認不再有效。\n\n你可另約時間，或選擇其他方式收取文件：\n{link}",
                "一站通：{when} 的預約 {reference} 已取消。{link}"),
            new("你的预约 {reference} 已取消",
                "你于 {when} 在{counter}领取{document}的预约 {reference} 已取消，原有确认不再有效。\n\n你可另约时间，或选择其他方式收取文件：\n{link}",
                "一站通：{when} 的预约 {reference} 已取消。{link}"),
        ],
    };
}

/// <summary>The events OneStop notifies people of; each has <see cref="DefaultTemplates"/> in every language.</summary>
public static class NotificationEvents
{
    public const string CaseReceived = "case.received";
    /// <summary>A state change without an event of its own; <c>{state}</c> names the new state.</summary>
    public const string CaseMoved = "case.moved";
    public const string CaseInformationRequested = "case.information-requested";
    public const string CaseResubmitted = "case.resubmitted";
    public const string CaseApproved = "case.approved";
    public const string CaseRejected = "case.rejected";
    public const string CaseWithdrawn = "case.withdrawn";
    /// <summary>To a supervisor: staff-facing.</summary>
    public const string CaseEscalated = "case.escalated";
    /// <summary>Approved, and the licence waits for the fee (Payments).</summary>
    public const string CasePaymentDue = "case.payment-due";
    public const string PaymentReceived = "payment.received";
    public const string PaymentRefunded = "payment.refunded";
    /// <summary>To a department's supervisors: the daily reconciliation found payments that do not match (staff-facing).</summary>
    public const string PaymentsMismatched = "payment.reconciliation-mismatch";
    /// <summary>A document was issued to the holder's wallet (Documents).</summary>
    public const string DocumentIssued = "document.issued";
    public const string DocumentRevoked = "document.revoked";
    /// <summary>Sent at each of the template's reminder days before the document lapses.</summary>
    public const string DocumentExpiring = "document.expiring";
    /// <summary>A counter appointment was booked or moved: the confirmation with its QR code.</summary>
    public const string AppointmentBooked = "appointment.booked";
    /// <summary>The holder cancelled their appointment: its confirmation is void.</summary>
    public const string AppointmentCancelled = "appointment.cancelled";
}
