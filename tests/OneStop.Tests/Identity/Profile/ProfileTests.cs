using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Identity.Profile;
using OneStop.Platform.Database;

namespace OneStop.Tests.Identity.Profile;

/// <summary>The e-ME profile pages: what is typed comes back, is encrypted at rest, and proved fields stay locked.</summary>
public abstract class ProfileTests(Provider provider) : IAsyncLifetime
{
    private OneStopApp _app = null!;

    public ValueTask InitializeAsync()
    {
        if (provider == Provider.Postgres) PostgresServer.SkipIfUnavailable();
        _app = new OneStopApp(provider, seed: false);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private HttpClient NewBrowser() => _app.CreateClient(new() { AllowAutoRedirect = false });

    [Fact]
    public async Task EditProfile_EveryGroup_ShowsTheValuesBackAndStoresThemEncrypted()
    {
        var client = NewBrowser();
        var email = await client.SignedInAsync(_app);

        using var name = await client.SubmitAsync("/account/profile/name", new Dictionary<string, string> { ["NameEnglish"] = "  CHEUNG   Siu Fung ", ["NameChinese"] = "張小鳳" });
        using var card = await client.SubmitAsync("/account/profile/identity-card", new Dictionary<string, string> { ["IdentityCard"] = "r206841(8)" });
        using var dob = await client.SubmitAsync("/account/profile/date-of-birth", new Dictionary<string, string> { ["DateOfBirthDay"] = "5", ["DateOfBirthMonth"] = "9", ["DateOfBirthYear"] = "1999" });
        using var sex = await client.SubmitAsync("/account/profile/sex", new Dictionary<string, string> { ["Sex"] = "F" });
        using var address = await client.SubmitAsync("/account/profile/address/residential", new Dictionary<string, string>
        {
            ["Flat"] = "B", ["Floor"] = "23/F", ["Block"] = "Tower 3", ["Building"] = "Lotus Court", ["Estate"] = "Sunshine Estate", ["Street"] = "1 Sha Tin Road", ["District"] = "sha-tin",
        });
        using var contact = await client.SubmitAsync("/account/profile/contact", new Dictionary<string, string> { ["Phone"] = "9876 5432", ["Channels"] = "sms", ["Language"] = "en" });
        var (_, page) = await client.GetPageAsync("/account/profile");

        Assert.All(new[] { name, card, dob, sex, address }, r => Assert.Equal("/account/profile", r.Location()));
        Assert.Equal("/account/profile", contact.Location());
        Assert.Equal("CHEUNG Siu Fung", page.SummaryValue(ProfileFields.NameEnglish));
        Assert.Equal("張小鳳", page.SummaryValue(ProfileFields.NameChinese));
        Assert.Equal("R206***(*)", page.SummaryValue(ProfileFields.IdentityCard));
        Assert.Equal("5 September 1999", page.SummaryValue(ProfileFields.DateOfBirth));
        Assert.Equal("Female", page.SummaryValue(ProfileFields.Sex));
        Assert.Equal("+85298765432", page.SummaryValue(ProfileFields.Phone));
        Assert.Equal(email, page.SummaryValue(ProfileFields.Email));
        var lines = page.SummaryValue(ProfileFields.ResidentialAddress)!;
        Assert.Contains("B, 23/F, Tower 3", lines);
        Assert.Contains("Sha Tin", lines);
        Assert.Contains("New Territories", lines);
        Assert.Equal("Text message (SMS)", page.SummaryValue(ProfileFields.ContactChannels));
        Assert.DoesNotContain("R206841", page.Body!.TextContent);

        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDb>();
        var raw = await db.Database.SqlQueryRaw<string>("SELECT \"Data\" AS \"Value\" FROM \"Profiles\"").ToListAsync(TestContext.Current.CancellationToken);
        var stored = Assert.Single(raw);
        Assert.DoesNotContain("R206841", stored, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("CHEUNG", stored, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("1999", stored);
        Assert.DoesNotContain("Lotus", stored, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/zh-hk")]
    [InlineData("/zh-cn")]
    public async Task ProfilePages_EveryLanguage_HaveEveryString(string prefix)
    {
        var client = NewBrowser();
        await client.SignedInAsync(_app);
        using (await client.SubmitAsync("/account/profile/address/residential", new Dictionary<string, string> { ["Building"] = "Sun Tower", ["District"] = "islands" })) { }
        string[] pages =
        [
            "/account/profile", "/account/profile/name", "/account/profile/identity-card", "/account/profile/date-of-birth", "/account/profile/sex",
            "/account/profile/address/residential", "/account/profile/address/correspondence", "/account/profile/contact", "/account/verify", "/account/consents",
        ];

        foreach (var path in pages)
        {
            var (status, body) = await client.GetTextAsync(prefix + path);

            Assert.True(status == 200, $"{prefix}{path} answered {status}");
            Assert.DoesNotMatch(@"\[(profile|consents|audit)\.", body);
        }
    }

    [Fact]
    public async Task EditIdentityCard_WrongCheckDigitInChinese_ShowsChineseErrorAndKeepsInput()
    {
        var client = NewBrowser();
        await client.SignedInAsync(_app);

        using var response = await client.SubmitAsync("/zh-hk/account/profile/identity-card", new Dictionary<string, string> { ["IdentityCard"] = "A123456(4)" });
        var page = await response.ReadPageAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("請輸入格式正確的香港身分證號碼", Assert.Single(page.ErrorSummary()));
        Assert.Equal("A123456(4)", page.QuerySelector("#IdentityCard")!.GetAttribute("value"));
    }

    [Fact]
    public async Task EditDateOfBirth_ImpossibleDateInSimplifiedChinese_ShowsErrorOnTheDayField()
    {
        var client = NewBrowser();
        await client.SignedInAsync(_app);

        using var response = await client.SubmitAsync("/zh-cn/account/profile/date-of-birth",
            new Dictionary<string, string> { ["DateOfBirthDay"] = "31", ["DateOfBirthMonth"] = "2", ["DateOfBirthYear"] = "1990" });
        var page = await response.ReadPageAsync();

        Assert.Equal("出生日期必须是真实的日期，例如 13 8 1980", Assert.Single(page.ErrorSummary()));
        Assert.Equal("#DateOfBirthDay", page.QuerySelector(".govuk-error-summary__list a")!.GetAttribute("href"));
        Assert.Equal("31", page.QuerySelector("#DateOfBirthDay")!.GetAttribute("value"));
        Assert.StartsWith("错误：", page.Title);
    }

    [Fact]
    public async Task EditAddress_NoDistrictOrBuilding_ShowsBothErrorsAndKeepsInput()
    {
        var client = NewBrowser();
        await client.SignedInAsync(_app);

        using var response = await client.SubmitAsync("/account/profile/address/correspondence", new Dictionary<string, string> { ["Flat"] = "C", ["District"] = "" });
        var page = await response.ReadPageAsync();

        Assert.Equal(["Enter the building, estate or street", "Choose the district"], page.ErrorSummary());
        Assert.Equal("C", page.QuerySelector("#Flat")!.GetAttribute("value"));
    }

    [Fact]
    public async Task EditContact_SmsWithoutPhone_IsRefused()
    {
        var client = NewBrowser();
        await client.SignedInAsync(_app);

        using var response = await client.SubmitAsync("/account/profile/contact", new Dictionary<string, string> { ["Channels"] = "sms", ["Language"] = "en" });

        Assert.Equal("Enter a phone number to get text messages", Assert.Single((await response.ReadPageAsync()).ErrorSummary()));
    }

    [Fact]
    public async Task EditContact_ChooseTraditionalChinese_UpdatesTheAccountLanguageAndCarriesOnInIt()
    {
        var client = NewBrowser();
        var email = await client.SignedInAsync(_app);

        using var response = await client.SubmitAsync("/account/profile/contact", new Dictionary<string, string> { ["Language"] = "zh-HK", ["Channels"] = "email" });

        Assert.Equal("/zh-hk/account/profile", response.Location());
        await using var scope = _app.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<OneStopDb>().Users.SingleAsync(u => u.Email == email, TestContext.Current.CancellationToken);
        Assert.Equal(OneStop.Platform.Localisation.Language.ZhHk, user.PreferredLanguage);
    }

    [Fact]
    public async Task VerifiedFields_AfterProvingIdentity_AreLockedWithProveAgain()
    {
        var client = NewBrowser();
        await client.SignedInAsync(_app);
        var resident = Profiles.Resident("LEE Ka Wai");
        using (await client.VerifyAsync(resident)) { }

        using var changeName = await client.SubmitAsync("/account/profile/name", new Dictionary<string, string> { ["NameEnglish"] = "SOMEONE Else", ["NameChinese"] = "李嘉慧" });
        var (_, namePage) = await client.GetPageAsync("/account/profile/name");
        var (_, cardPage) = await client.GetPageAsync("/account/profile/identity-card");
        var (_, dobPage) = await client.GetPageAsync("/account/profile/date-of-birth");
        var (_, summary) = await client.GetPageAsync("/account/profile");

        Assert.Null(namePage.QuerySelector("#NameEnglish"));
        Assert.NotNull(namePage.QuerySelector("#NameChinese"));
        Assert.Null(cardPage.QuerySelector("#IdentityCard"));
        Assert.Null(dobPage.QuerySelector("#DateOfBirthDay"));
        Assert.Contains("/account/verify?returnUrl=", cardPage.QuerySelector("a[href*='verify']")!.GetAttribute("href"));
        Assert.StartsWith("LEE KA WAI", summary.SummaryValue(ProfileFields.NameEnglish));
        Assert.Equal("李嘉慧", summary.SummaryValue(ProfileFields.NameChinese));
        Assert.NotNull(summary.QuerySelector($"[data-field='{ProfileFields.IdentityCard}'] [data-verified]"));
        Assert.Contains("Prove again", summary.QuerySelector($"[data-field='{ProfileFields.DateOfBirth}'] .govuk-summary-list__actions")!.TextContent);
        Assert.Null(summary.QuerySelector($"[data-field='{ProfileFields.Sex}'] [data-verified]"));
    }

    [Fact]
    public async Task ProfileReader_FilledProfile_GivesAgreedFormatsAndVerifiedFlags()
    {
        var client = NewBrowser();
        var email = await client.SignedInAsync(_app);
        using (await client.VerifyAsync(Profiles.Resident("CHEUNG Chi Keung"))) { }
        using (await client.SubmitAsync("/account/profile/sex", new Dictionary<string, string> { ["Sex"] = "M" })) { }
        using (await client.SubmitAsync("/account/profile/address/residential", new Dictionary<string, string> { ["Building"] = "Sun Tower", ["District"] = "kwun-tong" })) { }
        var userId = await _app.UserIdAsync(email);

        await using var scope = _app.Services.CreateAsyncScope();
        var values = await scope.ServiceProvider.GetRequiredService<IProfileReader>().ReadAsync(userId, ProfileFields.All, TestContext.Current.CancellationToken);

        Assert.Equal(new ProfileValue("M402719(7)", true), values[ProfileFields.IdentityCard]);
        Assert.Equal(new ProfileValue("1968-06-30", true), values[ProfileFields.DateOfBirth]);
        Assert.Equal(new ProfileValue("CHEUNG CHI KEUNG", true), values[ProfileFields.NameEnglish]);
        Assert.Equal(new ProfileValue("M", false), values[ProfileFields.Sex]);
        Assert.Equal(new ProfileValue(email, true), values[ProfileFields.Email]);
        Assert.Equal(new ProfileValue("en", false), values[ProfileFields.PreferredLanguage]);
        Assert.Equal("""{"building":"Sun Tower","district":"kwun-tong","region":"kowloon"}""", values[ProfileFields.ResidentialAddress].Value);
        Assert.False(values.ContainsKey(ProfileFields.Phone));
    }
}

public sealed class ProfileTests_Sqlite() : ProfileTests(Provider.Sqlite);

public sealed class ProfileTests_Postgres() : ProfileTests(Provider.Postgres);
