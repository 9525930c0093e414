using OneStop.Catalogue;
using OneStop.Platform.Localisation;

namespace OneStop.Insights;

/// <summary>How many live services offer each digital channel. Shares are of live services, 0–1.</summary>
public sealed record ChannelFigures(int Services, int Online, int ESubmission, int EPayment, int EDelivery, int SignIn)
{
    public double Share(int count) => Services == 0 ? 0 : (double)count / Services;
}

public sealed record DepartmentFigures(DepartmentEntry Department, ChannelFigures Figures);

public sealed record DigitisationReport(ChannelFigures Overall, IReadOnlyList<DepartmentFigures> ByDepartment);

/// <summary>
/// The figures behind /progress. "Online" means a service can be transacted online (submission,
/// payment or delivery of documents); the government's target is every live service online.
/// Planned and retired services are not counted.
/// </summary>
public static class Digitisation
{
    public static DigitisationReport Measure(CatalogueSnapshot snapshot)
    {
        var live = snapshot.Services.Where(s => s.Status == ServiceStatus.Live).ToList();
        var byDepartment = live.GroupBy(s => s.Department.Id)
            .Select(g => new DepartmentFigures(g.First().Department, Count(g)))
            .OrderByDescending(d => d.Figures.Share(d.Figures.Online))
            .ThenByDescending(d => d.Figures.Services)
            .ThenBy(d => d.Department.Code)
            .ToList();
        return new DigitisationReport(Count(live), byDepartment);
    }

    private static ChannelFigures Count(IEnumerable<ServiceEntry> services)
    {
        int total = 0, online = 0, submission = 0, payment = 0, delivery = 0, signIn = 0;
        foreach (var s in services)
        {
            total++;
            if (s.Channels.IsOnline()) online++;
            if (s.Channels.HasFlag(Channels.OnlineSubmission)) submission++;
            if (s.Channels.HasFlag(Channels.EPayment)) payment++;
            if (s.Channels.HasFlag(Channels.EDelivery)) delivery++;
            if (s.Channels.HasFlag(Channels.SignIn)) signIn++;
        }
        return new ChannelFigures(total, online, submission, payment, delivery, signIn);
    }
}
