namespace OneStop.Office.Cases;

/// <summary>
/// A textarea or file input on the case page. Several forms there ask for a reason or a note, so each
/// field's id (which the error summary links to) is the form's own, while its name is shared.
/// </summary>
public sealed record CaseField(string Id, string Name, string Label, string? Value, string? Error)
{
    public string? Hint { get; init; }
    public bool File { get; init; }
}
