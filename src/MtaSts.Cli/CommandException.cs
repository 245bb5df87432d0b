namespace MtaSts.Cli;

/// <summary>
/// A failure the user can fix (a bad argument, an unreadable file). The message is already
/// localized and names the value and the fix; it is printed as one line, without a stack trace.
/// </summary>
internal sealed class CommandException(string message, int exitCode = ExitCodes.Usage) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
