using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Identity;
using OneStop.Identity.Profile;
using OneStop.Platform.Database;

namespace OneStop.Tests.Identity.Profile;

/// <summary>Demo citizens: one per assurance level, seeded once when Demo:Seed is on, never otherwise.</summary>
public sealed class DemoCitizensTests
{
    [Fact]
    public async Task Seed_DemoOn_CreatesTheThreeCitizensOnceAtTheirLevels()
    {
        await using var app = new OneStopApp(Provider.Sqlite, seed: true);
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        _ = app.Server;

        await DemoCitizens.SeedIfEnabledAsync(app.Services, TestContext.Current.CancellationToken); // a second start
        using var basic = await client.SignInAsync(DemoCitizens.BasicEmail, DemoCitizens.Password);
        var basicLevel = await client.AssuranceAsync();
        var verifiedClient = app.CreateClient(new() { AllowAutoRedirect = false });
        using var verified = await verifiedClient.SignInAsync(DemoCitizens.VerifiedEmail, DemoCitizens.Password);
        var verifiedLevel = await verifiedClient.AssuranceAsync();
        var (_, profile) = await verifiedClient.GetPageAsync("/account/profile");

        Assert.Equal("/account", basic.Location());
        Assert.Equal("basic", basicLevel);
        Assert.Equal("/account", verified.Location());
        Assert.Equal("verified", verifiedLevel);
        Assert.Equal("A123***(*)", profile.SummaryValue(ProfileFields.IdentityCard)![..10]);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDb>();
        string[] emails = [DemoCitizens.BasicEmail, DemoCitizens.VerifiedEmail, DemoCitizens.AdvancedEmail];
        Assert.Equal(3, await db.Users.CountAsync(u => emails.Contains(u.Email!), TestContext.Current.CancellationToken));
        var users = scope.ServiceProvider.GetRequiredService<UserManager<OneStopUser>>();
        var advanced = (await users.FindByEmailAsync(DemoCitizens.AdvancedEmail))!;
        Assert.True(advanced.TwoFactorEnabled);
        Assert.NotNull(advanced.IdentityVerifiedAt);
        Assert.Equal(DemoCitizens.AuthenticatorKey, await users.GetAuthenticatorKeyAsync(advanced));
        Assert.True(await users.VerifyTwoFactorTokenAsync(advanced, TokenOptions.DefaultAuthenticatorProvider, Totp(DemoCitizens.AuthenticatorKey, app.Clock.GetUtcNow())));
    }

    [Fact]
    public async Task Seed_DemoOff_CreatesNoCitizens()
    {
        await using var app = new OneStopApp(Provider.Sqlite, seed: false);
        _ = app.Server;

        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<OneStopUser>>();

        Assert.Null(await users.FindByEmailAsync(DemoCitizens.BasicEmail));
    }

    /// <summary>RFC 6238 with SHA-1, 6 digits, 30-second steps: what an authenticator app shows.</summary>
    private static string Totp(string base32Key, DateTimeOffset at)
    {
        var key = FromBase32(base32Key);
        var step = at.ToUnixTimeSeconds() / 30;
        var counter = BitConverter.GetBytes(System.Net.IPAddress.HostToNetworkOrder(step));
        var hash = System.Security.Cryptography.HMACSHA1.HashData(key, counter);
        var offset = hash[^1] & 0x0f;
        var code = ((hash[offset] & 0x7f) << 24 | hash[offset + 1] << 16 | hash[offset + 2] << 8 | hash[offset + 3]) % 1_000_000;
        return code.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] FromBase32(string input)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = string.Concat(input.TrimEnd('=').Select(c => Convert.ToString(alphabet.IndexOf(c), 2).PadLeft(5, '0')));
        return Enumerable.Range(0, bits.Length / 8).Select(i => Convert.ToByte(bits.Substring(i * 8, 8), 2)).ToArray();
    }
}
