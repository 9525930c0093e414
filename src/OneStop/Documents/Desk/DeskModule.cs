using OneStop.Documents.Desk;

// In the module's namespace so that DocumentsModule needs one line, not a using as well.
namespace OneStop.Documents;

/// <summary>The officers' counter desk and post queue (pages in Office/Counters). See docs/documents/counters.md.</summary>
public static class DeskModule
{
    public static IServiceCollection AddCounterDesk(this IServiceCollection services)
    {
        services.AddScoped<CounterDesk>();
        services.AddScoped<PostQueue>();
        return services;
    }
}
