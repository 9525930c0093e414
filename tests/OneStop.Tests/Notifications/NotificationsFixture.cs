namespace OneStop.Tests.Notifications;

/// <summary>One portal per test class; each test makes its own accounts, keys and phone numbers, and reads only its own mail and texts.</summary>
public abstract class NotificationsFixture(Provider provider) : IAsyncDisposable
{
    private NotificationsApp? _app;

    public NotificationsApp App
    {
        get
        {
            if (provider == Provider.Postgres) PostgresServer.SkipIfUnavailable();
            return _app ??= new NotificationsApp(provider);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteNotificationsFixture() : NotificationsFixture(Provider.Sqlite);

public sealed class PostgresNotificationsFixture() : NotificationsFixture(Provider.Postgres);
