using Microsoft.AspNetCore.Mvc;
using OneStop.Platform.Audit;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;

namespace OneStop.Identity.Profile;

/// <summary>
/// The residential or the correspondence address, in Hong Kong's structure. The correspondence address is
/// optional: leaving every box empty removes it (mail then goes to the residential address).
/// </summary>
public sealed class EditAddressModel(ProfileStore profiles, AuditLog audit, OneStopDb db, Text text) : ProfilePage(profiles, audit, db, text)
{
    [BindProperty(SupportsGet = true)] public string Kind { get; set; } = "residential";
    [BindProperty] public string? Flat { get; set; }
    [BindProperty] public string? Floor { get; set; }
    [BindProperty] public string? Block { get; set; }
    [BindProperty] public string? Building { get; set; }
    [BindProperty] public string? Estate { get; set; }
    [BindProperty] public string? Street { get; set; }
    [BindProperty] public string? District { get; set; }

    public bool IsCorrespondence => Kind == "correspondence";
    public string Field => IsCorrespondence ? ProfileFields.CorrespondenceAddress : ProfileFields.ResidentialAddress;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if ((IsCorrespondence ? Details.CorrespondenceAddress : Details.ResidentialAddress) is { } a)
            (Flat, Floor, Block, Building, Estate, Street, District) = (a.Flat, a.Floor, a.Block, a.Building, a.Estate, a.Street, a.District);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (IsLocked(Field)) return Page();
        Flat = Clean(nameof(Flat), Flat, 20);
        Floor = Clean(nameof(Floor), Floor, 20);
        Block = Clean(nameof(Block), Block, 40);
        Building = Clean(nameof(Building), Building, 100);
        Estate = Clean(nameof(Estate), Estate, 100);
        Street = Clean(nameof(Street), Street, 100);
        var empty = new[] { Flat, Floor, Block, Building, Estate, Street, District }.All(string.IsNullOrEmpty);
        if (IsCorrespondence && empty && !HasErrors)
        {
            Details.CorrespondenceAddress = null;
            return await SaveAsync([Field], cancellationToken);
        }
        if (Building is null && Estate is null && Street is null) AddError(nameof(Building), Text["profile.error.addressBuildingMissing"]);
        if (!Districts.IsDistrict(District)) AddError(nameof(District), Text["profile.error.districtMissing"]);
        if (HasErrors) return Page();

        var address = new HongKongAddress { Flat = Flat, Floor = Floor, Block = Block, Building = Building, Estate = Estate, Street = Street, District = District! };
        if (IsCorrespondence) Details.CorrespondenceAddress = address;
        else Details.ResidentialAddress = address;
        return await SaveAsync([Field], cancellationToken);
    }
}
