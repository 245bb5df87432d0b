namespace MtaSts.Cli.Output;

/// <summary>The symbol in front of a status line: passed, warning, error or information.</summary>
internal enum Mark
{
    Ok,
    Info,
    Warning,
    Error,
}
