using OneStop.Catalogue.Import;

namespace OneStop.Platform.Cli;

/// <summary>
/// Progress for long commands on standard error: a bar redrawn in place on a terminal, a line every
/// ten per cent otherwise (so logs of CI runs stay short).
/// </summary>
internal sealed class ConsoleProgress(TextWriter error, string unit = "services") : IProgress<ImportProgress>
{
    private readonly bool _interactive = !Console.IsErrorRedirected;
    private int _lastTenth = -1;
    private bool _drawn;

    public void Report(ImportProgress value)
    {
        if (value.Total == 0) return;
        var fraction = (double)value.Done / value.Total;
        if (_interactive)
        {
            var filled = (int)(fraction * 30);
            error.Write($"\r{value.Stage,-8} [{new string('#', filled)}{new string('.', 30 - filled)}] {value.Done}/{value.Total}");
            _drawn = true;
            return;
        }
        var tenth = (int)(fraction * 10);
        if (tenth == _lastTenth) return;
        _lastTenth = tenth;
        error.WriteLine($"{value.Stage}: {value.Done}/{value.Total} {unit}");
    }

    public void Finish()
    {
        if (_drawn) error.WriteLine();
    }
}
