using Microsoft.EntityFrameworkCore;
using OneStop.Identity.Staff;
using OneStop.Payments;
using OneStop.Tests.Cases;
using OneStop.Tests.Office.Cases;

namespace OneStop.Tests.Office.Payments;

/// <summary>Officers' search at /office/payments: their department's payments only, filtered, newest first, keyset-paged.</summary>
public abstract class PaymentSearchTests(Provider provider) : IAsyncLifetime
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private OneStopApp _app = null!;

    public ValueTask InitializeAsync()
    {
        if (provider == Provider.Postgres) PostgresServer.SkipIfUnavailable();
        // 10:00 in Hong Kong, so the days below are plain to count.
        _app = new OneStopApp(provider) { ClockStart = new DateTimeOffset(2026, 3, 10, 2, 0, 0, TimeSpan.Zero) };
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static string[] Listed(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll("table[data-payments] tbody tr").Select(tr => tr.GetAttribute("data-payment")!).ToArray();

    [Fact]
    public async Task Search_ByPaymentOrApplicationReference_FindsThatPaymentAndItsAttempts()
    {
        var first = await _app.StoredPaymentAsync(application: "TD-2026-000901");
        var other = await _app.StoredPaymentAsync(application: "TD-2026-000902");
        var (officer, _, _) = await _app.OfficerAsync();

        var byReference = await officer.PageAsync("/office/payments?reference=" + first.Reference.ToLowerInvariant());
        var byApplication = await officer.PageAsync("/office/payments?application=td-2026-000902");

        Assert.Equal([first.Reference], Listed(byReference));
        Assert.Equal([other.Reference], Listed(byApplication));
    }

    [Fact]
    public async Task Search_AnotherDepartmentsPayment_NeitherListedNorOpened()
    {
        var theirs = await _app.StoredPaymentAsync(department: "FEHD", state: PaymentState.Succeeded);
        var ours = await _app.StoredPaymentAsync();
        var (officer, _, _) = await _app.OfficerAsync();
        var (supervisor, _, _) = await _app.OfficerAsync(StaffRole.Supervisor);

        var all = await officer.PageAsync("/office/payments");
        var searched = await officer.PageAsync("/office/payments?reference=" + theirs.Reference);
        using var opened = await officer.GetAsync("/office/payments/" + theirs.Reference, Cancel);
        using var refunded = await supervisor.PostFormAsync($"/office/payments/{theirs.Reference}?handler=Refund", await supervisor.TokenAsync(),
            ("RefundId", Guid.NewGuid().ToString()), ("Revision", "0"), ("Amount", "100"), ("Reason", "Trying another department's payment"));

        Assert.Equal([ours.Reference], Listed(all));
        Assert.Empty(Listed(searched));
        Assert.Equal(404, (int)opened.StatusCode);
        Assert.Equal(404, (int)refunded.StatusCode);
        Assert.Empty(await _app.RefundsOfAsync(theirs.Id));
    }

    [Fact]
    public async Task Search_HongKongDaysAndState_FilterOnCreatedOrReceived()
    {
        var tenth = await _app.StoredPaymentAsync(state: PaymentState.Succeeded);
        // 23:30 on the 11th in Hong Kong (15:30Z), then 00:30 on the 12th there though still the 11th in UTC.
        _app.Clock.Advance(TimeSpan.FromHours(37.5));
        var eleventh = await _app.StoredPaymentAsync();
        _app.Clock.Advance(TimeSpan.FromHours(1));
        var twelfth = await _app.StoredPaymentAsync(state: PaymentState.Failed);
        var (officer, _, _) = await _app.OfficerAsync();

        var onTheEleventh = await officer.PageAsync("/office/payments?from=2026-03-11&to=2026-03-11");
        var fromTheEleventh = await officer.PageAsync("/office/payments?from=2026-03-11");
        var receivedOnTheTenth = await officer.PageAsync("/office/payments?on=succeeded&from=2026-03-10&to=2026-03-12");
        var failed = await officer.PageAsync("/office/payments?state=failed");
        var wrongDate = await officer.PageAsync("/office/payments?from=11/03/2026");

        Assert.Equal([eleventh.Reference], Listed(onTheEleventh));
        Assert.Equal([twelfth.Reference, eleventh.Reference], Listed(fromTheEleventh));
        Assert.Equal([tenth.Reference], Listed(receivedOnTheTenth));
        Assert.Equal([twelfth.Reference], Listed(failed));
        Assert.Equal(["Enter a date like 2026-03-27"], wrongDate.ErrorSummary());
        Assert.StartsWith("Error: ", wrongDate.Title);
    }

    [Fact]
    public async Task Search_MoreThanAPage_NewestFirstWithOlderAndNewerLinks()
    {
        var references = new List<string>();
        for (var i = 0; i < 27; i++)
        {
            references.Add((await _app.StoredPaymentAsync()).Reference);
            _app.Clock.Advance(TimeSpan.FromMinutes(1));
        }
        references.Reverse();
        var (officer, _, _) = await _app.OfficerAsync();

        var first = await officer.PageAsync("/office/payments");
        var older = first.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        var second = await officer.PageAsync(System.Net.WebUtility.HtmlDecode(older));
        var newer = second.QuerySelector("a[rel=prev]")!.GetAttribute("href")!;
        var back = await officer.PageAsync(System.Net.WebUtility.HtmlDecode(newer));

        Assert.Equal(references.Take(25), Listed(first));
        Assert.Null(first.QuerySelector("a[rel=prev]"));
        Assert.Equal(references.Skip(25), Listed(second));
        Assert.Null(second.QuerySelector("a[rel=next]"));
        Assert.Equal(references.Take(25), Listed(back));
    }
}

public sealed class PaymentSearchSqliteTests() : PaymentSearchTests(Provider.Sqlite);

public sealed class PaymentSearchPostgresTests() : PaymentSearchTests(Provider.Postgres);
