using OneStop.Documents.Desk;

namespace OneStop.Tests.Office.Counters;

/// <summary>What the look-up field takes: a booking code as read out, or the check-in address a scanner types.</summary>
public sealed class BookingCodesTests
{
    [Theory]
    [InlineData("AP-7K3M9QX2", "AP-7K3M9QX2")]
    [InlineData("  ap-7k3m9qx2 ", "AP-7K3M9QX2")]
    [InlineData("https://onestop.gov.hk/office/counters/check-in/AP-7K3M9QX2", "AP-7K3M9QX2")]
    [InlineData("https://onestop.gov.hk/zh-hk/office/counters/check-in/ap-7k3m9qx2?from=qr#top", "AP-7K3M9QX2")]
    [InlineData("http://localhost:5000/office/counters/check-in/AP-7K3M9QX2/", "AP-7K3M9QX2")]
    public void Read_CodeOrCheckInAddress_TheStoredCode(string typed, string expected) =>
        Assert.Equal(expected, BookingCodes.Read(typed));

    [Theory]
    [InlineData("")]
    [InlineData("AP 7K3M9QX2")]
    [InlineData("https://onestop.gov.hk/appointments/AP-7K3M9QX2")]
    [InlineData("AP--7K3")]
    [InlineData("AP-7K3M9QX2-TOO-LONG-FOR-A-CODE")]
    [InlineData("<script>")]
    public void Read_SomethingElse_Null(string typed) => Assert.Null(BookingCodes.Read(typed));
}
