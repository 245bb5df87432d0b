using System.Text.Encodings.Web;
using System.Text.Json;

namespace MtaSts.Cli.Output;

/// <summary>Writes a command's JSON result to standard output, indented, UTF-8, one document.</summary>
internal static class JsonOutput
{
    public static void Write(Action<Utf8JsonWriter> write)
    {
        using var stdout = Console.OpenStandardOutput();
        var options = new JsonWriterOptions
        {
            Indented = true,

            // Addresses and URIs stay readable: "mailto:a@b" rather than "mailto:a\u0040b".
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        using (var writer = new Utf8JsonWriter(stdout, options))
        {
            write(writer);
        }

        stdout.Write("\n"u8);
    }
}
