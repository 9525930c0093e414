using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OneStop.Documents.Appointments;
using OneStop.Identity;
using OneStop.Platform.Localisation;
using OneStop.Platform.Web.Forms;

namespace OneStop.Documents.Pickup;

/// <summary>
/// How the holder wants the document: electronic only (the wallet), by post, or collected at a counter — the ways
/// its template offers. Post asks for the address next; a counter goes on to booking a time.
/// </summary>
[Authorize]
public sealed class CollectModel(HolderDocuments documents, DeliveryChoices choices, Bookings bookings, Text text) : FormPageModel
{
    public HolderDocument Target { get; private set; } = null!;
    public Appointment? Appointment { get; private set; }
    public IReadOnlyList<string> Address { get; private set; } = [];
    [BindProperty] public string? Method { get; set; }
    [BindProperty] public int Revision { get; set; }
    [BindProperty(SupportsGet = true)] public bool Saved { get; set; }

    public static string Value(DeliveryMethod method) => method.ToString().ToLowerInvariant();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refusal) return refusal;
        Method = Target.Delivery is { } delivery ? Value(delivery.Method) : null;
        Revision = Target.Delivery?.Revision ?? 0;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refusal) return refusal;
        if (!Target.MayChoose) return Page();
        var chosen = Target.Offers.Cast<DeliveryMethod?>().FirstOrDefault(m => Value(m!.Value) == Method);
        switch (chosen)
        {
            case null:
                AddError(nameof(Method), text["pickup.collect.error.method"]);
                return Page();
            case DeliveryMethod.Post:
                return Redirect(Url.Content("~" + PickupPaths.Post(id)));
            case DeliveryMethod.Counter when Target.Delivery?.Method == DeliveryMethod.Counter:
                return Redirect(Url.Content("~" + (Appointment is { } booked ? DocumentPaths.Appointment(booked.Code) : PickupPaths.Counter(id))));
        }
        var method = chosen.Value;
        switch (await choices.ChooseAsync(User.UserId()!.Value, Target, method, null, Revision, cancellationToken))
        {
            case ChoiceOutcome.Saved:
                return Redirect(Url.Content("~" + (method == DeliveryMethod.Counter ? PickupPaths.Counter(id) : PickupPaths.Saved(id))));
            default:
                // Changed meanwhile (another tab, or the document was posted): show it as it is now before choosing again.
                await LoadAsync(id, cancellationToken);
                Revision = Target.Delivery?.Revision ?? 0;
                ModelState.Remove(nameof(Revision));
                AddError(nameof(Method), text["pickup.collect.error.stale"]);
                return Page();
        }
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (User.UserId() is not { } userId) return Challenge();
        if (await documents.FindAsync(userId, id, cancellationToken) is not { } target) return NotFound();
        Target = target;
        Appointment = await bookings.CurrentAsync(target.Delivery, cancellationToken);
        Address = target.Delivery?.Method == DeliveryMethod.Post ? choices.AddressOf(target.Delivery) : [];
        return null;
    }
}
