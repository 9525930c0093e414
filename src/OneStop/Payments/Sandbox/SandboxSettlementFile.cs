using System.Globalization;
using System.Text;
using OneStop.Payments.Providers;

namespace OneStop.Payments.Sandbox;

/// <summary>
/// One row of the sandbox's daily settlement file: money that moved for a checkout (<c>payment</c>, positive)
/// or went back (<c>refund</c>, negative). <see cref="Refund"/> is set only on refund rows.
/// </summary>
public sealed record SandboxSettlementRow(DateTime SettledAt, string Type, string Checkout, string? Refund, Guid MerchantPaymentId,
    string MerchantReference, string? Method, string Currency, decimal Amount, decimal Fee)
{
    public const string Payment = "payment";
    public const string RefundType = "refund";

    /// <summary>What reconciliation compares: a payment row is the checkout's, a refund row the refund's.</summary>
    public SettlementLine ToLine() => new(Type == RefundType ? Refund! : Checkout, MerchantPaymentId, Type, Amount, Currency, SettledAt);
}

/// <summary>
/// The settlement file's format, written and read here only, so the file a merchant downloads is exactly
/// what <see cref="SandboxGateway.SettlementAsync"/> reconciles from. RFC 4180 CSV (UTF-8, CRLF, a header
/// row, fields quoted when they hold a comma, quote or line break); amounts with two decimals and a point;
/// times ISO 8601 in UTC to the second. Documented in docs/payments/sandbox.md.
/// </summary>
public static class SandboxSettlementFile
{
    public static readonly string[] Columns =
        ["settled_at", "type", "checkout", "refund", "merchant_payment_id", "merchant_reference", "method", "currency", "amount", "fee"];

    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    public static string Write(IEnumerable<SandboxSettlementRow> rows)
    {
        var csv = new StringBuilder();
        Line(csv, Columns);
        foreach (var r in rows)
        {
            Line(csv, [
                r.SettledAt.ToString(TimeFormat, CultureInfo.InvariantCulture), r.Type, r.Checkout, r.Refund ?? "", r.MerchantPaymentId.ToString(),
                r.MerchantReference, r.Method ?? "", r.Currency, Money(r.Amount), Money(r.Fee),
            ]);
        }
        return csv.ToString();
    }

    /// <summary>The rows of a settlement file; columns are found by their header, so added columns are ignored. Throws <see cref="FormatException"/> on anything else.</summary>
    public static IReadOnlyList<SandboxSettlementRow> Read(string csv)
    {
        var records = Records(csv);
        if (records.Count == 0) throw new FormatException("The settlement file has no header row.");
        var header = records[0];
        var at = Columns.ToDictionary(c => c, c => Array.IndexOf(header, c));
        if (at.FirstOrDefault(c => c.Value < 0) is { Key: { } missing }) throw new FormatException($"The settlement file has no {missing} column.");
        var rows = new List<SandboxSettlementRow>(records.Count - 1);
        for (var n = 1; n < records.Count; n++)
        {
            var fields = records[n];
            if (fields.Length != header.Length) throw new FormatException($"Row {n} has {fields.Length} fields; the header has {header.Length}.");
            string Field(string column) => fields[at[column]];
            string? Optional(string column) => Field(column) is { Length: > 0 } value ? value : null;
            var type = Field("type");
            if (type is not (SandboxSettlementRow.Payment or SandboxSettlementRow.RefundType)) throw new FormatException($"Row {n}: unknown type '{type}'.");
            var refund = Optional("refund");
            if ((type == SandboxSettlementRow.RefundType) != (refund is not null)) throw new FormatException($"Row {n}: a refund id belongs on refund rows only.");
            rows.Add(new SandboxSettlementRow(
                DateTime.ParseExact(Field("settled_at"), TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
                type, Required(Field("checkout"), n, "checkout"), refund, Guid.Parse(Field("merchant_payment_id"), CultureInfo.InvariantCulture),
                Field("merchant_reference"), Optional("method"), Required(Field("currency"), n, "currency"),
                ParseMoney(Field("amount"), n), ParseMoney(Field("fee"), n)));
        }
        return rows;
    }

    private static string Required(string value, int row, string column) =>
        value.Length > 0 ? value : throw new FormatException($"Row {row}: {column} is empty.");

    private static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    private static decimal ParseMoney(string value, int row) =>
        decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
            ? amount : throw new FormatException($"Row {row}: '{value}' is not an amount.");

    private static void Line(StringBuilder csv, IReadOnlyList<string> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0) csv.Append(',');
            var f = fields[i];
            if (f.AsSpan().IndexOfAny(",\"\r\n") >= 0) csv.Append('"').Append(f.Replace("\"", "\"\"")).Append('"');
            else csv.Append(f);
        }
        csv.Append("\r\n");
    }

    /// <summary>RFC 4180 records; a bare LF ends a line too, and blank lines are skipped.</summary>
    private static List<string[]> Records(string csv)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var any = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c != '"') field.Append(c);
                else if (i + 1 < csv.Length && csv[i + 1] == '"') { field.Append('"'); i++; }
                else quoted = false;
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0: quoted = true; any = true; break;
                case '"': throw new FormatException("A quote inside an unquoted field.");
                case ',': fields.Add(field.ToString()); field.Clear(); any = true; break;
                case '\r' when i + 1 < csv.Length && csv[i + 1] == '\n': break;
                case '\r' or '\n':
                    EndRecord();
                    break;
                default: field.Append(c); any = true; break;
            }
        }
        if (quoted) throw new FormatException("A quoted field is not closed.");
        EndRecord();
        return records;

        void EndRecord()
        {
            if (any || field.Length > 0)
            {
                fields.Add(field.ToString());
                records.Add([.. fields]);
            }
            fields.Clear();
            field.Clear();
            any = false;
        }
    }
}
