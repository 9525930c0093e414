using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Catalogue;

namespace OneStop.Insights.Pages;

public sealed record ChartBar(string Label, int Count, double Share);

/// <summary>/progress: the public dashboard of how much of government is online.</summary>
public sealed class ProgressModel(CatalogueCache cache) : PageModel
{
    public DigitisationReport Report { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Report = Digitisation.Measure(await cache.GetAsync(cancellationToken));

    public IReadOnlyList<ChartBar> OverallBars(Func<string, string> text)
    {
        var o = Report.Overall;
        return
        [
            new(text("progress.online"), o.Online, o.Share(o.Online)),
            new(text("channel.online-submission"), o.ESubmission, o.Share(o.ESubmission)),
            new(text("channel.e-payment"), o.EPayment, o.Share(o.EPayment)),
            new(text("channel.e-delivery"), o.EDelivery, o.Share(o.EDelivery)),
            new(text("channel.sign-in"), o.SignIn, o.Share(o.SignIn)),
        ];
    }

    public IReadOnlyList<ChartBar> DepartmentBars() =>
        Report.ByDepartment.Select(d => new ChartBar(d.Department.Name.Current, d.Figures.Online, d.Figures.Share(d.Figures.Online))).ToList();
}
