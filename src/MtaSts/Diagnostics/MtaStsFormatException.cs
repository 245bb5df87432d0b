namespace MtaSts.Diagnostics;

/// <summary>
/// Thrown by the <c>Parse</c> methods when the input is not usable; the <c>TryParse</c>
/// twins return the same <see cref="Diagnostics"/> instead of throwing.
/// </summary>
public sealed class MtaStsFormatException : FormatException
{
    /// <summary>Creates the exception from the diagnostics that made the input unusable.</summary>
    public MtaStsFormatException(IReadOnlyList<Diagnostic> diagnostics)
        : base(Summarize(diagnostics))
    {
        Diagnostics = diagnostics;
    }

    /// <summary>Creates the exception with a message and no diagnostics.</summary>
    public MtaStsFormatException(string message)
        : base(message)
    {
        Diagnostics = [];
    }

    /// <summary>Creates the exception with a message, no diagnostics and an inner exception.</summary>
    public MtaStsFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        Diagnostics = [];
    }

    /// <summary>Creates the exception with no message and no diagnostics.</summary>
    public MtaStsFormatException()
    {
        Diagnostics = [];
    }

    /// <summary>Every diagnostic of the failed parse, errors first.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    private static string Summarize(IReadOnlyList<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var first = diagnostics.FirstOrDefault(d => d.Severity == Severity.Error) ?? diagnostics.FirstOrDefault();
        return first is null ? "The input is not valid." : first.ToString();
    }
}
