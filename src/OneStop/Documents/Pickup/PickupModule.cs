using OneStop.Documents.Appointments;
using OneStop.Documents.Pickup;

// In the module's namespace so that DocumentsModule wires it with one line.
namespace OneStop.Documents;

/// <summary>The holder's choice of how to receive a document, and counter appointments. See docs/documents/pickup-and-appointments.md.</summary>
public static class PickupModule
{
    public static IServiceCollection AddDocumentPickup(this IServiceCollection services)
    {
        services.AddScoped<HolderDocuments>();
        services.AddScoped<DeliveryChoices>();
        services.AddScoped<BookingCalendar>();
        services.AddScoped<Bookings>();
        return services;
    }
}
