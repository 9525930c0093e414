using OneStop.Cases;
using OneStop.Catalogue;
using OneStop.Catalogue.Demo;
using OneStop.Documents;
using OneStop.Forms;
using OneStop.Identity;
using OneStop.Identity.Staff;
using OneStop.Identity.Oidc;
using OneStop.Insights;
using OneStop.Notifications;
using OneStop.Office;
using OneStop.Payments;
using OneStop.Platform;
using OneStop.Platform.Cli;
using OneStop.Platform.Database;

if (CommandLine.WantsHelp(args))
{
    Console.WriteLine(CommandLine.Usage);
    return 0;
}

var (commandWords, configurationArgs) = CommandLine.Split(args);
var builder = WebApplication.CreateBuilder(configurationArgs);
// A command's output is for the person at the terminal; the server's logs are not.
if (commandWords.Length > 0) builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.AddPlatform();
builder.Services.AddOneStopIdentity(builder.Configuration, builder.Environment);
builder.Services.AddCatalogue(builder.Configuration);
builder.Services.AddInsights();
builder.Services.AddForms(builder.Configuration);
builder.Services.AddCases(builder.Configuration);
builder.Services.AddOffice();
builder.Services.AddNotifications(builder.Configuration);
builder.Services.AddPayments(builder.Configuration);
builder.Services.AddDocuments(builder.Configuration);

var app = builder.Build();
if (commandWords.Length > 0) return await CommandLine.RunAsync(app, commandWords);

await app.Services.MigrateOnStartIfConfiguredAsync();
await OneStop.Cases.Calendar.HongKongHolidays.SeedIfEmptyAsync(app.Services);
await DemoCatalogue.SeedIfEmptyAsync(app.Services);
await OneStop.Forms.Demo.DemoForms.SeedIfMissingAsync(app.Services);
await OneStop.Identity.Profile.DemoCitizens.SeedIfEnabledAsync(app.Services);
await DemoStaff.SeedIfEmptyAsync(app.Services);
await OneStop.Cases.Demo.DemoWorkflows.SeedIfMissingAsync(app.Services);
await OneStop.Payments.Demo.DemoFees.SeedIfMissingAsync(app.Services);
await OidcDemoClients.SeedIfMissingAsync(app.Services);
await OneStop.Payments.Links.DemoPaymentLinks.SeedIfMissingAsync(app.Services);
await OneStop.Documents.Demo.DemoDocuments.SeedIfMissingAsync(app.Services);

app.UsePlatform();
app.UseOneStopIdentity();
app.MapPlatform();
app.MapCatalogue();
app.MapInsights();
app.MapForms();
app.MapCases();
app.MapPayments();
app.MapDocuments();
OneStop.Identity.Signing.SigningSetup.MapSigning(app);
app.MapOffice();
app.MapOidc();
await app.RunAsync();
return 0;

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
