using OneStop.Platform.Database;
using OneStop.Platform.Health;
using OneStop.Platform.Localisation;
using OneStop.Platform.Mail;
using OneStop.Platform.Scanning;
using OneStop.Platform.Outbox;
using OneStop.Platform.Storage;
using OneStop.Platform.Web;

namespace OneStop.Platform;

/// <summary>What every module relies on: database, time, localisation, web pipeline, health and API plumbing.</summary>
public static class PlatformSetup
{
    public static WebApplicationBuilder AddPlatform(this WebApplicationBuilder builder)
    {
        builder.Host.UseDefaultServiceProvider(o =>
        {
            o.ValidateOnBuild = true;
            o.ValidateScopes = true;
        });
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<Text>();
        services.AddScoped<Audit.AuditLog>();
        services.AddDatabase(builder.Configuration);
        services.AddStorage(builder.Configuration);
        services.AddVirusScanning(builder.Configuration);
        services.AddPlatformHealth();
        services.AddProblemDetails();
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "OneStop API";
            document.Info.Description = "Government services catalogue, search and digitisation figures. Errors are RFC 9457 problem details.";
            return Task.CompletedTask;
        }));
        services.AddRazorPages(o => o.RootDirectory = "/");
        // Chinese pages would otherwise be written as &#x...; entities: three times the bytes for old phones.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        services.AddHttpContextAccessor();
        services.AddOptions<SiteOptions>().Bind(builder.Configuration.GetSection(SiteOptions.Section))
            .Validate(o => o.IsValid, "Site:PublicOrigin must be an absolute http(s) address (a base path is allowed, a query is not), e.g. https://www.onestop.gov.example.")
            .Validate(o => !builder.Environment.IsProduction() || !string.IsNullOrEmpty(o.PublicOrigin),
                "Site:PublicOrigin is required in Production: email links and tokens are built from it.")
            .ValidateOnStart();
        services.AddSingleton<PublicLinks>();
        services.AddMail(builder.Configuration);
        services.AddOutbox(builder.Configuration);
        return builder;
    }

    public static WebApplication UsePlatform(this WebApplication app)
    {
        app.UseSecurityHeaders();
        // Before the error handlers, so that an error page re-executed for /zh-hk/… is in Chinese too.
        app.UseMiddleware<LanguagePrefixMiddleware>();
        // API callers get problem details; people get a page in their language.
        app.UseWhen(IsApi, api => api.UseExceptionHandler().UseStatusCodePages());
        app.UseWhen(c => !IsApi(c), pages => pages
            .UseExceptionHandler("/error/500")
            .UseStatusCodePagesWithReExecute("/error/{0}"));
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = c => c.Context.Response.Headers.CacheControl = "public, max-age=86400",
        });
        // Explicitly here, after the language prefix has been taken off the path, so routes match it.
        app.UseRouting();
        return app;
    }

    public static WebApplication MapPlatform(this WebApplication app)
    {
        app.MapPlatformHealth();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapRazorPages();
        return app;
    }

    private static bool IsApi(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/openapi");
}
