using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Identity.Staff;
using OneStop.Notifications;
using OneStop.Notifications.Templates;
using OneStop.Payments;
using OneStop.Payments.Reconciliation;
using OneStop.Payments.Sandbox;
using OneStop.Tests.Cases;
using OneStop.Tests.Office;
using OneStop.Tests.Office.Cases;
using OneStop.Tests.Office.Payments;

namespace OneStop.Tests.Payments.Reconciliation;

/// <summary>
/// The daily reconciliation against the sandbox's settlement, and its report. Mismatches are made by editing the
/// sandbox's own tables, which its SettlementAsync reads.
/// </summary>
public abstract class ReconciliationTests(Provider provider) : IAsyncLifetime
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private const string Day = "2026-03-10";
    private OneStopApp _app = null!;

    public ValueTask InitializeAsync()
    {
        if (provider == Provider.Postgres) PostgresServer.SkipIfUnavailable();
        // 10:00 on 10 March in Hong Kong.
        _app = new OneStopApp(provider) { ClockStart = new DateTimeOffset(2026, 3, 10, 2, 0, 0, TimeSpan.Zero) };
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    /// <summary>
    /// Three payments on the 10th and a refund of part of the first: the second's amount changed at the provider,
    /// the third not paid there, and a payment at the provider that OneStop has never heard of. Then the day ends.
    /// </summary>
    private async Task<(Payment Matched, Payment Changed, Payment Missing, Guid SupervisorId, HttpClient Supervisor)> ArrangeDayAsync()
    {
        var (matched, _) = await _app.PaidByGuestAsync(vehicles: 2);
        var (changed, _) = await _app.PaidByGuestAsync(vehicles: 1);
        var (missing, _) = await _app.PaidByGuestAsync(vehicles: 3);
        var (supervisor, supervisorId, _) = await _app.OfficerAsync(StaffRole.Supervisor);
        using var refunded = await supervisor.RefundAsync(matched.Reference, "50", "One vehicle withdrawn");
        Assert.Equal("redirect", refunded.Outcome());
        await _app.QueryCasesAsync(async db =>
        {
            await db.Set<SandboxCheckout>().Where(c => c.Id == changed.ProviderReference).ExecuteUpdateAsync(s => s.SetProperty(c => c.Amount, 90m), Cancel);
            await db.Set<SandboxCheckout>().Where(c => c.Id == missing.ProviderReference).ExecuteUpdateAsync(s => s.SetProperty(c => c.State, SandboxCheckoutState.Cancelled), Cancel);
            var now = _app.Clock.GetUtcNow().UtcDateTime;
            db.Add(new SandboxCheckout
            {
                Id = "sbx_cs_stranger", MerchantPaymentId = Guid.NewGuid(), MerchantReference = "PAY-2026-999999", Amount = 42m, Currency = "HKD",
                Description = "Unknown", Language = "en", ReturnUrl = "http://localhost/", CancelUrl = "http://localhost/", CallbackUrl = "http://localhost/",
                IdempotencyKey = "stranger", State = SandboxCheckoutState.Paid, Method = "card", CreatedAt = now, ExpiresAt = now.AddMinutes(30), PaidAt = now,
            });
            return await db.SaveChangesAsync(Cancel);
        });
        return (matched, changed, missing, supervisorId, supervisor);
    }

    private ReconcilePayments Job => _app.Services.GetRequiredService<ReconcilePayments>();

    private Task<List<ReconciliationRun>> RunsOfTheTenthAsync() =>
        _app.QueryCasesAsync(db => db.Set<ReconciliationRun>().AsNoTracking().Where(r => r.Day == new DateOnly(2026, 3, 10)).ToListAsync(Cancel));

    private Task<List<Notification>> MismatchNoticesAsync() =>
        _app.QueryCasesAsync(db => db.Set<Notification>().AsNoTracking().Where(n => n.Event == NotificationEvents.PaymentsMismatched).ToListAsync(Cancel));

    private static int Count(AngleSharp.Dom.IDocument page, string kind) =>
        int.Parse(page.QuerySelector($"[data-count={kind}] dd")!.TextContent.Trim(), System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Job_AfterTheDayEnds_ReconcilesItOnceAndFlagsTheDepartmentOnce()
    {
        var (matched, changed, missing, supervisorId, _) = await ArrangeDayAsync();

        await Job.RunOnceAsync(Cancel);
        var beforeMidnight = await RunsOfTheTenthAsync();
        // To 00:30 on the 11th in Hong Kong.
        _app.Clock.Advance(new DateTimeOffset(2026, 3, 10, 16, 30, 0, TimeSpan.Zero) - _app.Clock.GetUtcNow());
        await Job.RunOnceAsync(Cancel);
        await Job.RunOnceAsync(Cancel);

        Assert.Empty(beforeMidnight);
        var run = Assert.Single(await RunsOfTheTenthAsync());
        Assert.Equal(("sandbox", 2, 3), (run.Provider, run.Matched, run.Mismatched));
        var items = await _app.QueryCasesAsync(db => db.Set<ReconciliationItem>().AsNoTracking().Where(i => i.RunId == run.Id).ToListAsync(Cancel));
        Assert.Equal([("payment", matched.Reference), ("refund", matched.Reference)],
            items.Where(i => i.Kind == MatchKind.Matched).Select(i => (i.LineKind, i.PaymentReference)).Order());
        var mismatch = Assert.Single(items, i => i.Kind == MatchKind.AmountMismatch);
        Assert.Equal((changed.Reference, "TD", 100m, 90m), (mismatch.PaymentReference, mismatch.DepartmentCode, mismatch.OneStopAmount, mismatch.ProviderAmount));
        Assert.Equal(missing.Reference, Assert.Single(items, i => i.Kind == MatchKind.MissingAtProvider).PaymentReference);
        Assert.Null(Assert.Single(items, i => i.Kind == MatchKind.MissingInOneStop).DepartmentCode);
        var notice = Assert.Single(await MismatchNoticesAsync(), n => n.UserId == supervisorId);
        Assert.Equal($"reconciliation:{run.Id}:TD:{supervisorId}", notice.IdempotencyKey);
    }

    [Fact]
    public async Task Report_DepartmentStaffSeeTheirOwnItems_PlatformAdminsEverything()
    {
        var (_, changed, _, _, _) = await ArrangeDayAsync();
        _app.Clock.Advance(TimeSpan.FromDays(1));
        await Job.RunOnceAsync(Cancel);
        var (officer, _, _) = await _app.OfficerAsync();
        var (fehd, _, _) = await _app.OfficerAsync(department: "FEHD");
        var (admin, _) = await _app.SignedInStaffAsync(StaffRole.PlatformAdmin, null);

        var ours = await officer.PageAsync("/office/payments/reconciliation?day=" + Day);
        var theirs = await fehd.PageAsync("/office/payments/reconciliation?day=" + Day);
        var everything = await admin.PageAsync("/office/payments/reconciliation?day=" + Day);

        Assert.Equal((2, 1, 1, 0), (Count(ours, "matched"), Count(ours, "amountMismatch"), Count(ours, "missingAtProvider"), Count(ours, "missingInOneStop")));
        Assert.Equal(changed.Reference, ours.QuerySelector("[data-item=amountMismatch]")!.GetAttribute("data-item-payment"));
        Assert.Null(ours.QuerySelector("[data-run-form]"));
        Assert.Equal((0, 0), (Count(theirs, "matched"), Count(theirs, "amountMismatch")));
        Assert.Equal((2, 1, 1, 1), (Count(everything, "matched"), Count(everything, "amountMismatch"), Count(everything, "missingAtProvider"), Count(everything, "missingInOneStop")));
        Assert.NotNull(everything.QuerySelector("[data-run-form]"));
    }

    [Fact]
    public async Task ReportCsv_InChinese_ByteOrderMarkHeadingsAndTheDepartmentsRows()
    {
        var (matched, changed, _, _, _) = await ArrangeDayAsync();
        _app.Clock.Advance(TimeSpan.FromDays(1));
        await Job.RunOnceAsync(Cancel);
        var (officer, _, _) = await _app.OfficerAsync();

        using var english = await officer.GetAsync($"/office/payments/reconciliation?day={Day}&format=csv", Cancel);
        using var chinese = await officer.GetAsync($"/zh-hk/office/payments/reconciliation?day={Day}&format=csv", Cancel);
        var bytes = await chinese.Content.ReadAsByteArrayAsync(Cancel);
        var text = await english.Content.ReadAsStringAsync(Cancel);

        Assert.Equal("text/csv", english.Content.Headers.ContentType!.MediaType);
        Assert.Equal("reconciliation-2026-03-10.csv", english.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var chineseLines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("日期,支付服務商,結果,類別,付款參考編號", chineseLines[0]);
        Assert.Contains(chineseLines, l => l.Contains(changed.Reference, StringComparison.Ordinal) && l.Contains("金額不符,", StringComparison.Ordinal) && l.EndsWith(",100.00,90.00,HKD", StringComparison.Ordinal));
        var englishLines = text.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, englishLines.Length);
        Assert.Equal(2, englishLines.Count(l => l.Contains(matched.Reference, StringComparison.Ordinal) && l.Contains(",Matched,", StringComparison.Ordinal)));
        Assert.DoesNotContain(englishLines, l => l.Contains("sbx_cs_stranger", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunFromReport_DepartmentAdmin_ReplacesTheDaysRun_OfficerRefused()
    {
        await ArrangeDayAsync();
        _app.Clock.Advance(TimeSpan.FromDays(1));
        await Job.RunOnceAsync(Cancel);
        var first = Assert.Single(await RunsOfTheTenthAsync());
        var (admin, adminId, _) = await _app.OfficerAsync(StaffRole.DepartmentAdmin);
        var (officer, _, _) = await _app.OfficerAsync();

        using var refused = await officer.PostFormAsync("/office/payments/reconciliation?handler=Run", await officer.TokenAsync(), ("day", Day));
        using var tooSoon = await admin.SubmitAsync("/office/payments/reconciliation?day=" + Day, new Dictionary<string, string> { ["day"] = "2026-03-11" }, "Run");
        using var ran = await admin.SubmitAsync("/office/payments/reconciliation?day=" + Day, new Dictionary<string, string>(), "Run");
        var page = await admin.PageAsync(ran.Location());

        Assert.Equal("forbidden", refused.Outcome());
        Assert.Equal(["A day can only be reconciled once it is over"], (await tooSoon.ReadPageAsync()).ErrorSummary());
        Assert.Equal("/office/payments/reconciliation?day=" + Day, ran.Location());
        var second = Assert.Single(await RunsOfTheTenthAsync());
        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal((adminId, 2, 3), (second.RanBy!.Value, second.Matched, second.Mismatched));
        Assert.Equal(3, await _app.QueryCasesAsync(db => db.Set<ReconciliationItem>().CountAsync(i => i.RunId == second.Id && i.Kind != MatchKind.Matched, Cancel)));
        Assert.Equal(0, await _app.QueryCasesAsync(db => db.Set<ReconciliationItem>().CountAsync(i => i.RunId == first.Id, Cancel)));
        Assert.NotNull(page.QuerySelector("[data-run=sandbox]"));
    }

    [Fact]
    public async Task Cli_ReconcileADay_StoresTheRunAndPrintsTheCounts()
    {
        await ArrangeDayAsync();

        var result = await Cli.RunAsync(["payments", "reconcile", Day, "sandbox", .. _app.CliConfiguration]);
        var wrong = await Cli.RunAsync(["payments", "reconcile", "10/03/2026", .. _app.CliConfiguration]);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal("2026-03-10 sandbox: 2 matched, 3 to check.", result.Output.Trim());
        var run = Assert.Single(await RunsOfTheTenthAsync());
        Assert.Null(run.RanBy);
        Assert.Equal(2, wrong.ExitCode);
        Assert.Contains("payments reconcile DAY", wrong.Error);
    }
}

public sealed class ReconciliationSqliteTests() : ReconciliationTests(Provider.Sqlite);

public sealed class ReconciliationPostgresTests() : ReconciliationTests(Provider.Postgres);
