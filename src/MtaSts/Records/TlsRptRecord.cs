using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using MtaSts.Diagnostics;

namespace MtaSts.Records;

/// <summary>
/// The <c>_smtp._tls</c> TXT record of a policy domain, naming where senders send TLS reports,
/// such as <c>v=TLSRPTv1; rua=mailto:tlsrpt@example.com</c>.
/// </summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc8460#section-3">RFC 8460 §3</seealso>
public sealed class TlsRptRecord
{
    private const string Rfc = "RFC 8460 §3";
    private const string VersionField = "v=TLSRPTv1";

    private TlsRptRecord(IReadOnlyList<Uri> reportUris, IReadOnlyList<KeyValuePair<string, string>> extensions, IReadOnlyList<Diagnostic> diagnostics)
    {
        ReportUris = reportUris;
        Extensions = extensions;
        Diagnostics = diagnostics;
    }

    /// <summary>The <c>rua</c> URIs in record order, each <c>mailto:</c> or <c>https:</c>.</summary>
    public IReadOnlyList<Uri> ReportUris { get; }

    /// <summary>The extension fields in record order, which senders ignore.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Extensions { get; }

    /// <summary>The warnings and notes about this record, which has no errors because it is usable.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Parses one record whose character-strings are already joined without spaces.</summary>
    /// <exception cref="MtaStsFormatException">The record is not valid, so senders would not send reports.</exception>
    public static TlsRptRecord Parse(string text)
    {
        return TryParse(text, out var record, out var diagnostics) ? record : throw new MtaStsFormatException(diagnostics);
    }

    /// <summary>Parses one record whose character-strings are already joined without spaces.</summary>
    /// <returns><see langword="false"/> when any diagnostic is an error.</returns>
    public static bool TryParse(string text, [NotNullWhen(true)] out TlsRptRecord? record, out IReadOnlyList<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<Diagnostic>();
        var parser = new TxtRecordParser(VersionField, "TLSRPT-RECORD", Rfc, found);
        var fields = parser.Tokenize(text);

        List<Uri>? uris = null;
        var extensions = new List<KeyValuePair<string, string>>();
        foreach (var field in fields)
        {
            if (field.Name != "rua")
            {
                if (parser.CheckExtension(field))
                {
                    extensions.Add(new(field.Name, field.Value));
                }

                continue;
            }

            if (uris is not null)
            {
                parser.Add("RUA-DUPLICATE", Severity.Error, "rua", field.Value);
                continue;
            }

            uris = ParseUris(field.Value, parser);
        }

        if (uris is null)
        {
            parser.Add("RUA-MISSING", Severity.Error, "rua");
        }

        diagnostics = StsRecord.OrderBySeverity(found);
        record = uris is null || found.Any(d => d.Severity == Severity.Error) ? null : new TlsRptRecord(uris, extensions, diagnostics);
        return record is not null;
    }

    /// <summary>Creates a record that sends reports to the given <c>mailto:</c> and <c>https:</c> URIs.</summary>
    /// <exception cref="ArgumentException">No URI was given, or one is relative, of another scheme, or has a <c>,</c>, <c>;</c>, <c>!</c> or space.</exception>
    public static TlsRptRecord Create(IEnumerable<Uri> reportUris)
    {
        ArgumentNullException.ThrowIfNull(reportUris);
        var uris = reportUris.ToArray();
        if (uris.Length == 0)
        {
            throw new ArgumentException("At least one report URI is required.", nameof(reportUris));
        }

        var found = new List<Diagnostic>();
        var parser = new TxtRecordParser(VersionField, "TLSRPT-RECORD", Rfc, found);
        foreach (var uri in uris)
        {
            ArgumentNullException.ThrowIfNull(uri, nameof(reportUris));
            CheckUri(uri.OriginalString, parser);
        }

        var error = found.FirstOrDefault(d => d.Severity == Severity.Error);
        if (error is not null)
        {
            throw new ArgumentException(error.Describe(CultureInfo.InvariantCulture), nameof(reportUris));
        }

        return new TlsRptRecord(uris, [], []);
    }

    /// <summary>Formats the record as published in DNS, such as <c>v=TLSRPTv1; rua=mailto:a@example.com,https://example.com/tlsrpt</c>.</summary>
    public override string ToString()
    {
        var text = $"{VersionField}; rua={string.Join(",", ReportUris.Select(u => u.OriginalString))}";
        foreach (var extension in Extensions)
        {
            text += $"; {extension.Key}={extension.Value}";
        }

        return text;
    }

    private static List<Uri>? ParseUris(string value, TxtRecordParser parser)
    {
        // RFC 8460 §3: tlsrpt-rua = "rua=" tlsrpt-uri *(*WSP "," *WSP tlsrpt-uri).
        var uris = new List<Uri>();
        var valid = true;
        foreach (var part in value.Split(','))
        {
            var text = part.Trim(' ', '\t');
            var uri = CheckUri(text, parser);
            if (uri is null)
            {
                valid = false;
                continue;
            }

            uris.Add(uri);
        }

        return valid ? uris : [];
    }

    private static Uri? CheckUri(string text, TxtRecordParser parser)
    {
        if (text.Length == 0)
        {
            parser.Add("RUA-EMPTY", Severity.Error, "rua");
            return null;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || text.StartsWith("//", StringComparison.Ordinal))
        {
            parser.Add("URI-SCHEME-MISSING", Severity.Error, "rua", text, text.Contains('@') ? "mailto:" + text : "https://" + text.TrimStart('/'));
            return null;
        }

        // RFC 8460 §3: commas, "!" and ";" inside a URI must be percent-encoded, and URIs have no spaces.
        if (text.IndexOfAny([' ', '\t', ',', '!', ';']) >= 0 || !Uri.TryCreate(text, UriKind.Absolute, out var uri))
        {
            parser.Add("URI-INVALID", Severity.Error, "rua", text);
            return null;
        }

        // RFC 8460 §3: two URI schemes are supported, "mailto" and "https".
        if (uri.Scheme == Uri.UriSchemeMailto)
        {
            var address = text[(colon + 1)..];
            var query = address.IndexOf('?', StringComparison.Ordinal);
            address = query < 0 ? address : address[..query];
            var at = address.LastIndexOf('@');
            if (at <= 0 || at == address.Length - 1)
            {
                parser.Add("MAILTO-ADDRESS-INVALID", Severity.Error, "rua", text);
                return null;
            }

            return uri;
        }

        if (uri.Scheme != Uri.UriSchemeHttps)
        {
            parser.Add("URI-SCHEME-UNSUPPORTED", Severity.Error, "rua", text, uri.Scheme);
            return null;
        }

        if (uri.Host.Length == 0)
        {
            parser.Add("URI-INVALID", Severity.Error, "rua", text);
            return null;
        }

        return uri;
    }
}
