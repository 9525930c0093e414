using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OneStop.Payments.Providers;
using OneStop.Payments.Sandbox;

namespace OneStop.Tests.Payments.Sandbox;

/// <summary>Switching the sandbox on and off, and the secrets it then needs.</summary>
public sealed class SandboxSetupTests
{
    [Theory]
    [InlineData("SigningSecret", "too-short")]
    [InlineData("SettlementKey", "")]
    public async Task Start_SandboxOnWithoutItsSecret_StopsTheApp(string setting, string value)
    {
        await using var app = new OneStopApp(Provider.Sqlite, seed: false) { Settings = { ["Payments:Sandbox:" + setting] = value } };

        var error = Assert.ThrowsAny<Exception>(() => app.Services);

        var validation = Assert.IsType<OptionsValidationException>(error.GetBaseException());
        Assert.Contains(setting, validation.Message);
    }

    [Fact]
    public async Task Start_SandboxOffWithoutSecrets_StartsWithoutTheSandboxProvider()
    {
        await using var app = new OneStopApp(Provider.Sqlite, seed: false)
        {
            Settings = { ["Payments:Sandbox:Enabled"] = "false", ["Payments:Sandbox:SigningSecret"] = "", ["Payments:Sandbox:SettlementKey"] = "" },
        };

        var (status, _) = await app.CreateClient().GetTextAsync("/");

        Assert.Equal(200, status);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.DoesNotContain(scope.ServiceProvider.GetServices<IPaymentProvider>(), p => p.Name == SandboxGateway.ProviderName);
    }

    [Fact]
    public async Task Production_Settings_SwitchTheSandboxOff()
    {
        await using var app = new OneStopApp(Provider.Sqlite, seed: false) { Environment = "Production" };

        var options = app.Services.GetRequiredService<IOptions<SandboxOptions>>().Value;

        Assert.False(options.Enabled);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.DoesNotContain(scope.ServiceProvider.GetServices<IPaymentProvider>(), p => p.Name == SandboxGateway.ProviderName);
    }
}
