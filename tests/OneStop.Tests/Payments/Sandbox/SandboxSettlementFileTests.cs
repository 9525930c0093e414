using OneStop.Payments.Sandbox;

namespace OneStop.Tests.Payments.Sandbox;

/// <summary>The settlement file's one writer and one reader.</summary>
public sealed class SandboxSettlementFileTests
{
    private static readonly Guid PaymentId = Guid.Parse("0199a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b");

    [Fact]
    public void Write_ThenRead_GivesTheSameRows()
    {
        SandboxSettlementRow[] rows =
        [
            new(new DateTime(2026, 3, 1, 1, 2, 3, DateTimeKind.Utc), "payment", "sbx_cs_1", null, PaymentId, "PAY-2026-000123", "card", "HKD", 1234.5m, 0m),
            new(new DateTime(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc), "refund", "sbx_cs_1", "sbx_re_1", PaymentId, "PAY-2026-000123/2", null, "HKD", -0.05m, 0m),
            new(new DateTime(2026, 3, 1, 15, 59, 59, DateTimeKind.Utc), "payment", "sbx_cs_2", null, PaymentId, "odd, \"quoted\"\nreference", "fps", "HKD", 100m, 0m),
        ];

        var read = SandboxSettlementFile.Read(SandboxSettlementFile.Write(rows));

        Assert.Equal(rows, read);
        Assert.All(read, r => Assert.Equal(DateTimeKind.Utc, r.SettledAt.Kind));
    }

    [Fact]
    public void Write_Amounts_TwoDecimalsWithPointAndRefundsNegative()
    {
        var csv = SandboxSettlementFile.Write([
            new(new DateTime(2026, 3, 1, 1, 2, 3, DateTimeKind.Utc), "refund", "sbx_cs_1", "sbx_re_1", PaymentId, "PAY-2026-000123", "pps", "HKD", -1234.5m, 0m),
        ]);

        Assert.Equal(
            "settled_at,type,checkout,refund,merchant_payment_id,merchant_reference,method,currency,amount,fee\r\n" +
            $"2026-03-01T01:02:03Z,refund,sbx_cs_1,sbx_re_1,{PaymentId},PAY-2026-000123,pps,HKD,-1234.50,0.00\r\n", csv);
    }

    [Fact]
    public void Read_HandWrittenFileWithColumnsReorderedExtraColumnAndLfEndings_ReadsByHeader()
    {
        var csv = $"""
            type,settled_at,amount,fee,currency,method,merchant_reference,merchant_payment_id,refund,checkout,note
            payment,2026-03-01T23:59:59Z,300.00,0.00,HKD,card,PAY-2026-000001,{PaymentId},,sbx_cs_a,"first, of the day"
            refund,2026-03-02T00:00:00Z,-50.00,0.00,HKD,,PAY-2026-000001,{PaymentId},sbx_re_a,sbx_cs_a,

            """;

        var rows = SandboxSettlementFile.Read(csv);

        Assert.Equal(2, rows.Count);
        Assert.Equal(new SandboxSettlementRow(new DateTime(2026, 3, 1, 23, 59, 59, DateTimeKind.Utc), "payment", "sbx_cs_a", null, PaymentId, "PAY-2026-000001", "card", "HKD", 300m, 0m), rows[0]);
        Assert.Equal(("sbx_re_a", PaymentId, "refund", -50m), (rows[1].ToLine().ProviderReference, rows[1].ToLine().PaymentId, rows[1].ToLine().Kind, rows[1].ToLine().Amount));
        Assert.Null(rows[1].Method);
        Assert.Equal(("sbx_cs_a", "payment"), (rows[0].ToLine().ProviderReference, rows[0].ToLine().Kind));
    }

    [Theory]
    [InlineData("")]
    [InlineData("settled_at,type,checkout,refund,merchant_payment_id,merchant_reference,method,currency,amount\r\n")]
    [InlineData("settled_at,type,checkout,refund,merchant_payment_id,merchant_reference,method,currency,amount,fee\r\n2026-03-01T00:00:00Z,payment,sbx_cs_1,,0199a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b,PAY-1,card,HKD,3O0.00,0.00\r\n")]
    [InlineData("settled_at,type,checkout,refund,merchant_payment_id,merchant_reference,method,currency,amount,fee\r\n2026-03-01T00:00:00Z,chargeback,sbx_cs_1,,0199a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b,PAY-1,card,HKD,300.00,0.00\r\n")]
    [InlineData("settled_at,type,checkout,refund,merchant_payment_id,merchant_reference,method,currency,amount,fee\r\n2026-03-01T00:00:00Z,refund,sbx_cs_1,,0199a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b,PAY-1,card,HKD,-300.00,0.00\r\n")]
    [InlineData("settled_at,type,checkout,refund,merchant_payment_id,merchant_reference,method,currency,amount,fee\r\n2026-03-01 00:00:00,payment,sbx_cs_1,,0199a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b,PAY-1,card,HKD,300.00,0.00\r\n")]
    [InlineData("settled_at,type,checkout,refund,merchant_payment_id,merchant_reference,method,currency,amount,fee\r\n2026-03-01T00:00:00Z,payment,sbx_cs_1,,0199a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b,\"PAY-1,card,HKD,300.00,0.00\r\n")]
    [InlineData("settled_at,type,checkout,refund,merchant_payment_id,merchant_reference,method,currency,amount,fee\r\n2026-03-01T00:00:00Z,payment,sbx_cs_1,,0199a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b,PAY-1,card,HKD,300.00\r\n")]
    public void Read_MalformedFile_Throws(string csv) =>
        Assert.Throws<FormatException>(() => SandboxSettlementFile.Read(csv));
}
