using System.IO.Compression;
using System.Text;

namespace MtaSts.Server.Tests.Support;

/// <summary>Builds small TLS reports in the shape of RFC 8460 §4.</summary>
internal static class SampleReports
{
    public static string Json(string reportId, string policyDomain = "example.com", string organization = "Example Sender") => $$"""
        {
          "organization-name": "{{organization}}",
          "date-range": { "start-datetime": "2026-12-01T00:00:00Z", "end-datetime": "2026-12-01T23:59:59Z" },
          "contact-info": "tlsrpt@sender.example",
          "report-id": "{{reportId}}",
          "policies": [{
            "policy": { "policy-type": "sts", "policy-string": ["version: STSv1", "mode: testing", "mx: mx1.{{policyDomain}}", "max_age: 604800"], "policy-domain": "{{policyDomain}}" },
            "summary": { "total-successful-session-count": 10, "total-failure-session-count": 0 }
          }]
        }
        """;

    public static byte[] Gzip(string json)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(json));
        }

        return output.ToArray();
    }
}
