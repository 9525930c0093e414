namespace OneStop.Office.Workflows;

/// <summary>
/// Audit events of the workflow editor and holiday calendar beyond those <see cref="OneStop.Cases.Workflows.WorkflowStore"/>
/// records (every draft save and publication); each has an <c>audit.{event}</c> string.
/// </summary>
public static class WorkflowEditorEvents
{
    /// <summary>A workflow file became the draft.</summary>
    public const string Uploaded = "cases.workflow-uploaded";
    public const string HolidayAdded = "cases.holiday-added";
    public const string HolidayChanged = "cases.holiday-changed";
    public const string HolidayRemoved = "cases.holiday-removed";
}
