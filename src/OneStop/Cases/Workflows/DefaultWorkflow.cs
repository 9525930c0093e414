using OneStop.Forms.Definitions;

namespace OneStop.Cases.Workflows;

/// <summary>
/// The workflow of a service whose department has not written one (version 0): an officer checks the
/// application and decides. Every service can take applications from the day its form is published.
/// </summary>
public static class DefaultWorkflow
{
    public const int Version = 0;

    public static readonly WorkflowDefinition Definition = new()
    {
        Start = "received",
        Pledge = new Pledge { WorkingDays = 10, Percent = 95 },
        States =
        [
            new StateDefinition
            {
                Id = "received", WorkingDays = 10,
                Name = new Words { En = "Being processed", ZhHk = "處理中", ZhCn = "处理中" },
                Explanation = new Words
                {
                    En = "An officer is checking your application.",
                    ZhHk = "職員正在審核你的申請。",
                    ZhCn = "职员正在审核你的申请。",
                },
            },
            new StateDefinition { Id = "approved", End = Outcome.Approved, Name = new Words { En = "Approved", ZhHk = "已批准", ZhCn = "已批准" } },
            new StateDefinition { Id = "rejected", End = Outcome.Rejected, Name = new Words { En = "Not approved", ZhHk = "不獲批准", ZhCn = "不获批准" } },
        ],
        Actions =
        [
            new ActionDefinition
            {
                Id = "approve", From = ["received"], To = "approved", Role = "officer", Notify = "case.approved",
                Name = new Words { En = "Approve", ZhHk = "批准", ZhCn = "批准" },
            },
            new ActionDefinition
            {
                Id = "reject", From = ["received"], To = "rejected", Role = "officer", Notify = "case.rejected",
                Requires = new Requirements { Reason = true },
                Name = new Words { En = "Reject", ZhHk = "拒絕", ZhCn = "拒绝" },
            },
        ],
    };
}
