using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OneStop.Identity.Factors;
using OneStop.Identity.Oidc;
using OneStop.Identity.Passwords;
using OneStop.Identity.TwoDevice;
using OneStop.Identity.Staff;
using OneStop.Platform.Database;

namespace OneStop.Identity;

/// <summary>OneStop ID: accounts, sessions and the rules around them.</summary>
public static class IdentitySetup
{
    /// <summary>Rate-limiting policy for posts that guess at secrets: sign-in, registration, resets.</summary>
    public const string AttemptsPolicy = "identity-attempts";

    public static IServiceCollection AddOneStopIdentity(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<IdentityModuleOptions>().Bind(configuration.GetSection(IdentityModuleOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        var options = configuration.GetSection(IdentityModuleOptions.Section).Get<IdentityModuleOptions>() ?? new();

        // Keys in the database, so every node reads every other node's cookies and tokens.
        KeyProtection.Configure(services, configuration, environment);

        services.AddIdentity<OneStopUser, IdentityRole<Guid>>(o =>
            {
                ConfigureStores(o);
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedEmail = true;
                // Length and the breached list are checked by PasswordRules; composition rules are not NIST's.
                o.Password.RequiredLength = 1;
                o.Password.RequireDigit = o.Password.RequireLowercase = o.Password.RequireUppercase = o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = options.MaxFailedAttempts;
                o.Lockout.DefaultLockoutTimeSpan = options.LockoutDuration;
            })
            .AddEntityFrameworkStores<OneStopDb>()
            .AddUserStore<OneStopUserStore>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<PasswordRules>()
            .AddClaimsPrincipalFactory<OneStopClaimsFactory>();
        services.AddScoped<IPasswordHasher<OneStopUser>, NormalisingPasswordHasher>();
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = options.SessionCheckInterval);

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "onestop-session";
            // One session for every language edition: left to itself the handler would scope the
            // cookie to the PathBase, which includes /zh-hk or /zh-cn.
            o.Cookie.Path = "/";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = options.SessionIdleTimeout;
            o.SlidingExpiration = true;
            o.LoginPath = "/account/sign-in";
            o.LogoutPath = "/account/sign-out";
            o.AccessDeniedPath = "/error/403";
            o.ReturnUrlParameter = "returnUrl";
        });
        services.ConfigureExternalCookie(o => (o.Cookie.Name, o.Cookie.Path) = ("onestop-external", "/"));
        services.Configure<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme,
            o => (o.Cookie.Name, o.Cookie.Path) = ("onestop-2fa", "/"));
        services.AddAntiforgery(o => (o.Cookie.Name, o.Cookie.Path) = ("onestop-antiforgery", "/"));
        services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(o => o.Cookie.Path = "/");

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(AttemptsPolicy, context => HttpMethods.IsPost(context.Request.Method)
                // Per address and page, so that signing in (password, then code) or several people
                // behind one office network do not use up each other's allowance as fast.
                ? RateLimitPartition.GetFixedWindowLimiter($"{context.Connection.RemoteIpAddress}|{context.Request.Path}", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = context.RequestServices.GetRequiredService<IOptions<IdentityModuleOptions>>().Value.AttemptsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                })
                : RateLimitPartition.GetNoLimiter("reads"));
        });

        services.AddAuthorization(AssurancePolicies.Add);
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, AssuranceHandler>();
        services.AddScoped<AccountMail>();
        services.AddScoped<Consent.ConsentReceipts>();
        services.AddTwoDeviceSignIn();
        Profile.ProfileSetup.AddProfile(services, configuration);
        services.AddFactors();
        Signing.SigningSetup.AddSigning(services, configuration, environment);
        services.AddStaff(configuration);
        services.AddOidc(configuration, environment);
        return services;
    }

    /// <summary>Schema version 3 brings the passkeys table. Shared with the design-time factories.</summary>
    public static void ConfigureStores(IdentityOptions o)
    {
        o.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
        o.Stores.MaxLengthForKeys = 128;
    }

    public static WebApplication UseOneStopIdentity(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        return app;
    }
}

/// <summary>Adds what assurance levels need to the session (whether the identity was proved) and the staff role and department.</summary>
internal sealed class OneStopClaimsFactory(UserManager<OneStopUser> users, RoleManager<IdentityRole<Guid>> roles, IOptions<IdentityOptions> options, OneStopDb db)
    : UserClaimsPrincipalFactory<OneStopUser, IdentityRole<Guid>>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(OneStopUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.IdentityVerifiedAt is not null) identity.AddClaim(new Claim(Assurance.VerifiedClaim, user.IdentityVerifiedBy ?? "yes"));
        identity.AddClaims(await StaffClaims.ForUserAsync(db, user.Id));
        return identity;
    }
}
