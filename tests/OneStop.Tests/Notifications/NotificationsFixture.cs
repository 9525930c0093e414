namespace OneStop.Tests.Notifications;

/// <summary>One portal per test class; each test makes its own accounts, keys and phone numbers, and reads only its own mail and texts.</summary>
public sealed class NotificationsFixture : IAsyncDisposable
{
    public NotificationsApp App { get; } = new();

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}
