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

    /// <summary>
    /// Writes one status line per distinct message, errors first, with where it sits and its RFC
    /// rule. The same message at several places (a field missing from every failure row, say) is
    /// shown once with all its places.
    /// </summary>
    public static void Render(Screen screen, IEnumerable<Diagnostic> diagnostics)
    {
        var groups = diagnostics
            .OrderByDescending(d => d.Severity)
            .GroupBy(d => (d.Severity, d.Code, Message: d.Describe(CultureInfo.CurrentUICulture)));
        foreach (var group in groups)
        {
            screen.Status(ToMark(group.Key.Severity), group.Key.Message, Locate(group.ToList()));
        }
    }

    /// <summary>Writes the diagnostics as a JSON array of objects with stable property names.</summary>
    public static void WriteJson(Utf8JsonWriter writer, IEnumerable<Diagnostic> diagnostics)
    {
        writer.WriteStartArray();
        foreach (var diagnostic in diagnostics)
        {
            writer.WriteStartObject();
            DiagnosticJson.WriteFields(writer, diagnostic);
            writer.WriteString("message", diagnostic.Describe(CultureInfo.CurrentUICulture));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static string Locate(IReadOnlyList<Diagnostic> group)
    {
        var places = group
            .Select(d => (d.Line, d.Subject) switch
            {
                (int line, { Length: > 0 } subject) => $"{Text.Get("Diagnostic.Line", line)} {subject}",
                (int line, _) => Text.Get("Diagnostic.Line", line),
                (_, { Length: > 0 } subject) => subject,
                _ => null,
            })
            .OfType<string>()
            .Distinct()
            .ToList();
        var first = group[0];
        places.Add($"{first.Code}, {first.Rfc}");
        return string.Join(" · ", places);
    }
}
