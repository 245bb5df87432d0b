using MtaSts.Diagnostics;
using MtaSts.Reports.Decoding;

namespace MtaSts.Reports;

/// <summary>Limits applied when reading reports from files or mail.</summary>
public sealed class ReportReaderOptions
{
    /// <summary>Size limits of the input, the decompressed data and the MIME structure.</summary>
    public ReportDecodingOptions Decoding { get; init; } = new();

    /// <summary>Limits of the JSON parser.</summary>
    public ReportParseOptions Parsing { get; init; } = new();
}

/// <summary>One report found in an input: parsed, or the reason it could not be.</summary>
/// <param name="Label">Where in the input the report was, such as a MIME part; empty for a bare JSON or gzip file.</param>
/// <param name="Report">The normalised report, or <see langword="null"/> when it could not be parsed.</param>
/// <param name="Diagnostics">What decoding and parsing noticed about this report, errors first.</param>
public sealed record ReadReport(string Label, TlsReport? Report, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>Everything read from one input (a file, a mail, a request body).</summary>
public sealed class ReportReadResult
{
    internal ReportReadResult(string source, DecodeResult decoded, IReadOnlyList<ReadReport> reports)
    {
        Source = source;
        Format = decoded.Format;
        Mail = decoded.Mail;
        Reports = reports;
        Diagnostics = decoded.Diagnostics;
    }

    /// <summary>The name of the input, as given by the caller (a path, say).</summary>
    public string Source { get; }

    /// <summary>What the input was identified as, or <see langword="null"/> when it was not recognised.</summary>
    public PayloadFormat? Format { get; }

    /// <summary>The headers of the mail, when the input was a mail.</summary>
    public MailInfo? Mail { get; }

    /// <summary>The reports found, in input order; empty when none was found.</summary>
    public IReadOnlyList<ReadReport> Reports { get; }

    /// <summary>Diagnostics about the input as a whole, such as "no TLS report in this message".</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>True when at least one report was found and every report found was parsed.</summary>
    public bool Succeeded => Reports.Count > 0 && Reports.All(r => r.Report is not null);
}

/// <summary>
/// Reads TLS reports from bytes or files: identifies JSON, gzip or mail, decodes within the
/// limits, and parses each payload leniently (RFC 8460 §5).
/// </summary>
public static class ReportReader
{
    /// <summary>Reads the reports in <paramref name="input"/>; never throws for bad input.</summary>
    /// <param name="source">The name of the input, kept in the result.</param>
    /// <param name="input">The raw bytes.</param>
    /// <param name="options">Limits; <see langword="null"/> for the defaults.</param>
    public static ReportReadResult Read(string source, ReadOnlyMemory<byte> input, ReportReaderOptions? options = null)
    {
        options ??= new ReportReaderOptions();
        var decoded = ReportDecoder.Decode(input, options.Decoding);
        return Parse(source, decoded, options);
    }

    /// <summary>Reads the reports in the file at <paramref name="path"/>.</summary>
    /// <exception cref="IOException">The file could not be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static async Task<ReportReadResult> ReadFileAsync(string path, ReportReaderOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new ReportReaderOptions();
        var decoded = await ReportDecoder.DecodeFileAsync(path, options.Decoding, cancellationToken).ConfigureAwait(false);
        return Parse(path, decoded, options);
    }

    private static ReportReadResult Parse(string source, DecodeResult decoded, ReportReaderOptions options)
    {
        var reports = new List<ReadReport>(decoded.Payloads.Count);
        foreach (var payload in decoded.Payloads)
        {
            var parsed = TlsReportParser.Parse(payload.Json.Span, options.Parsing);
            var diagnostics = payload.Diagnostics.Concat(parsed.Diagnostics)
                .OrderByDescending(d => d.Severity)
                .ToList();
            reports.Add(new ReadReport(payload.Label, parsed.Report, diagnostics));
        }

        return new ReportReadResult(source, decoded, reports);
    }
}
