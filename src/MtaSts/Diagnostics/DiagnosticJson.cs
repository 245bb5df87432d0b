using System.Text.Json;

namespace MtaSts.Diagnostics;

/// <summary>Writes the stable fields of a diagnostic as JSON, the same in every output and store.</summary>
public static class DiagnosticJson
{
    /// <summary>
    /// Writes <c>code</c>, <c>severity</c> (lower case), <c>rfc</c>, and <c>subject</c> and
    /// <c>line</c> when present, into the object <paramref name="writer"/> has open. Callers add
    /// the localized message or the raw arguments themselves.
    /// </summary>
    public static void WriteFields(Utf8JsonWriter writer, Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(diagnostic);
        writer.WriteString("code", diagnostic.Code);
        writer.WriteString("severity", diagnostic.Severity.ToString().ToLowerInvariant());
        writer.WriteString("rfc", diagnostic.Rfc);
        if (diagnostic.Subject is not null)
        {
            writer.WriteString("subject", diagnostic.Subject);
        }

        if (diagnostic.Line is int line)
        {
            writer.WriteNumber("line", line);
        }
    }
}
