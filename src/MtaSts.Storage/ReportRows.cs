using System.Buffers;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using MtaSts.Diagnostics;
using MtaSts.Reports;

namespace MtaSts.Storage;

/// <summary>A report flattened into the column values of the <c>reports</c>, <c>policies</c> and <c>failure_details</c> tables.</summary>
internal sealed class ReportRows
{
    private ReportRows(IncomingReport incoming)
    {
        Incoming = incoming;
        Key = incoming.Key;
    }

    public IncomingReport Incoming { get; }

    public ReportKey Key { get; }

    public long StartTime { get; private init; }

    public long EndTime { get; private init; }

    public byte[]? RawGzip { get; private init; }

    public string DiagnosticsJson { get; private init; } = "[]";

    public IReadOnlyList<PolicyRow> Policies { get; private init; } = [];

    public int FailureDetailCount { get; private init; }

    public static ReportRows Create(IncomingReport incoming)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        var report = incoming.Report;
        var policies = new PolicyRow[report.Policies.Count];
        var failureDetailCount = 0;
        for (var i = 0; i < policies.Length; i++)
        {
            var result = report.Policies[i];
            policies[i] = new PolicyRow(
                i,
                result.Policy.PolicyType.Trim().ToLowerInvariant(),
                ReportFilter.NormalizeDomain(result.Policy.PolicyDomain ?? string.Empty),
                ModeOf(result.Policy),
                string.Join('\n', result.Policy.PolicyString),
                string.Join('\n', result.Policy.MxHost),
                result.Summary.TotalSuccessfulSessionCount,
                result.Summary.TotalFailureSessionCount,
                result.FailureDetails);
            failureDetailCount += result.FailureDetails.Count;
        }

        return new ReportRows(incoming)
        {
            StartTime = report.DateRange.Start.ToUnixTimeSeconds(),
            EndTime = report.DateRange.End.ToUnixTimeSeconds(),
            RawGzip = incoming.RawJson.IsEmpty ? null : Compress(incoming.RawJson.Span),
            DiagnosticsJson = SerializeDiagnostics(incoming),
            Policies = policies,
            FailureDetailCount = failureDetailCount,
        };
    }

    /// <summary>Returns a host name as stored: lower case, without a trailing dot.</summary>
    public static string? NormalizeHost(string? host) => host?.Trim().TrimEnd('.').ToLowerInvariant();

    // RFC 8461 §3.2: the policy's "mode" field; RFC 8460 §4.3 reports the policy text as lines.
    private static string? ModeOf(ReportedPolicy policy)
    {
        if (!string.Equals(policy.PolicyType, "sts", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        foreach (var line in policy.PolicyString)
        {
            var colon = line.IndexOf(':');
            if (colon > 0 && line.AsSpan(0, colon).Trim().Equals("mode", StringComparison.OrdinalIgnoreCase))
            {
                return line[(colon + 1)..].Trim().ToLowerInvariant();
            }
        }

        return null;
    }

    private static byte[] Compress(ReadOnlySpan<byte> bytes)
    {
        using var output = new MemoryStream(bytes.Length / 3 + 64);
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return output.ToArray();
    }

    private static string SerializeDiagnostics(IncomingReport incoming)
    {
        if (incoming.Diagnostics.Count == 0)
        {
            return "[]";
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var diagnostic in incoming.Diagnostics)
            {
                writer.WriteStartObject();
                DiagnosticJson.WriteFields(writer, diagnostic);
                writer.WriteStartArray("arguments");
                foreach (var argument in diagnostic.Arguments)
                {
                    writer.WriteStringValue(argument);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}

/// <summary>The column values of one <c>policies</c> row and its failure details.</summary>
internal sealed record PolicyRow(
    int Ordinal,
    string PolicyType,
    string PolicyDomain,
    string? PolicyMode,
    string PolicyString,
    string MxHost,
    long SuccessfulSessions,
    long FailedSessions,
    IReadOnlyList<FailureDetail> FailureDetails)
{
    /// <summary>
    /// The failed sessions that the failure details add up to. Stored beside the policy's own
    /// total, so a summary can reconcile the two without scanning every failure detail.
    /// </summary>
    public long DetailSessions => SumSaturating(FailureDetails);

    private static long SumSaturating(IReadOnlyList<FailureDetail> details)
    {
        long sum = 0;
        foreach (var detail in details)
        {
            sum = long.MaxValue - sum < detail.FailedSessionCount ? long.MaxValue : sum + detail.FailedSessionCount;
        }

        return sum;
    }
}
