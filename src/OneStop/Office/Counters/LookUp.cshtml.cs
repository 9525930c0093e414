using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OneStop.Documents.Desk;
using OneStop.Identity.Staff;
using OneStop.Platform.Localisation;
using OneStop.Platform.Web.Forms;

namespace OneStop.Office.Counters;

/// <summary>
/// Finds an appointment by what the holder shows: the booking code typed, or the QR code read by a scanner
/// (which types the whole check-in address). An appointment of another department is "not found", like an unknown code.
/// </summary>
[Authorize(Policy = StaffPolicies.Officer)]
public sealed class LookUpModel(CounterDesk desk, Text text) : FormPageModel
{
    [BindProperty] public string? Code { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Code)) AddError(nameof(Code), text["desk.lookUp.error.missing"]);
        else if (BookingCodes.Read(Code) is not { } code) AddError(nameof(Code), text["desk.lookUp.error.shape"]);
        else if (await desk.FindAsync(User, code, cancellationToken) is null) AddError(nameof(Code), text["desk.lookUp.error.notFound", code]);
        else return Redirect(Url.Content("~" + DeskPaths.CheckIn(code)));
        return Page();
    }
}
