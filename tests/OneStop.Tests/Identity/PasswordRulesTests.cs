using OneStop.Identity.Passwords;

namespace OneStop.Tests.Identity;

public sealed class PasswordRulesTests
{
    [Theory]
    [InlineData("correct horse battery staple", null, null)]
    [InlineData("我哋今晚去飲茶食點心好唔好", null, "password.tooShort")] // 13 characters: counted as people see them
    [InlineData("我哋今晚去飲茶食點心好唔好呀嗎", null, null)]
    [InlineData("fourteen chars", null, "password.tooShort")]
    [InlineData("passwordpassword", null, "password.common")]
    [InlineData("PasswordPassword", null, "password.common")]
    [InlineData("aaaaaaaaaaaaaaaa", null, "password.guessable")]
    [InlineData("abcabcabcabcabcabc", null, "password.guessable")]
    [InlineData("1234567890123456", null, "password.guessable")]
    [InlineData("chan.tai.man.1958!", "chan.tai.man@example.com", "password.guessable")]
    [InlineData("onestop id", null, "password.tooShort")]
    public void Check_Password_GivesTheExpectedOutcome(string password, string? email, string? error)
    {
        var result = PasswordRules.Check(password, email, minimumLength: 15);

        Assert.Equal(error, result.Errors.SingleOrDefault()?.Code);
    }

    [Fact]
    public void Check_FullWidthCharacters_AreNormalisedBeforeTheListIsChecked()
    {
        // ｐａｓｓｗｏｒｄ１２３４５６７８ in full-width forms is "password12345678" after NFKC.
        var result = PasswordRules.Check("ｐａｓｓｗｏｒｄｐａｓｓｗｏｒｄ", null, minimumLength: 15);

        Assert.Equal("password.common", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Check_LongerThanTheMaximum_IsRefused()
    {
        Assert.Equal("password.tooLong", Assert.Single(PasswordRules.Check(new string('x', 100) + Guid.NewGuid() + new string('y', 200), null, 15).Errors).Code);
    }
}
