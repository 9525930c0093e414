using OneStop.Payments.Stripe;

namespace OneStop.Tests.Payments.Stripe;

public sealed class StripeMappingTests
{
    [Theory]
    [InlineData("300", 30000L)]
    [InlineData("300.5", 30050L)]
    [InlineData("0.01", 1L)]
    [InlineData("1234567.89", 123456789L)]
    public void ToCents_WholeCents_Exact(string amount, long cents) =>
        Assert.Equal(cents, StripeMapping.ToCents(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("0.001")]
    [InlineData("100.005")]
    [InlineData("0")]
    [InlineData("-5")]
    public void ToCents_FractionOfACentOrNotPositive_Refused(string amount) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => StripeMapping.ToCents(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("en", "en")]
    [InlineData("zh-HK", "zh-HK")]
    [InlineData("zh-CN", "zh")]
    [InlineData("fr", "auto")]
    public void Locale_PortalLanguage_StripeLocale(string language, string locale) => Assert.Equal(locale, StripeMapping.Locale(language));

    [Fact]
    public void ExpiresAt_DeadlineInThirtyMinutes_ThirtyOneMinutesLater()
    {
        var now = new DateTime(2026, 7, 1, 2, 0, 0, DateTimeKind.Utc);

        Assert.Equal(now.AddMinutes(61), StripeMapping.ExpiresAt(now.AddMinutes(30), now));
    }

    [Fact]
    public void ExpiresAt_PayPressedASecondBeforeTheDeadline_StillPastStripesMinimum()
    {
        var deadline = new DateTime(2026, 7, 1, 2, 30, 0, DateTimeKind.Utc);
        var now = deadline.AddSeconds(-1);

        Assert.True(StripeMapping.ExpiresAt(deadline, now) - now > StripeMapping.ShortestExpiry);
    }

    [Fact]
    public void ExpiresAt_DeadlineADayAway_CappedInsideStripesDay()
    {
        var now = new DateTime(2026, 7, 1, 2, 0, 30, DateTimeKind.Utc);

        Assert.Equal(new DateTime(2026, 7, 2, 1, 59, 0, DateTimeKind.Utc), StripeMapping.ExpiresAt(now.AddDays(1), now));
    }

    [Fact]
    public void ExpiresAt_SamePaymentAtAnotherMoment_SameValue()
    {
        // Stripe refuses a repeated idempotency key with other parameters: two clicks must send the same expiry.
        var deadline = new DateTime(2026, 7, 1, 2, 30, 0, DateTimeKind.Utc);

        Assert.Equal(StripeMapping.ExpiresAt(deadline, deadline.AddMinutes(-30)), StripeMapping.ExpiresAt(deadline, deadline.AddMinutes(-29)));
    }
}
