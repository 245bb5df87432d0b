using System.Globalization;

namespace MtaSts.Storage.Tests;

/// <summary>Writes TLS report files and mailboxes for import tests.</summary>
internal static class ReportFiles
{
    public static string EmailFixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "emails", name);

    /// <summary>Returns the JSON of a one-policy <c>sts</c> report (RFC 8460 §4.4) for one UTC day.</summary>
    public static string Json(
        string reportId,
        DateTimeOffset day,
        string organization = "reporter-a.test",
        string domain = "example.test",
        string mode = "testing",
        long successful = 100,
        long failed = 0,
        string failureResultType = "certificate-expired")
    {
        var start = day.UtcDateTime.Date;
        var end = start.AddDays(1).AddSeconds(-1);
        var failures = failed == 0
            ? string.Empty
            : $$""","failure-details":[{"result-type":"{{failureResultType}}","sending-mta-ip":"192.0.2.7","receiving-mx-hostname":"mx1.{{domain}}","failed-session-count":{{failed}}}]""";
        return $$"""
            {"organization-name":"{{organization}}","date-range":{"start-datetime":"{{Stamp(start)}}","end-datetime":"{{Stamp(end)}}"},
             "contact-info":"tlsrpt@{{organization}}","report-id":"{{reportId}}",
             "policies":[{"policy":{"policy-type":"sts","policy-string":["version: STSv1","mode: {{mode}}","mx: mx1.{{domain}}","max_age: 86400"],
               "policy-domain":"{{domain}}","mx-host":["mx1.{{domain}}"]},
               "summary":{"total-successful-session-count":{{successful}},"total-failure-session-count":{{failed}}}{{failures}}}]}
            """;
    }

    /// <summary>Writes <paramref name="count"/> one-report files named so that ordinal order is report order.</summary>
    public static IReadOnlyList<string> WriteMany(string folder, int count, DateTimeOffset day)
    {
        Directory.CreateDirectory(folder);
        var ids = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var id = $"bulk-{i:D6}";
            File.WriteAllText(Path.Combine(folder, $"{id}.json"), Json(id, day));
            ids.Add(id);
        }

        return ids;
    }

    /// <summary>Concatenates mails into an mbox file, each after a <c>From </c> line.</summary>
    public static void WriteMbox(string path, params string[] mailFiles)
    {
        using var output = File.Create(path);
        foreach (var mail in mailFiles)
        {
            output.Write("From tlsrpt@reporter.test Sat Nov  1 00:00:00 2026\n"u8);
            var bytes = File.ReadAllBytes(mail);
            output.Write(bytes);
            if (bytes.Length > 0 && bytes[^1] != (byte)'\n')
            {
                output.Write("\n"u8);
            }

            output.Write("\n"u8);
        }
    }

    private static string Stamp(DateTime time) => time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
