using OneStop.Cases;
using OneStop.Cases.Calendar;
using OneStop.Cases.Engine;
using OneStop.Cases.Workflows;
using OneStop.Identity.Staff;

namespace OneStop.Tests.Cases.Engine;

public sealed class CaseMovesTests
{
    private static readonly WorkflowDefinition Licence = WorkflowCheckTests.Licence();
    private static readonly WorkingDays Days = new(HongKongHolidays.All(DateTime.UtcNow).Select(h => h.Date).ToHashSet());
    // Monday 30 November 2026, 10:00 in Hong Kong.
    private static readonly DateTime Monday = new(2026, 11, 30, 2, 0, 0, DateTimeKind.Utc);

    private static Case NewCase()
    {
        var c = new Case { Reference = "FEHD-2026-000001", DepartmentCode = "FEHD", ServiceSlug = "s", State = "", ReceivedAt = Monday, CaseDueAt = Days.DueAt(Monday, 10) };
        CaseMoves.Enter(c, Licence.State("check")!, Monday, Days);
        return c;
    }

    [Theory]
    [InlineData(StaffRole.Officer, "check", new[] { "documents-ok", "reject" })]
    [InlineData(StaffRole.Officer, "inspect", new[] { "reject" })]
    [InlineData(StaffRole.Supervisor, "inspect", new[] { "approve", "reject" })]
    [InlineData(StaffRole.DepartmentAdmin, "inspect", new[] { "approve", "reject" })]
    [InlineData(StaffRole.PlatformAdmin, "inspect", new string[0])]
    [InlineData(StaffRole.Supervisor, "approved", new string[0])]
    public void Available_RoleAndState_OffersOnlyWhatTheRoleMayTake(StaffRole role, string state, string[] expected)
    {
        Assert.Equal(expected, CaseMoves.Available(Licence, state, role).Select(a => a.Id));
    }

    [Theory]
    [InlineData(StaffRole.Officer, "inspect", "approve", null, "role")]
    [InlineData(StaffRole.Supervisor, "check", "approve", null, "notAvailable")]
    [InlineData(StaffRole.Officer, "check", "no-such-action", null, "notAvailable")]
    [InlineData(StaffRole.Officer, "check", "reject", null, "reasonRequired")]
    [InlineData(StaffRole.Officer, "check", "reject", "  ", "reasonRequired")]
    [InlineData(StaffRole.Supervisor, "inspect", "approve", "fine", "documentRequired")]
    public void Check_InvalidMove_IsRefusedWithWhy(StaffRole role, string state, string action, string? reason, string expected)
    {
        Assert.Equal(expected, CaseMoves.Check(Licence, state, role, new ActionInput(action, 0, Reason: reason))?.Code);
    }

    [Fact]
    public void Check_ValidMoveWithWhatItNeeds_IsAllowed()
    {
        Assert.Null(CaseMoves.Check(Licence, "check", StaffRole.Officer, new ActionInput("reject", 0, Reason: "Plan missing")));
        Assert.Null(CaseMoves.Check(Licence, "inspect", StaffRole.Supervisor, new ActionInput("approve", 0, DocumentId: Guid.NewGuid())));
    }

    [Fact]
    public void CanRequestInformation_OpenEndedAndReturnedStates_OnlyFromOpenStatesForStaff()
    {
        Assert.True(CaseMoves.CanRequestInformation(Licence, "check", StaffRole.Officer));
        Assert.False(CaseMoves.CanRequestInformation(Licence, "approved", StaffRole.Officer));
        Assert.False(CaseMoves.CanRequestInformation(Licence, BuiltInStates.ReturnedId, StaffRole.Officer));
        Assert.False(CaseMoves.CanRequestInformation(Licence, "check", StaffRole.PlatformAdmin));
    }

    [Fact]
    public void Enter_StateWithTarget_DueIsTheNearerOfStateAndCase()
    {
        var c = NewCase();

        // Three working days from Monday 30 Nov: Thursday 3 Dec; the case's ten: Monday 14 Dec.
        Assert.Equal(new DateOnly(2026, 12, 3), WorkingDays.LastDay(c.StateDueAt!.Value));
        Assert.Equal(new DateOnly(2026, 12, 14), WorkingDays.LastDay(c.CaseDueAt));
        Assert.Equal(c.StateDueAt, c.DueAt);
    }

    [Fact]
    public void Enter_EndState_ClosesWithOutcomeAndNoTargets()
    {
        var c = NewCase();

        CaseMoves.Enter(c, Licence.State("rejected")!, Monday.AddHours(1), Days);

        Assert.Equal((Outcome.Rejected, Monday.AddHours(1)), (c.Outcome!.Value, c.ClosedAt!.Value));
        Assert.Null(c.DueAt);
        Assert.Null(c.StateDueAt);
    }

    [Fact]
    public void Resume_AfterWaitingForTheApplicant_MovesThePledgeByTheWorkingDaysWaited()
    {
        var c = NewCase();
        var before = WorkingDays.LastDay(c.CaseDueAt);
        c.ResumeState = "check";
        CaseMoves.Enter(c, BuiltInStates.Returned, Monday, Days);
        Assert.Null(c.DueAt);

        // Back on Monday 7 December: five working days waited (Tue–Fri and Mon).
        var replied = Monday.AddDays(7);
        CaseMoves.Resume(c, Licence, replied, Days);

        Assert.Equal("check", c.State);
        Assert.Equal(Days.Add(before, 5), WorkingDays.LastDay(c.CaseDueAt));
        Assert.Null(c.PausedAt);
        Assert.Null(c.ResumeState);
        Assert.Equal(Days.DueAt(replied, 3), c.StateDueAt);
    }

    [Fact]
    public void Enter_FreshTargetAfterAMissedOne_ClearsTheBreachFlags()
    {
        var c = NewCase();
        c.BreachedAt = c.EscalatedAt = Monday.AddDays(5);

        CaseMoves.Enter(c, Licence.State("inspect")!, Monday.AddDays(5), Days);

        Assert.Null(c.BreachedAt);
        Assert.Null(c.EscalatedAt);
    }
}
