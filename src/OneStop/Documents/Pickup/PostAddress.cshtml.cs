using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OneStop.Identity;
using OneStop.Identity.Profile;
using OneStop.Platform.Localisation;
using OneStop.Platform.Web.Forms;

namespace OneStop.Documents.Pickup;

/// <summary>
/// Where to post the document: the correspondence or residential address of the holder's profile (their own
/// data, shown to them only), or an address typed in as a few lines. Saved as lines, encrypted.
/// </summary>
[Authorize]
public sealed class PostAddressModel(HolderDocuments documents, DeliveryChoices choices, IProfileReader profiles, Text text) : FormPageModel
{
    public const string Other = "other";
    public static readonly string[] Lines = ["Line1", "Line2", "Line3", "Line4"];
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public HolderDocument Target { get; private set; } = null!;
    /// <summary>The profile's addresses, correspondence first: (source, lines in the page's language).</summary>
    public IReadOnlyList<(string Source, IReadOnlyList<string> Lines)> ProfileAddresses { get; private set; } = [];
    [BindProperty] public string? Source { get; set; }
    [BindProperty] public string? Line1 { get; set; }
    [BindProperty] public string? Line2 { get; set; }
    [BindProperty] public string? Line3 { get; set; }
    [BindProperty] public string? Line4 { get; set; }
    [BindProperty] public int Revision { get; set; }

    public string? LineValue(int i) => i switch { 0 => Line1, 1 => Line2, 2 => Line3, _ => Line4 };

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refusal) return refusal;
        Revision = Target.Delivery?.Revision ?? 0;
        if (Target.Delivery?.Method == DeliveryMethod.Post && choices.AddressOf(Target.Delivery) is { Count: > 0 } saved)
        {
            // What was saved last time, to change or keep.
            Source = Other;
            (Line1, Line2, Line3, Line4) = (saved.ElementAtOrDefault(0), saved.ElementAtOrDefault(1), saved.ElementAtOrDefault(2), saved.ElementAtOrDefault(3));
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refusal) return refusal;
        IReadOnlyList<string>? address = null;
        if (ProfileAddresses.FirstOrDefault(a => a.Source == Source) is { Lines.Count: > 0 } fromProfile) address = fromProfile.Lines;
        else if (Source == Other || ProfileAddresses.Count == 0) address = Typed();
        else AddError(nameof(Source), text["pickup.post.error.source"]);
        if (HasErrors || address is null) return Page();

        switch (await choices.ChooseAsync(User.UserId()!.Value, Target, DeliveryMethod.Post, address, Revision, cancellationToken))
        {
            case ChoiceOutcome.Saved:
                return Redirect(Url.Content("~" + PickupPaths.Saved(id)));
            case ChoiceOutcome.Refused:
                return Redirect(Url.Content("~" + DocumentPaths.Collect(id)));
            default:
                Revision = Target.Delivery?.Revision ?? 0;
                ModelState.Remove(nameof(Revision));
                AddError(nameof(Source), text["pickup.collect.error.stale"]);
                return Page();
        }
    }

    /// <summary>The typed lines, trimmed, checked: the first and the last (district or area) are needed.</summary>
    private IReadOnlyList<string>? Typed()
    {
        var values = new[] { Line1, Line2, Line3, Line4 }.Select(v => string.IsNullOrWhiteSpace(v) ? null : v.Trim()).ToArray();
        (Line1, Line2, Line3, Line4) = (values[0], values[1], values[2], values[3]);
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] is null && i is 0 or 3) AddError(Lines[i], text[i == 0 ? "pickup.post.error.line1" : "pickup.post.error.line4"]);
            else if (values[i]?.Length > DeliveryChoices.MaxLineLength)
                AddError(Lines[i], text["pickup.post.error.tooLong", text["pickup.post.line" + (i + 1)], DeliveryChoices.MaxLineLength]);
        }
        return HasErrors ? null : values.OfType<string>().ToList();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (User.UserId() is not { } userId) return Challenge();
        if (await documents.FindAsync(userId, id, cancellationToken) is not { } target) return NotFound();
        if (!target.MayChoose || !target.Offers.Contains(DeliveryMethod.Post)) return Redirect(Url.Content("~" + DocumentPaths.Collect(id)));
        Target = target;
        var fields = new[] { ("correspondence", ProfileFields.CorrespondenceAddress), ("residential", ProfileFields.ResidentialAddress) };
        var values = await profiles.ReadAsync(userId, fields.Select(f => f.Item2).ToArray(), cancellationToken);
        ProfileAddresses = fields
            .Select(f => (f.Item1, Lines: values.TryGetValue(f.Item2, out var v) ? LinesOf(v.Value) : []))
            .Where(a => a.Lines.Count > 0).ToList();
        return null;
    }

    private IReadOnlyList<string> LinesOf(string json)
    {
        try
        {
            var address = JsonSerializer.Deserialize<HongKongAddress>(json, Json);
            return address is null ? [] : address.Lines(d => text["profile.district." + d], r => text["profile.region." + r]).ToList();
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
