using MtaSts.Diagnostics;

namespace MtaSts.Reports.Decoding;

/// <summary>One JSON document found in the input, decompressed and ready for the report parser.</summary>
public sealed class ReportPayload
{
    internal ReportPayload(string label, ReadOnlyMemory<byte> json, IReadOnlyList<Diagnostic> diagnostics)
    {
        Label = label;
        Json = json;
        Diagnostics = diagnostics;
    }

    /// <summary>
    /// Where the payload came from, for messages: the file name, or the MIME part with its media
    /// type and filename, such as <c>part 2 (application/tlsrpt+gzip, google.com!example.com!1663200000!1663286399!001.json.gz)</c>.
    /// </summary>
    public string Label { get; }

    /// <summary>The UTF-8 JSON text, starting at its first <c>{</c> (a UTF-8 BOM and leading white space removed).</summary>
    public ReadOnlyMemory<byte> Json { get; }

    /// <summary>Findings about this payload that did not stop decoding, such as a mislabelled media type.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }
}
