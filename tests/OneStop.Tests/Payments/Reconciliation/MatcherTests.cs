using System.Text;
using OneStop.Payments.Providers;
using OneStop.Payments.Reconciliation;

namespace OneStop.Tests.Payments.Reconciliation;

/// <summary>The comparison of a provider's settlement with OneStop's day, and the CSV it is exported as: pure rules.</summary>
public sealed class MatcherTests
{
    private static readonly DateTime At = new(2026, 3, 10, 4, 0, 0, DateTimeKind.Utc);
    private static readonly Guid PaymentA = Guid.NewGuid();
    private static readonly Guid PaymentB = Guid.NewGuid();
    private static readonly Guid RefundA = Guid.NewGuid();

    private static OurMove Paid(Guid id, string reference, decimal amount, string checkout, string department = "TD") =>
        new(id, reference, department, null, checkout, amount, "HKD");

    private static SettlementLine Line(string reference, Guid? paymentId, decimal amount, string kind = "payment", string currency = "HKD") =>
        new(reference, paymentId, kind, amount, currency, At);

    [Fact]
    public void Run_SameMoneyBothSides_Matched()
    {
        var results = Matcher.Run([Paid(PaymentA, "PAY-1", 200m, "cs_a")], [Line("cs_a", PaymentA, 200m)], []);

        var match = Assert.Single(results);
        Assert.Equal((MatchKind.Matched, "payment", "PAY-1", "TD", 200m, 200m), (match.Kind, match.LineKind, match.PaymentReference, match.DepartmentCode, match.OneStopAmount, match.ProviderAmount));
    }

    [Fact]
    public void Run_ProviderEchoesNoPaymentId_MatchedByCheckoutReference()
    {
        var results = Matcher.Run([Paid(PaymentA, "PAY-1", 200m, "cs_a")], [Line("cs_a", null, 200m)], []);

        Assert.Equal(MatchKind.Matched, Assert.Single(results).Kind);
    }

    [Fact]
    public void Run_DifferentAmountOrCurrency_AmountMismatchWithBothAmounts()
    {
        var results = Matcher.Run(
            [Paid(PaymentA, "PAY-1", 200m, "cs_a"), Paid(PaymentB, "PAY-2", 100m, "cs_b")],
            [Line("cs_a", PaymentA, 180m), Line("cs_b", PaymentB, 100m, currency: "USD")], []);

        Assert.All(results, r => Assert.Equal(MatchKind.AmountMismatch, r.Kind));
        var a = results.Single(r => r.PaymentReference == "PAY-1");
        Assert.Equal((200m, 180m), (a.OneStopAmount, a.ProviderAmount));
    }

    [Fact]
    public void Run_OnlyOneSideHasIt_MissingAtProviderAndMissingInOneStopWithKnownDepartment()
    {
        var known = new KnownPayment(PaymentB, "PAY-2", "FEHD", "cs_b");

        var results = Matcher.Run([Paid(PaymentA, "PAY-1", 200m, "cs_a")], [Line("cs_b", PaymentB, 50m), Line("cs_x", null, 10m)], [known]);

        var missingThere = Assert.Single(results, r => r.Kind == MatchKind.MissingAtProvider);
        Assert.Equal(("PAY-1", 200m, (decimal?)null), (missingThere.PaymentReference, missingThere.OneStopAmount, missingThere.ProviderAmount));
        var missingHere = results.Where(r => r.Kind == MatchKind.MissingInOneStop).ToList();
        Assert.Equal([("PAY-2", "FEHD"), (null, null)], missingHere.Select(r => (r.PaymentReference, r.DepartmentCode)));
        Assert.Equal(50m, missingHere[0].ProviderAmount);
    }

    [Fact]
    public void Run_RefundNegativeAtProvider_MatchedByRefundReference()
    {
        var refund = new OurMove(PaymentA, "PAY-1", "TD", RefundA, "re_a", 50m, "HKD");

        var results = Matcher.Run([refund], [Line("re_a", PaymentA, -50m, "refund")], []);

        var match = Assert.Single(results);
        Assert.Equal((MatchKind.Matched, "refund", (Guid?)RefundA, 50m), (match.Kind, match.LineKind, match.RefundId, match.ProviderAmount));
    }

    [Fact]
    public void Run_ProviderListsAPaymentTwice_SecondIsMissingInOneStop()
    {
        var results = Matcher.Run([Paid(PaymentA, "PAY-1", 200m, "cs_a")], [Line("cs_a", PaymentA, 200m), Line("cs_a", PaymentA, 200m)], []);

        Assert.Equal([MatchKind.Matched, MatchKind.MissingInOneStop], results.Select(r => r.Kind));
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("-50.00", "'-50.00")]
    [InlineData(null, "")]
    public void Cell_SpecialCharacters_QuotedAndFormulasDisarmed(string? value, string expected) =>
        Assert.Equal(expected, ReconciliationCsv.Cell(value));

    [Fact]
    public void Write_ChineseHeadings_Utf8WithByteOrderMarkAndCrLf()
    {
        var item = new ReconciliationItem
        {
            Day = new DateOnly(2026, 3, 10), Provider = "sandbox", Kind = MatchKind.AmountMismatch, LineKind = "payment", PaymentReference = "PAY-1",
            DepartmentCode = "TD", ProviderReference = "cs_a", OneStopAmount = 200m, ProviderAmount = 180.5m, Currency = "HKD",
        };

        var bytes = ReconciliationCsv.Write([item], key => key == "result.amountMismatch" ? "金額不符" : key.StartsWith("column.", StringComparison.Ordinal) ? "欄" + key[7..] : key);

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        Assert.StartsWith("欄day,欄provider,欄result", lines[0]);
        Assert.Equal("2026-03-10,sandbox,金額不符,payment,PAY-1,,,TD,cs_a,200.00,180.50,HKD", lines[1]);
        Assert.Equal("", lines[2]);
    }
}
