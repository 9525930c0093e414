using Microsoft.EntityFrameworkCore;
using OneStop.Cases.Calendar;
using OneStop.Cases.Workflows;
using OneStop.Forms;
using OneStop.Forms.Answers;
using OneStop.Identity.Staff;
using OneStop.Notifications;
using OneStop.Notifications.Templates;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;

namespace OneStop.Cases.Engine;

/// <summary>
/// Tells people about a step of a case through the Notifications module, in the same unit of work as the
/// step, so a move and its notification commit together. One notification per timeline event (the
/// event's id is the idempotency key), so a retried handler or a replayed request never tells twice.
/// Values go in all three languages; the recipient's preference picks one when it is sent.
/// </summary>
public sealed class CaseNotices(Notifier notifier, OneStopDb db, AnswerProtection protection, WorkflowStore workflows)
{
    /// <summary>The applicant: by account, or, for a guest, at the address they gave with the application.</summary>
    public async Task TellApplicantAsync(Case c, CaseEvent step, string notificationEvent, StateDefinition state, string? reason,
        CancellationToken cancellationToken = default, IReadOnlyDictionary<string, string>? extra = null)
    {
        string? guestEmail = null;
        if (c.ApplicantId is null)
        {
            var stored = await db.Set<Submission>().Where(s => s.Id == c.SubmissionId).Select(s => s.ContactEmail).SingleOrDefaultAsync(cancellationToken);
            // An API submission may carry no address: there is nobody to tell.
            if (stored is null) return;
            guestEmail = protection.UnprotectText(stored);
        }
        var values = await ValuesAsync(c, cancellationToken);
        Words(values, "state", state.Name.En, state.Name.ZhHk, state.Name.ZhCn);
        if (!string.IsNullOrWhiteSpace(reason)) values["reason"] = reason.Trim();
        if (c.DueAt is { } due) Due(values, due);
        values["link"] = "/applications/sent/" + c.Reference;
        foreach (var (name, value) in extra ?? new Dictionary<string, string>()) values[name] = value;
        await notifier.EnqueueAsync(new NotificationRequest(notificationEvent, c.DepartmentCode, c.ApplicantId, guestEmail, c.Language, c.Id,
            $"case-event:{step.Id}", values), cancellationToken);
    }

    /// <summary>Every supervisor of the case's department (department administrators oversee too).</summary>
    public async Task TellSupervisorsAsync(Case c, CaseEvent escalated, CancellationToken cancellationToken)
    {
        var supervisors = await db.Set<StaffMember>()
            .Where(s => s.DepartmentCode == c.DepartmentCode && (s.Role == StaffRole.Supervisor || s.Role == StaffRole.DepartmentAdmin))
            .Select(s => s.UserId)
            .ToListAsync(cancellationToken);
        if (supervisors.Count == 0) return;
        var values = await ValuesAsync(c, cancellationToken);
        if (c.DueAt is { } due) Due(values, due);
        // Which target was missed, in the state's own words.
        var state = (await workflows.VersionAsync(c.ServiceSlug, c.WorkflowVersion, cancellationToken)).Definition.State(c.State);
        if (state is not null) Words(values, "reason", state.Name.En, state.Name.ZhHk, state.Name.ZhCn);
        values["link"] = "/office/cases/" + c.Reference;
        foreach (var supervisor in supervisors)
            await notifier.EnqueueAsync(new NotificationRequest(NotificationEvents.CaseEscalated, c.DepartmentCode, supervisor, null, "en", c.Id,
                $"case-event:{escalated.Id}:{supervisor}", values), cancellationToken);
    }

    private async Task<Dictionary<string, string>> ValuesAsync(Case c, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, string> { ["reference"] = c.Reference };
        var service = await db.Services.Where(s => s.Slug == c.ServiceSlug).Select(s => s.Name).FirstOrDefaultAsync(cancellationToken);
        if (service is not null) Words(values, "service", service.En, service.ZhHk, service.ZhCn);
        var department = await db.Departments.Where(d => d.Code == c.DepartmentCode).Select(d => d.Name).FirstOrDefaultAsync(cancellationToken);
        if (department is not null) Words(values, "department", department.En, department.ZhHk, department.ZhCn);
        return values;
    }

    /// <summary>The last day the target allows, as people say it in each language.</summary>
    private static void Due(Dictionary<string, string> values, DateTime due)
    {
        var lastDay = WorkingDays.LastDay(due);
        Words(values, "due", Dates.Long(lastDay, Language.En), Dates.Long(lastDay, Language.ZhHk), Dates.Long(lastDay, Language.ZhCn));
    }

    private static void Words(Dictionary<string, string> values, string name, string en, string zhHk, string zhCn)
    {
        values[name] = en;
        values[name + ":zh-HK"] = zhHk;
        values[name + ":zh-CN"] = zhCn;
    }
}
