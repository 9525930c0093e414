using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Cases;
using OneStop.Cases.Pledges;
using OneStop.Identity.Staff;
using OneStop.Notifications;
using OneStop.Tests.Forms.Background;

namespace OneStop.Tests.Cases.Pledges;

/// <summary>Cases past a target are flagged and escalated once, however many passes (or nodes) see them.</summary>
public abstract class EscalationTests(Provider provider) : IAsyncLifetime
{
    private OneStopApp _app = null!;
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        if (provider == Provider.Postgres) PostgresServer.SkipIfUnavailable();
        // Friday 27 November 2026, 10:00 in Hong Kong: the default ten working days run to the end of Friday 11 December.
        _app = new OneStopApp(provider) { ClockStart = new DateTimeOffset(2026, 11, 27, 2, 0, 0, TimeSpan.Zero) };
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private Task<bool> PassAsync() => _app.Services.GetRequiredService<EscalateOverdueCases>().RunOnceAsync(Cancel);

    private Task<int> EscalationsAsync(Guid caseId) =>
        _app.QueryCasesAsync(db => db.Set<CaseEvent>().CountAsync(e => e.CaseId == caseId && e.Kind == CaseEventKind.Escalated, Cancel));

    [Fact]
    public async Task RunOnceAsync_BeforeTheTargetRunsOut_LeavesTheCaseAlone()
    {
        var c = await _app.NewCaseAsync(null);
        // 23:59 on Friday 11 December in Hong Kong: the last minute of the last allowed day.
        _app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 11, 15, 59, 0, TimeSpan.Zero));

        await PassAsync();

        Assert.Equal(0, await EscalationsAsync(c.Id));
        Assert.Null((await _app.CaseAsync(c.Reference)).BreachedAt);
    }

    [Fact]
    public async Task RunOnceAsync_TargetMissed_FlagsAndEscalatesOnceAcrossPasses()
    {
        var c = await _app.NewCaseAsync(null);
        _app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 11, 16, 1, 0, TimeSpan.Zero));

        await PassAsync();
        await PassAsync();

        Assert.Equal(1, await EscalationsAsync(c.Id));
        var flagged = await _app.CaseAsync(c.Reference);
        Assert.NotNull(flagged.BreachedAt);
        Assert.NotNull(flagged.EscalatedAt);
        Assert.Equal(1, await _app.QueryCasesAsync(db => db.AuditEntries.CountAsync(a => a.Event == "case.escalated" && a.TargetId == c.Reference, Cancel)));
    }

    [Fact]
    public async Task RunOnceAsync_TargetMissed_TellsTheDepartmentsSupervisorsByEmailNotOfficers()
    {
        var (supervisorId, supervisorEmail) = await _app.NewAccountAsync();
        var (officerId, officerEmail) = await _app.NewAccountAsync();
        await _app.QueryCasesAsync(db =>
        {
            db.Add(new StaffMember { UserId = supervisorId, Role = StaffRole.Supervisor, DepartmentCode = "TD" });
            db.Add(new StaffMember { UserId = officerId, Role = StaffRole.Officer, DepartmentCode = "TD" });
            return db.SaveChangesAsync(Cancel);
        });
        var c = await _app.NewCaseAsync(null);
        _app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 11, 16, 1, 0, TimeSpan.Zero));

        await PassAsync();
        await _app.RunOutboxAsync();

        var mail = Assert.Single(_app.MailsAbout(supervisorEmail, "Case " + c.Reference));
        Assert.Contains("/office/cases/" + c.Reference, mail.TextBody);
        Assert.Contains("11 December 2026", mail.TextBody);
        Assert.Empty(_app.MailsAbout(officerEmail, c.Reference));
        Assert.Equal(1, await _app.QueryCasesAsync(db => db.Set<InboxMessage>().CountAsync(m => m.UserId == supervisorId && m.CaseId == c.Id, Cancel)));
    }

    [Fact]
    public async Task RunOnceAsync_ConcurrentPassesAsOnTwoNodes_EscalateEachCaseOnce()
    {
        var cases = new List<Case>();
        for (var i = 0; i < 5; i++) cases.Add(await _app.NewCaseAsync(null));
        _app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 14, 2, 0, 0, TimeSpan.Zero));

        // Two job instances share nothing but the database, as two nodes would.
        var other = ActivatorUtilities.CreateInstance<EscalateOverdueCases>(_app.Services);
        await Task.WhenAll(PassAsync(), other.RunOnceAsync(Cancel), PassAsync());

        foreach (var c in cases) Assert.Equal(1, await EscalationsAsync(c.Id));
    }
}

public sealed class EscalationSqliteTests() : EscalationTests(Provider.Sqlite);

public sealed class EscalationPostgresTests() : EscalationTests(Provider.Postgres);
