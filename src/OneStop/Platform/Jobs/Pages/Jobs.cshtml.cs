using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Identity;
using OneStop.Identity.Staff;
using OneStop.Platform.Localisation;

namespace OneStop.Platform.Jobs.Pages;

/// <summary>
/// Background work for platform administrators: how much outbox work is in each state, the parked messages
/// (the dead-letter list) with a retry for each and for all, and when each recurring job ran and runs next.
/// </summary>
// Staff as well, as every page under /Office has by convention: staff without a second factor in this session
// are sent to set one up, rather than refused.
[Authorize(Policy = StaffPolicies.Staff)]
[Authorize(Policy = StaffPolicies.PlatformAdmin)]
public sealed class JobsModel(DeadLetters deadLetters, IEnumerable<IRecurringJob> jobs, TimeProvider clock) : PageModel
{
    /// <summary>Parked messages shown; the count above says how many there are in all.</summary>
    public const int Shown = 100;

    public OutboxCounts Counts { get; private set; } = null!;
    public IReadOnlyList<ParkedMessage> Parked { get; private set; } = [];
    public IReadOnlyList<ScheduleRow> Schedule { get; private set; } = [];

    [TempData] public string? Done { get; set; }
    [TempData] public int? Released { get; set; }

    public sealed record ScheduleRow(string Name, TimeSpan Interval, bool EveryNode, bool Enabled, JobSchedule? Row);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Counts = await deadLetters.CountsAsync(cancellationToken);
        Parked = await deadLetters.ParkedAsync(Shown, cancellationToken);
        var rows = (await deadLetters.SchedulesAsync(cancellationToken)).ToDictionary(r => r.Name);
        Schedule = jobs.DistinctBy(j => j.Name).OrderBy(j => j.Name, StringComparer.Ordinal)
            .Select(j => new ScheduleRow(j.Name, j.Interval, j.EveryNode, j.Enabled, rows.GetValueOrDefault(j.Name)))
            .ToList();
    }

    public async Task<IActionResult> OnPostRetryAsync(long? id, CancellationToken cancellationToken)
    {
        var released = id is { } messageId && await deadLetters.RetryAsync(messageId, User.UserId(), cancellationToken);
        Done = released ? "retried" : "notParked";
        return Redirect(Url.Content("~/office/jobs"));
    }

    public async Task<IActionResult> OnPostRetryAllAsync(CancellationToken cancellationToken)
    {
        Released = await deadLetters.RetryAllAsync(User.UserId(), cancellationToken);
        Done = "retriedAll";
        return Redirect(Url.Content("~/office/jobs"));
    }

    /// <summary>Seconds matter here (a claim, a retry): Hong Kong time to the second, the same in every language.</summary>
    public string Time(DateTime? utc) => utc is { } t
        ? HongKongTime.Local(new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc))).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)
        : "";

    public DateTime Now => clock.GetUtcNow().UtcDateTime;
}
