using OneStop.Cases.Workflows;
using OneStop.Forms.Definitions;
using static OneStop.Tests.Forms.TestForms;

namespace OneStop.Tests.Cases.Engine;

public sealed class WorkflowCheckTests
{
    /// <summary>check → inspect → approved | rejected, with an approval only a supervisor may give.</summary>
    public static WorkflowDefinition Licence() => new()
    {
        Start = "check",
        Pledge = new Pledge { WorkingDays = 10 },
        States =
        [
            new StateDefinition { Id = "check", Name = W("Document check"), WorkingDays = 3 },
            new StateDefinition { Id = "inspect", Name = W("Site inspection"), WorkingDays = 5 },
            new StateDefinition { Id = "approved", Name = W("Approved"), End = Outcome.Approved },
            new StateDefinition { Id = "rejected", Name = W("Rejected"), End = Outcome.Rejected },
        ],
        Actions =
        [
            new ActionDefinition { Id = "documents-ok", Name = W("Documents complete"), From = ["check"], To = "inspect", Role = "officer" },
            new ActionDefinition { Id = "approve", Name = W("Approve"), From = ["inspect"], To = "approved", Role = "supervisor", Notify = "case.approved",
                Requires = new Requirements { Document = true } },
            new ActionDefinition { Id = "reject", Name = W("Reject"), From = ["check", "inspect"], To = "rejected", Role = "officer",
                Requires = new Requirements { Reason = true } },
        ],
    };

    private static IEnumerable<string> Codes(WorkflowDefinition w) => WorkflowCheck.Run(w).Select(p => p.Code);

    [Fact]
    public void Run_DefaultAndLicenceWorkflows_FindNoProblems()
    {
        Assert.Empty(WorkflowCheck.Run(DefaultWorkflow.Definition));
        Assert.Empty(WorkflowCheck.Run(Licence()));
    }

    [Fact]
    public void Run_StateNoActionLeads_IsUnreachable()
    {
        var w = Licence() with { States = [.. Licence().States, new StateDefinition { Id = "appeal", Name = W("Appeal"), WorkingDays = 5 }] };

        var problem = Assert.Single(WorkflowCheck.Run(w));

        Assert.Equal(("unreachable", "appeal"), (problem.Code, problem.Arguments[0]));
    }

    [Fact]
    public void Run_StateWithNoWayToAnEnd_IsReported()
    {
        // "inspect" can be reached but its only way out (approve) is gone.
        var w = Licence() with { Actions = [.. Licence().Actions.Where(a => a.Id != "approve").Select(a => a with { From = a.From.Where(f => f != "inspect").ToList() })] };

        var problems = WorkflowCheck.Run(w);

        Assert.Contains(problems, p => p.Code == "noWayToEnd" && p.Arguments[0] == "inspect");
    }

    [Fact]
    public void Run_BadReferences_ReportsEachWithItsPath()
    {
        var w = Licence() with
        {
            Start = "approved",
            Actions =
            [
                .. Licence().Actions,
                new ActionDefinition { Id = "approve", Name = W("Again"), From = ["nowhere"], To = "approved", Role = "clerk", Notify = "Approved!" },
            ],
        };

        var problems = WorkflowCheck.Run(w);

        Assert.Contains(problems, p => p is { Code: "startIsEnd", Path: "start" });
        Assert.Contains(problems, p => p is { Code: "duplicateAction", Path: "actions[3].id" });
        Assert.Contains(problems, p => p is { Code: "unknownState", Path: "actions[3].from[0]" });
        Assert.Contains(problems, p => p is { Code: "unknownRole", Path: "actions[3].role" });
        Assert.Contains(problems, p => p is { Code: "badEvent", Path: "actions[3].notify" });
    }

    [Fact]
    public void Run_ReservedIdEndTargetAndMissingTranslation_AreReported()
    {
        var w = Licence() with
        {
            States =
            [
                .. Licence().States.Select(s => s.Id == "approved" ? s with { WorkingDays = 2 } : s),
                new StateDefinition { Id = BuiltInStates.WithdrawnId, Name = new Words { En = "Withdrawn", ZhHk = "", ZhCn = "撤回" }, End = Outcome.Withdrawn },
            ],
        };

        var codes = Codes(w).ToList();

        Assert.Contains("reserved", codes);
        Assert.Contains("endHasTarget", codes);
        Assert.Contains("missingText", codes);
    }

    [Fact]
    public void Run_NoEndState_IsReported()
    {
        var w = Licence() with { States = Licence().States.Where(s => !s.IsEnd).ToList() };

        Assert.Contains("noEnd", Codes(w));
    }

    [Fact]
    public void Parse_WrittenWorkflow_ReadsBackEqual()
    {
        var json = WorkflowJson.Write(Licence());

        var read = WorkflowJson.Parse(json, out var error);

        Assert.Null(error);
        Assert.Equal(json, WorkflowJson.Write(read!));
        Assert.Contains("\"zh-HK\"", json);
    }

    [Fact]
    public void Parse_UnknownProperty_IsRefusedWithItsPath()
    {
        var read = WorkflowJson.Parse("""{"start":"a","pledge":{"workingDays":1},"states":[],"actions":[],"colour":"red"}""", out var error);

        Assert.Null(read);
        Assert.Contains("colour", error);
    }
}
