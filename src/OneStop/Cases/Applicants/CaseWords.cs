using OneStop.Cases.Calendar;
using OneStop.Cases.Workflows;
using OneStop.Forms.Answers;
using OneStop.Forms.Definitions;
using OneStop.Platform.Localisation;

namespace OneStop.Cases.Applicants;

/// <summary>A timeline line in words: a heading, a sentence, and what someone wrote (a reason, a request, a reply).</summary>
public sealed record TimelineLine(DateTime At, string Title, string Body, string? Quote, string? QuoteLabel, IReadOnlyList<string> Changed);

/// <summary>
/// A case in plain words for its applicant, in their language: the state's name from the workflow version the
/// case is on, what happens next and by when (the last allowed day of the nearer target, Hong Kong time), and
/// each timeline line. The department is named ("the Transport Department"), never the officer.
/// </summary>
public sealed class CaseWords(Text text)
{
    public string StateName(ApplicantCase view, Language language) =>
        view.State?.Name[language] ?? (view.Case is null ? Say(language, "cases.applicant.state.received") : view.Case.State);

    /// <summary>A GOV.UK tag colour for the state: what needs the person stands out, endings are quiet.</summary>
    public static string Colour(ApplicantCase view) => view.Case switch
    {
        null => "light-blue",
        { State: BuiltInStates.ReturnedId } => "orange",
        { Outcome: Outcome.Approved } => "green",
        { Outcome: Outcome.Rejected } => "red",
        { Outcome: not null } => "grey",
        _ => "blue",
    };

    /// <summary>What happens next and by when.</summary>
    public string Next(ApplicantCase view, Language language)
    {
        var department = view.Department[language];
        if (view.Case is not { } c) return Say(language, "cases.applicant.next.received", department);
        if (c.State == BuiltInStates.ReturnedId) return Say(language, "cases.applicant.next.waiting", department);
        if (c.Outcome is { } outcome)
        {
            var on = Times.Date(c.ClosedAt ?? c.UpdatedAt, language);
            return Say(language, "cases.applicant.next." + outcome.ToString().ToLowerInvariant(), department, on);
        }
        var now = view.State?.Explanation?[language] ?? Say(language, "cases.applicant.next.working", department);
        return c.DueAt is { } due ? now + " " + Say(language, "cases.applicant.next.due", Dates.Long(WorkingDays.LastDay(due), language)) : now;
    }

    public TimelineLine Line(ShownEvent e, ApplicantCase view, Language language)
    {
        var department = view.Department[language];
        string Name(string? state) => state is null ? "" : view.Workflow?.State(state)?.Name[language] ?? state;
        return e.Kind switch
        {
            CaseEventKind.Received => new(e.At, Say(language, "cases.applicant.event.received"), Say(language, "cases.applicant.event.receivedBody", department), null, null, []),
            CaseEventKind.ReturnedToApplicant => new(e.At, Say(language, "cases.applicant.event.returned"), Say(language, "cases.applicant.event.returnedBody", department),
                e.Text, Say(language, "cases.applicant.event.request"), []),
            CaseEventKind.ApplicantReplied => new(e.At, Say(language, "cases.applicant.event.replied"),
                Say(language, e.ChangedFields.Count > 0 ? "cases.applicant.event.repliedChanged" : "cases.applicant.event.repliedBody", department),
                e.Text, Say(language, "cases.applicant.event.yourMessage"), e.ChangedFields.Select(f => Label(view.Form?.Definition, f, language)).ToList()),
            CaseEventKind.Withdrawn => new(e.At, Say(language, "cases.applicant.event.withdrawn"), Say(language, "cases.applicant.event.withdrawnBody", department),
                e.Text, Say(language, "cases.applicant.event.yourReason"), []),
            _ => Moved(e, view, department, Name(e.ToState), language),
        };
    }

    private TimelineLine Moved(ShownEvent e, ApplicantCase view, string department, string to, Language language)
    {
        var end = e.ToState is null ? null : view.Workflow?.State(e.ToState)?.End;
        var body = end is { } outcome
            ? Say(language, "cases.applicant.event.ended." + outcome.ToString().ToLowerInvariant(), department)
            : Say(language, "cases.applicant.event.movedBody", department, to);
        return new(e.At, to, body, e.Text, Say(language, "cases.applicant.event.reason"), []);
    }

    private static string Label(FormDefinition? form, string fieldId, Language language) => form?.Field(fieldId)?.Label?[language] ?? fieldId;

    private string Say(Language language, string key, params object?[] args) =>
        args.Length == 0 ? text.Get(language, key) : string.Format(language.Culture(), text.Get(language, key), args);
}
