namespace MtaSts.Cli;

/// <summary>Process exit codes; scripts depend on them.</summary>
internal static class ExitCodes
{
    /// <summary>Everything read was valid.</summary>
    public const int Ok = 0;

    /// <summary>The command ran, and some input was invalid or a check found errors.</summary>
    public const int Failed = 1;

    /// <summary>The command could not run: a bad argument or an unreadable file.</summary>
    public const int Usage = 2;
}
