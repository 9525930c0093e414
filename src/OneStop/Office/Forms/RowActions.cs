namespace OneStop.Office.Forms;

/// <summary>
/// Move up, move down and delete buttons for one row of a list, each its own small form posting to
/// <c>{Action}?handler=Move{Kind}</c> or <c>Delete{Kind}</c> with the item's id (and <c>By</c>).
/// </summary>
public sealed record RowActions(string Action, string Kind, string Item, string Name, bool CanMoveUp, bool CanMoveDown, string Token, bool CanDelete);
