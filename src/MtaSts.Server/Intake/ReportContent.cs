using System.IO.Compression;
using System.Text.Json;

namespace MtaSts.Server.Intake;

/// <summary>
/// Checks that a request body or mail attachment is a TLS report (RFC 8460 §4) and reads the fields
/// that intake needs: organization, report id and policy domains.
/// </summary>
/// <remarks>
/// TODO: replace the field checks with <c>MtaSts.Reports.ReportReader</c> once the report library
/// is in this branch, so intake applies the same leniency and diagnostics as <c>mtasts reports</c>.
/// </remarks>
internal static class ReportContent
{
    /// <summary>Reads a report from <paramref name="body"/>, gunzipping it first when <paramref name="gzip"/> is set.</summary>
    /// <param name="body">The body as received.</param>
    /// <param name="gzip">Whether the body is gzip (<c>application/tlsrpt+gzip</c>).</param>
    /// <param name="maxJsonBytes">The largest report accepted after decompression, in bytes.</param>
    public static ReportReadOutcome Read(ReadOnlyMemory<byte> body, bool gzip, long maxJsonBytes)
    {
        ReadOnlyMemory<byte> json;
        if (gzip)
        {
            var inflated = Gunzip(body, maxJsonBytes);
            if (inflated.Rejection is not null)
            {
                return inflated;
            }

            json = inflated.Json;
        }
        else
        {
            json = body;
        }

        if (json.Length > maxJsonBytes)
        {
            return ReportReadOutcome.Reject(ReportRejection.TooLarge);
        }

        return ReadJson(json);
    }

    private static ReportReadOutcome Gunzip(ReadOnlyMemory<byte> body, long maxJsonBytes)
    {
        // RFC 1952: every gzip member starts with the bytes 1f 8b.
        // The 18 bytes are the 10-byte header and the 8-byte trailer of the smallest member.
        if (body.Length < 18 || body.Span[0] != 0x1f || body.Span[1] != 0x8b)
        {
            return ReportReadOutcome.Reject(ReportRejection.NotGzip);
        }

        try
        {
            using var input = new MemoryStream(body.ToArray(), writable: false);
            using var gzip = new GZipStream(input, CompressionMode.Decompress);
            using var output = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = gzip.Read(buffer, 0, buffer.Length)) > 0)
            {
                // Stop a decompression bomb at the limit instead of inflating it whole.
                if (output.Length + read > maxJsonBytes)
                {
                    return ReportReadOutcome.Reject(ReportRejection.TooLarge);
                }

                output.Write(buffer, 0, read);
            }

            // RFC 1952 §2.3.1: the last 4 bytes (ISIZE) are the uncompressed length modulo 2^32.
            // GZipStream does not report a cut-off stream, so a mismatch here is the sign of truncation.
            // NOTE: a multi-member gzip body fails this check; no known sender writes one.
            var isize = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(body.Span[^4..]);
            if (isize != (uint)output.Length)
            {
                return ReportReadOutcome.Reject(ReportRejection.NotGzip);
            }

            return new ReportReadOutcome(null, null, output.ToArray());
        }
        catch (InvalidDataException)
        {
            return ReportReadOutcome.Reject(ReportRejection.NotGzip);
        }
    }

    private static ReportReadOutcome ReadJson(ReadOnlyMemory<byte> json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException)
        {
            return ReportReadOutcome.Reject(ReportRejection.NotJson);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return ReportReadOutcome.Reject(ReportRejection.NotJson);
            }

            // RFC 8460 §4.3: organization-name and report-id are required and identify the report.
            var organization = ReadString(root, "organization-name");
            var reportId = ReadString(root, "report-id");
            if (organization is null)
            {
                return ReportReadOutcome.Reject(ReportRejection.MissingOrganization);
            }

            if (reportId is null)
            {
                return ReportReadOutcome.Reject(ReportRejection.MissingReportId);
            }

            // RFC 8460 §4.3: policies is an array of objects, each with a policy.policy-domain.
            if (!root.TryGetProperty("policies", out var policies) || policies.ValueKind != JsonValueKind.Array)
            {
                return ReportReadOutcome.Reject(ReportRejection.MissingPolicies);
            }

            var domains = new List<string>();
            foreach (var entry in policies.EnumerateArray())
            {
                var domain = entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("policy", out var policy) && policy.ValueKind == JsonValueKind.Object
                    ? ReadString(policy, "policy-domain")
                    : null;
                if (domain is null)
                {
                    return ReportReadOutcome.Reject(ReportRejection.MissingPolicyDomain);
                }

                var normalized = domain.Trim().TrimEnd('.').ToLowerInvariant();
                if (!domains.Contains(normalized))
                {
                    domains.Add(normalized);
                }
            }

            if (domains.Count == 0)
            {
                return ReportReadOutcome.Reject(ReportRejection.MissingPolicies);
            }

            return new ReportReadOutcome(new ReceivedReport(organization, reportId, domains, json), null, json);
        }
    }

    private static string? ReadString(JsonElement element, string name)
    {
        return element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : null;
    }
}

/// <summary>The result of <see cref="ReportContent.Read"/>: a report, or the reason the input is not one.</summary>
internal sealed record ReportReadOutcome(ReceivedReport? Report, ReportRejection? Rejection, ReadOnlyMemory<byte> Json)
{
    public static ReportReadOutcome Reject(ReportRejection rejection) => new(null, rejection, ReadOnlyMemory<byte>.Empty);
}

/// <summary>Why a body is not accepted as a report; the name in kebab case is the reason code in responses and metrics.</summary>
internal enum ReportRejection
{
    NotGzip,
    NotJson,
    MissingOrganization,
    MissingReportId,
    MissingPolicies,
    MissingPolicyDomain,
    TooLarge,
    UnsupportedMediaType,
    UnmanagedDomain,
    NotAReportMessage,
}

/// <summary>The reason codes and English texts of <see cref="ReportRejection"/>, as sent to the reporting MTA.</summary>
internal static class ReportRejections
{
    public static string Code(this ReportRejection rejection) => rejection switch
    {
        ReportRejection.NotGzip => "not-gzip",
        ReportRejection.NotJson => "not-json",
        ReportRejection.MissingOrganization => "missing-organization-name",
        ReportRejection.MissingReportId => "missing-report-id",
        ReportRejection.MissingPolicies => "missing-policies",
        ReportRejection.MissingPolicyDomain => "missing-policy-domain",
        ReportRejection.TooLarge => "too-large",
        ReportRejection.UnsupportedMediaType => "unsupported-media-type",
        ReportRejection.UnmanagedDomain => "unmanaged-domain",
        ReportRejection.NotAReportMessage => "not-a-report-message",
        _ => throw new ArgumentOutOfRangeException(nameof(rejection), rejection, null),
    };

    public static string Describe(this ReportRejection rejection) => rejection switch
    {
        ReportRejection.NotGzip => "The body is not complete gzip data; send application/tlsrpt+json for an uncompressed report.",
        ReportRejection.NotJson => "The report is not a JSON object (RFC 8460 §4).",
        ReportRejection.MissingOrganization => "The report has no \"organization-name\" string (RFC 8460 §4.3).",
        ReportRejection.MissingReportId => "The report has no \"report-id\" string (RFC 8460 §4.3).",
        ReportRejection.MissingPolicies => "The report has no \"policies\" array with at least one policy (RFC 8460 §4.3).",
        ReportRejection.MissingPolicyDomain => "A policy in the report has no \"policy\".\"policy-domain\" string (RFC 8460 §4.3).",
        ReportRejection.TooLarge => "The report is larger than this server accepts.",
        ReportRejection.UnsupportedMediaType => "Send the report as application/tlsrpt+gzip or application/tlsrpt+json (RFC 8460 §5.4).",
        ReportRejection.UnmanagedDomain => "The report covers no policy domain managed by this server.",
        ReportRejection.NotAReportMessage => "The message has no application/tlsrpt+gzip or application/tlsrpt+json part (RFC 8460 §5.3).",
        _ => throw new ArgumentOutOfRangeException(nameof(rejection), rejection, null),
    };
}
