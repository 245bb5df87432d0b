using System.IO.Compression;
using System.Text;
using System.Text.Json;
using MtaSts.Diagnostics;
using MtaSts.Reports.Decoding;
using Xunit;

namespace MtaSts.Tests.Reports.Decoding;

/// <summary>Fixture paths, sample reports and assertions shared by the decoding tests.</summary>
internal static class DecodingFixtures
{
    public const string MinimalReport = """
        {"organization-name":"Example Org","date-range":{"start-datetime":"2024-01-01T00:00:00Z","end-datetime":"2024-01-01T23:59:59Z"},"contact-info":"tlsrpt@example.org","report-id":"r1","policies":[]}
        """;

    public static string FixturePath(string folder, string file) => Path.Combine(AppContext.BaseDirectory, "Fixtures", folder, file);

    public static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    public static byte[] Gzip(string text) => Gzip(Encoding.UTF8.GetBytes(text));

    /// <summary>Builds a CRLF message from lines; the body lines follow a blank line.</summary>
    public static byte[] Message(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n");

    /// <summary>Asserts that every payload starts with '{' and is valid JSON.</summary>
    public static void AssertPayloadsAreJson(DecodeResult result)
    {
        foreach (var payload in result.Payloads)
        {
            Assert.Equal((byte)'{', payload.Json.Span[0]);
            using var document = JsonDocument.Parse(payload.Json);
            Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
        }
    }

    public static Diagnostic Single(IEnumerable<Diagnostic> diagnostics, string code)
    {
        return Assert.Single(diagnostics, d => d.Code == code);
    }

    public static string Codes(IEnumerable<Diagnostic> diagnostics) => string.Join(" ", diagnostics.Select(d => d.Code));
}
