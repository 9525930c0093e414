using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OneStop.Identity;
using OneStop.Identity.Staff;
using OneStop.Payments.Providers;
using OneStop.Payments.Reconciliation;
using OneStop.Platform.Localisation;
using OneStop.Platform.Web.Forms;

namespace OneStop.Office.Payments;

/// <summary>
/// The reconciliation report of a Hong Kong day (yesterday unless <c>?day=</c> says): each provider's run, counts
/// and the items (departmental staff see their department's; platform administrators everything), and the same
/// as CSV with <c>?format=csv</c>. Department and platform administrators can run a day again from here.
/// </summary>
[Authorize(Policy = StaffPolicies.Staff)]
public sealed class ReconciliationModel(ReconciliationReport report, ReconcileDay reconcile, PaymentProviders providers, Text text, TimeProvider clock,
    ILogger<ReconciliationModel> logger) : FormPageModel
{
    [BindProperty(SupportsGet = true)] public string? Day { get; set; }
    [BindProperty(SupportsGet = true)] public string? Format { get; set; }
    [TempData] public string? Ran { get; set; }

    public ReconciliationView View { get; private set; } = null!;
    public bool MayRun => ReconciliationReport.MayRun(User);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var day = HongKongDay.Yesterday(clock);
        if (!string.IsNullOrWhiteSpace(Day) && !HongKongDay.TryParse(Day, out day))
        {
            AddError("day", text["payments.office.search.dateInvalid"]);
            day = HongKongDay.Yesterday(clock);
        }
        View = await report.ForAsync(User, day, cancellationToken);
        if (Format == "csv" && !HasErrors)
        {
            var csv = ReconciliationCsv.Write(View.Items, key => text["payments.reconciliation.csv." + key]);
            return File(csv, "text/csv; charset=utf-8", "reconciliation-" + day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + ".csv");
        }
        return Page();
    }

    /// <summary>Runs the day again for every provider (replacing its runs), then shows it.</summary>
    public async Task<IActionResult> OnPostRunAsync(CancellationToken cancellationToken)
    {
        if (!MayRun) return Forbid();
        if (!HongKongDay.TryParse(Day, out var day))
        {
            AddError("day", text[string.IsNullOrWhiteSpace(Day) ? "payments.reconciliation.error.dayMissing" : "payments.office.search.dateInvalid"]);
        }
        else if (day > HongKongDay.Yesterday(clock))
        {
            AddError("day", text["payments.reconciliation.error.dayNotOver"]);
        }
        if (HasErrors)
        {
            View = await report.ForAsync(User, HongKongDay.Yesterday(clock), cancellationToken);
            return Page();
        }
        foreach (var provider in providers.All)
        {
            try
            {
                await reconcile.RunAsync(day, provider, User.UserId(), cancellationToken);
            }
            catch (DbUpdateException e)
            {
                // The daily job or another administrator was running the same day at that moment.
                logger.LogWarning(e, "Reconciliation of {Day} with {Provider} clashed with another run", day, provider.Name);
                AddError("day", text["payments.reconciliation.error.busy"]);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Reconciliation of {Day} with {Provider} failed", day, provider.Name);
                AddError("day", text["payments.reconciliation.error.failed", provider.Name]);
            }
        }
        if (HasErrors)
        {
            View = await report.ForAsync(User, day, cancellationToken);
            return Page();
        }
        Ran = "yes";
        return Redirect(Url.Content(ReconciliationPaths.Report(day).Insert(0, "~")));
    }

    public string DayText => View.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
