using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using OneStop.Tests.Identity;

namespace OneStop.Tests.Platform;

public sealed class MailTests
{
    [Fact]
    public async Task Smtp_Configured_SendsTheConfirmationThroughTheServer()
    {
        await using var sink = new SmtpSink();
        await using var app = new OneStopApp(Provider.Sqlite, seed: false);
        var client = app.WithWebHostBuilder(b =>
        {
            b.UseSetting("Mail:Delivery", "Smtp");
            b.UseSetting("Mail:SmtpHost", "127.0.0.1");
            b.UseSetting("Mail:SmtpPort", sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            b.UseSetting("Mail:SmtpSecurity", "None");
        }).CreateClient(new() { AllowAutoRedirect = false });

        await client.RegisterAsync("smtp-person@example.com");

        var message = Assert.Single(sink.Messages);
        Assert.Equal(["smtp-person@example.com"], message.To);
        Assert.Equal("no-reply@onestop.example", message.From);
        Assert.Contains("Subject: Confirm your email address for OneStop", message.Data);
        Assert.False(Directory.Exists(app.MailFolder), "SMTP delivery must not also write to the pickup folder");
    }

    [Fact]
    public async Task Mailbox_InDevelopment_ListsSentMailWithItsLinks()
    {
        await using var app = new OneStopApp(Provider.Sqlite, seed: false) { Environment = "Development" };
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        await client.RegisterAsync("mailbox-person@example.com");

        var (status, list) = await client.GetPageAsync("/dev/mailbox");
        var link = list.QuerySelector("main li a")!;
        var (_, message) = await client.GetPageAsync(link.GetAttribute("href")!);

        Assert.Equal(200, status);
        Assert.Equal("Confirm your email address for OneStop", link.TextContent);
        Assert.Contains("/account/confirm-email?user=", message.QuerySelector("pre a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Mailbox_OutsideDevelopment_IsNotThere()
    {
        await using var app = new OneStopApp(Provider.Sqlite, seed: false);

        var (status, _) = await app.CreateClient().GetTextAsync("/dev/mailbox");

        Assert.Equal((int)HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task Production_WithoutPublicOrigin_RefusesToStart()
    {
        await using var app = new OneStopApp(Provider.Sqlite, seed: false) { Environment = "Production" };

        var error = Assert.ThrowsAny<Exception>(() => app.WithWebHostBuilder(b => b.UseSetting("Site:PublicOrigin", "")).CreateClient());

        Assert.Contains("Site:PublicOrigin", error.ToString());
    }
}
