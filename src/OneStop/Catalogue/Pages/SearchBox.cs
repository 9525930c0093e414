namespace OneStop.Catalogue.Pages;

/// <summary>What the search box shows: the text to keep, and the error to show beside it, if any.</summary>
public sealed record SearchBox(string? Text, string? Error = null);
