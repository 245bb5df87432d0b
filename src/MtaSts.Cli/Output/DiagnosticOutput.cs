using System.Globalization;
using System.Text.Json;
using MtaSts.Diagnostics;

namespace MtaSts.Cli.Output;

/// <summary>Prints library diagnostics for people and as JSON.</summary>
internal static class DiagnosticOutput
{
    public static Mark ToMark(Severity severity) => severity switch
    {
        Severity.Error => Mark.Error,
        Severity.Warning => Mark.Warning,
        _ => Mark.Info,
    };

    /// <summary>Writes one status line per diagnostic, errors first, with where it sits and its RFC rule.</summary>
    public static void Render(Screen screen, IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics.OrderByDescending(d => d.Severity))
        {
            screen.Status(ToMark(diagnostic.Severity), diagnostic.Describe(CultureInfo.CurrentUICulture), Locate(diagnostic));
        }
    }

    /// <summary>Writes the diagnostics as a JSON array of objects with stable property names.</summary>
    public static void WriteJson(Utf8JsonWriter writer, IEnumerable<Diagnostic> diagnostics)
    {
        writer.WriteStartArray();
        foreach (var diagnostic in diagnostics)
        {
            writer.WriteStartObject();
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

            writer.WriteString("message", diagnostic.Describe(CultureInfo.CurrentUICulture));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static string Locate(Diagnostic diagnostic)
    {
        var parts = new List<string>();
        if (diagnostic.Line is int line)
        {
            parts.Add(Text.Get("Diagnostic.Line", line));
        }

        if (!string.IsNullOrEmpty(diagnostic.Subject))
        {
            parts.Add(diagnostic.Subject);
        }

        parts.Add($"{diagnostic.Code}, {diagnostic.Rfc}");
        return string.Join(" · ", parts);
    }
}
