using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OneStop.Catalogue.Demo;
using OneStop.Identity.Profile.Registry;
using OneStop.Platform.Audit;
using OneStop.Platform.Localisation;

namespace OneStop.Identity.Profile;

/// <summary>
/// Three citizens for local runs (Demo:Seed), one per assurance level, so a newcomer can sign in and see
/// each. Their passwords and the TOTP key are public (docs/identity/profile.md): never seeded in Production,
/// where Demo:Seed is false.
/// </summary>
public static class DemoCitizens
{
    public const string Password = "harbour lantern dim sum";

    /// <summary>Base32 authenticator key of the advanced citizen; add it to any TOTP app (SHA-1, 6 digits, 30 s).</summary>
    public const string AuthenticatorKey = "JBSWY3DPEHPK3PXPONESTOPDEMO23456";

    public const string BasicEmail = "citizen.basic@onestop.example";
    public const string VerifiedEmail = "citizen.verified@onestop.example";
    public const string AdvancedEmail = "citizen.advanced@onestop.example";

    public static async Task SeedIfEnabledAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        if (!services.GetRequiredService<IOptions<DemoOptions>>().Value.Seed) return;
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var residents = SandboxPopulationRegistry.Residents;
        await SeedAsync(sp, BasicEmail, null, totp: false, Language.En, cancellationToken);
        await SeedAsync(sp, VerifiedEmail, residents.Single(r => r.NameEnglish == "CHAN Tai Man"), totp: false, Language.En, cancellationToken);
        await SeedAsync(sp, AdvancedEmail, residents.Single(r => r.NameEnglish == "WONG Mei Ling"), totp: true, Language.ZhHk, cancellationToken);
    }

    private static async Task SeedAsync(IServiceProvider sp, string email, SandboxResident? resident, bool totp, Language language,
        CancellationToken cancellationToken)
    {
        var users = sp.GetRequiredService<UserManager<OneStopUser>>();
        if (await users.FindByEmailAsync(email) is not null) return;
        var clock = sp.GetRequiredService<TimeProvider>();
        var user = new OneStopUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            PreferredLanguage = language,
            CreatedAt = clock.GetUtcNow(),
        };
        Check(await users.CreateAsync(user, Password), email);
        sp.GetRequiredService<AuditLog>().Record(AuditEvents.Registered, null, user.Id, detail: "demo");
        if (resident is not null)
        {
            var profiles = sp.GetRequiredService<ProfileStore>();
            var details = await profiles.LoadAsync(user.Id, cancellationToken);
            details.NameChinese = resident.NameChinese;
            details.Sex = resident.Sex;
            details.Phone = "+85291234567";
            details.ContactChannels = [ContactChannel.Email, ContactChannel.Portal];
            details.ResidentialAddress = new HongKongAddress
            {
                Flat = "A", Floor = "12/F", Block = "Block 2", Building = "Harbour View Mansion", Street = "88 Gloucester Road", District = "wan-chai",
            };
            await profiles.StageAsync(user.Id, details, cancellationToken);
            var outcome = await sp.GetRequiredService<IdentityVerification>()
                .ApplyAsync(user, new RegistryQuery(resident.Card, resident.NameEnglish, resident.DateOfBirth), "registry", user.Id, cancellationToken);
            if (outcome != VerificationOutcome.Verified) throw new InvalidOperationException($"Demo citizen {email} could not be verified: {outcome}.");
        }
        if (totp)
        {
            // Identity's own authenticator store, which its TOTP provider reads.
            var store = (IUserAuthenticatorKeyStore<OneStopUser>)sp.GetRequiredService<IUserStore<OneStopUser>>();
            await store.SetAuthenticatorKeyAsync(user, AuthenticatorKey, cancellationToken);
            Check(await users.SetTwoFactorEnabledAsync(user, true), email);
        }
        Check(await users.UpdateAsync(user), email);
    }

    private static void Check(IdentityResult result, string email)
    {
        if (!result.Succeeded) throw new InvalidOperationException($"Could not create demo citizen {email}: {string.Join(", ", result.Errors.Select(e => e.Code))}");
    }
}
