using Microsoft.AspNetCore.Hosting;

namespace OneStop.Tests.Platform.Outbox;

public sealed class OutboxOptionsTests
{
    [Theory]
    [InlineData("Outbox:PollInterval", "00:00:00", "PollInterval")]
    [InlineData("Outbox:MaxAttempts", "0", "MaxAttempts")]
    [InlineData("Forms:Drafts:ReminderBefore", "60.00:00:00", "ReminderBefore")]
    public async Task Start_SettingOutOfRange_RefusesToStart(string key, string value, string named)
    {
        await using var app = new OneStopApp(Provider.Sqlite, seed: false);

        var error = Assert.ThrowsAny<Exception>(() => app.WithWebHostBuilder(b => b.UseSetting(key, value)).CreateClient());

        Assert.Contains(named, error.ToString());
    }
}
