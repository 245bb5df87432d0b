using System.Security.Cryptography;
using System.Text.Json;
using MtaSts.Storage.Sqlite;
using Xunit;

namespace MtaSts.Storage.Tests;

/// <summary>The <c>reports import</c>, <c>summary</c> and <c>readiness</c> commands, run as a real process.</summary>
public sealed class StoreCommandTests : IDisposable
{
    private static readonly DateTimeOffset s_day = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "mtasts-cli-store-tests", Guid.NewGuid().ToString("N"));

    public StoreCommandTests() => Directory.CreateDirectory(_folder);

    private string Store => Path.Combine(_folder, "reports.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Import_counts_stored_duplicates_and_rejected()
    {
        var inputs = Path.Combine(_folder, "in");
        Directory.CreateDirectory(inputs);
        File.WriteAllText(Path.Combine(inputs, "a.json"), ReportFiles.Json("a", s_day));
        File.WriteAllText(Path.Combine(inputs, "b.json"), ReportFiles.Json("b", s_day, failed: 5));
        File.WriteAllText(Path.Combine(inputs, "b-again.json"), ReportFiles.Json("b", s_day, failed: 5));
        var broken = Path.Combine(inputs, "broken.json");
        File.WriteAllText(broken, "{\"report-id\": ");
        var brokenHash = SHA256.HashData(File.ReadAllBytes(broken));

        var result = await CliProcess.RunAsync("reports", "import", inputs, "--store", Store, "--lang", "en");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"Store: {Store}", result.Output, StringComparison.Ordinal);
        Assert.Contains("New reports stored: 2", result.Output, StringComparison.Ordinal);
        Assert.Contains("Duplicates (already stored): 1", result.Output, StringComparison.Ordinal);
        Assert.Contains("Rejected: 1", result.Output, StringComparison.Ordinal);
        Assert.Contains($"✗ {broken}", result.Output, StringComparison.Ordinal);
        Assert.Contains("not valid JSON", result.Output, StringComparison.Ordinal);
        Assert.Equal(brokenHash, SHA256.HashData(File.ReadAllBytes(broken)));
    }

    [Fact]
    public async Task Import_again_counts_every_report_as_duplicate()
    {
        var inputs = Path.Combine(_folder, "in");
        ReportFiles.WriteMany(inputs, 3, s_day);
        await CliProcess.RunAsync("reports", "import", inputs, "--store", Store, "--lang", "en");

        var result = await CliProcess.RunAsync("reports", "import", inputs, "--store", Store, "--lang", "en");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("New reports stored: 0", result.Output, StringComparison.Ordinal);
        Assert.Contains("Duplicates (already stored): 3", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_warns_about_reused_report_id()
    {
        await ImportAsync(ReportFiles.Json("same-id", s_day, successful: 100));
        var inputs = Path.Combine(_folder, "again");
        Directory.CreateDirectory(inputs);
        File.WriteAllText(Path.Combine(inputs, "copy.json"), ReportFiles.Json("same-id", s_day, successful: 100));
        File.WriteAllText(Path.Combine(inputs, "other.json"), ReportFiles.Json("same-id", s_day, successful: 7));

        var result = await CliProcess.RunAsync("reports", "import", inputs, "--store", Store, "--lang", "en");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Duplicates (already stored): 2", result.Output, StringComparison.Ordinal);
        Assert.Contains("⚠ 1 of the duplicates reuse a stored report-id with different content", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_reads_mbox_and_maildir()
    {
        var mbox = Path.Combine(_folder, "reports.mbox");
        ReportFiles.WriteMbox(mbox, ReportFiles.EmailFixture("mox-google.eml"), ReportFiles.EmailFixture("stalwart-rpt01.eml"));
        var maildir = Path.Combine(_folder, "Maildir");
        Directory.CreateDirectory(Path.Combine(maildir, "cur"));
        Directory.CreateDirectory(Path.Combine(maildir, "new"));
        Directory.CreateDirectory(Path.Combine(maildir, "tmp"));
        File.Copy(ReportFiles.EmailFixture("isseis-microsoft.eml"), Path.Combine(maildir, "cur", "1700000000.M1P1.host:2,S"));
        File.Copy(ReportFiles.EmailFixture("tlsrptrs-mailru.eml"), Path.Combine(maildir, "new", "1700000001.M2P1.host"));
        File.WriteAllText(Path.Combine(maildir, "tmp", "1700000002.M3P1.host"), "partial delivery");

        var result = await CliProcess.RunAsync("reports", "import", mbox, maildir, "--store", Store, "--lang", "en");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Inputs read (files and messages): 4", result.Output, StringComparison.Ordinal);
        Assert.Contains("New reports stored: 4", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_keeps_only_managed_domains()
    {
        var inputs = Path.Combine(_folder, "in");
        Directory.CreateDirectory(inputs);
        File.WriteAllText(Path.Combine(inputs, "mine.json"), ReportFiles.Json("mine", s_day, domain: "example.test"));
        File.WriteAllText(Path.Combine(inputs, "other.json"), ReportFiles.Json("other", s_day, domain: "other.test"));

        var result = await CliProcess.RunAsync("reports", "import", inputs, "--store", Store, "--domain", "EXAMPLE.test", "--lang", "en");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("New reports stored: 1", result.Output, StringComparison.Ordinal);
        Assert.Contains("Skipped (no --domain matched): 1", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_missing_path_exits_2()
    {
        var missing = Path.Combine(_folder, "missing.json");

        var result = await CliProcess.RunAsync("reports", "import", missing, "--store", Store, "--lang", "en");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(missing, result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Store));
    }

    [Fact]
    public async Task Import_uses_store_from_environment()
    {
        var inputs = Path.Combine(_folder, "in");
        ReportFiles.WriteMany(inputs, 2, s_day);
        var environment = new Dictionary<string, string> { ["MTASTS_STORE"] = Store };

        var result = await CliProcess.RunAsync(environment, "reports", "import", inputs, "--lang", "en");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"Store: {Store}", result.Output, StringComparison.Ordinal);
        await using var store = await SqliteReportStore.OpenAsync(Store);
        Assert.True(await store.ContainsAsync(new ReportKey("reporter-a.test", "bulk-000001")));
    }

    [Fact]
    public async Task Import_uses_store_from_settings_file()
    {
        var inputs = Path.Combine(_folder, "in");
        ReportFiles.WriteMany(inputs, 1, s_day);
        var settings = Path.Combine(_folder, "settings");
        Directory.CreateDirectory(settings);
        await File.WriteAllTextAsync(
            Path.Combine(settings, "appsettings.json"),
            $$"""{ "Server": { "Store": "{{Store.Replace("\\", "\\\\", StringComparison.Ordinal)}}" } }""");

        var result = await CliProcess.RunInAsync(settings, null, "reports", "import", inputs, "--lang", "en");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"Store: {Store}", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summary_rejects_broken_settings_file()
    {
        var settings = Path.Combine(_folder, "settings");
        Directory.CreateDirectory(settings);
        await File.WriteAllTextAsync(Path.Combine(settings, "appsettings.json"), "{ \"Server\": { \"Store\": \"x.db\", } ");

        var result = await CliProcess.RunInAsync(settings, null, "reports", "summary", "--lang", "en");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("mtasts: the settings file is not valid", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_speaks_spanish()
    {
        var inputs = Path.Combine(_folder, "in");
        ReportFiles.WriteMany(inputs, 1, s_day);

        var result = await CliProcess.RunAsync("reports", "import", inputs, "--store", Store, "--lang", "es");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Informes nuevos guardados: 1", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summary_json_has_totals_and_rows()
    {
        await ImportAsync(
            ReportFiles.Json("d1", s_day, successful: 90, failed: 10),
            ReportFiles.Json("d2", s_day.AddDays(1), organization: "reporter-b.test", successful: 50),
            ReportFiles.Json("d3", s_day.AddDays(1), domain: "other.test", successful: 7));

        var result = await CliProcess.RunAsync("reports", "summary", "--store", Store, "--domain", "example.test", "--by", "day", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var totals = json.RootElement.GetProperty("totals");
        Assert.Equal(140, totals.GetProperty("successfulSessions").GetInt64());
        Assert.Equal(10, totals.GetProperty("failedSessions").GetInt64());
        Assert.Equal(2, totals.GetProperty("reports").GetInt64());
        Assert.Equal("day", json.RootElement.GetProperty("by").GetString());
        var rows = json.RootElement.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(["2026-11-01", "2026-11-02"], rows.Select(r => r.GetProperty("key").GetString()));
        Assert.Equal(0.9, rows[0].GetProperty("successRate").GetDouble());
    }

    [Fact]
    public async Task Import_clamps_huge_counts()
    {
        const long huge = 1L << 62;
        await ImportAsync(
            ReportFiles.Json("h1", s_day, successful: huge),
            ReportFiles.Json("h2", s_day, organization: "reporter-b.test", successful: huge));

        var summary = await CliProcess.RunAsync("reports", "summary", "--store", Store, "--json");
        var readiness = await CliProcess.RunAsync("reports", "readiness", "example.test", "--store", Store, "--json");

        Assert.Equal(0, summary.ExitCode);
        using var json = JsonDocument.Parse(summary.Output);
        Assert.Equal(2_000_000_000_000, json.RootElement.GetProperty("totals").GetProperty("successfulSessions").GetInt64());
        Assert.Equal(1, readiness.ExitCode);
        Assert.Empty(readiness.Error);
        Assert.Contains(huge.ToString(System.Globalization.CultureInfo.InvariantCulture), RawReports(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summary_csv_starts_with_total_line()
    {
        await ImportAsync(
            ReportFiles.Json("c1", s_day, failed: 3, failureResultType: "starttls-not-supported"),
            ReportFiles.Json("c2", s_day.AddDays(3), failed: 1, failureResultType: "certificate-expired"));

        var result = await CliProcess.RunAsync("reports", "summary", "--store", Store, "--by", "result", "--csv", "--until", "2026-11-03");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Output.TrimEnd().Split('\n');
        Assert.Equal("kind,group,successful_sessions,failed_sessions,sessions,success_rate,reports", lines[0]);
        Assert.Equal("total,result,100,3,103,0.970874,1", lines[1]);
        Assert.Equal("group,starttls-not-supported,,3,,,1", lines[2]);
        Assert.Equal("reconciliation,without-failure-details,,0,,,", lines[3]);
        Assert.Equal("reconciliation,counted-more-than-once,,0,,,", lines[4]);
        Assert.Equal(5, lines.Length);
    }

    [Fact]
    public async Task Summary_failure_breakdown_reconciles_with_total()
    {
        var withoutDetails = ReportFiles.Json("r2", s_day, failed: 4)
            .Replace(""","failure-details":[{"result-type":"certificate-expired","sending-mta-ip":"192.0.2.7","receiving-mx-hostname":"mx1.example.test","failed-session-count":4}]""", string.Empty, StringComparison.Ordinal);
        var detailsAboveTotal = ReportFiles.Json("r3", s_day, failed: 2, failureResultType: "validation-failure")
            .Replace("\"failed-session-count\":2", "\"failed-session-count\":3", StringComparison.Ordinal);
        await ImportAsync(ReportFiles.Json("r1", s_day, failed: 5, failureResultType: "starttls-not-supported"), withoutDetails, detailsAboveTotal);

        var json = await CliProcess.RunAsync("reports", "summary", "--store", Store, "--by", "result", "--json");
        var csv = await CliProcess.RunAsync("reports", "summary", "--store", Store, "--by", "result", "--csv");
        var table = await CliProcess.RunAsync("reports", "summary", "--store", Store, "--by", "result", "--lang", "en");

        using var document = JsonDocument.Parse(json.Output);
        Assert.Equal(11, document.RootElement.GetProperty("totals").GetProperty("failedSessions").GetInt64());
        Assert.Equal(8, document.RootElement.GetProperty("rows").EnumerateArray().Sum(r => r.GetProperty("failedSessions").GetInt64()));
        var reconciliation = document.RootElement.GetProperty("reconciliation");
        Assert.Equal(4, reconciliation.GetProperty("withoutFailureDetails").GetInt64());
        Assert.Equal(1, reconciliation.GetProperty("countedMoreThanOnce").GetInt64());
        Assert.Contains("reconciliation,without-failure-details,,4,,,", csv.Output, StringComparison.Ordinal);
        Assert.Contains("reconciliation,counted-more-than-once,,-1,,,", csv.Output, StringComparison.Ordinal);
        Assert.Contains("(failed, without failure details)", table.Output, StringComparison.Ordinal);
        Assert.Contains("(counted more than once in failure details)", table.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summary_table_shows_totals_in_plain_output()
    {
        await ImportAsync(ReportFiles.Json("t1", s_day, successful: 1000, failed: 10));

        var result = await CliProcess.RunAsync("reports", "summary", "--store", Store, "--by", "org", "--lang", "en");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Sessions: 1,000 successful, 10 failed (99.01% success rate)", result.Output, StringComparison.Ordinal);
        Assert.Contains("reporter-a.test", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "", "Selection: all domains, all dates")]
    [InlineData("en", "--since 2026-11-01T02:00:00+02:00", "Selection: all domains, reports that start at or after 2026-11-01 00:00 (UTC)")]
    [InlineData("en", "--until 2026-11-01", "Selection: all domains, reports that start before 2026-11-02 00:00 (UTC)")]
    [InlineData("es", "--domain example.test --since 2026-11-01 --until 2026-11-01", "example.test, informes con inicio desde el 2026-11-01 00:00 hasta antes del 2026-11-02 00:00 (UTC)")]
    [InlineData("es", "--by result", "Tipo de resultado (result type)")]
    [InlineData("en", "--domain nosuch.example", "No stored report matches the selection: check --domain")]
    public async Task Summary_describes_selection(string language, string options, string expected)
    {
        await ImportAsync(ReportFiles.Json("s1", s_day, failed: 2, failureResultType: "starttls-not-supported"));

        var result = await CliProcess.RunAsync(["reports", "summary", "--store", Store, "--lang", language, .. options.Split(' ', StringSplitOptions.RemoveEmptyEntries)]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(expected, result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summary_json_times_are_rfc3339_utc()
    {
        await ImportAsync(ReportFiles.Json("s1", s_day));

        var result = await CliProcess.RunAsync("reports", "summary", "--store", Store, "--since", "2026-11-01T02:00:00+02:00", "--until", "2026-11-02", "--json");

        using var json = JsonDocument.Parse(result.Output);
        var filter = json.RootElement.GetProperty("filter");
        Assert.Equal("2026-11-01T00:00:00Z", filter.GetProperty("since").GetString());
        Assert.Equal("2026-11-03T00:00:00Z", filter.GetProperty("until").GetString());
    }

    [Theory]
    [InlineData("--since", "yesterday", "Invalid date yesterday for --since")]
    [InlineData("--until", "2026-13-01", "Invalid date 2026-13-01 for --until")]
    public async Task Summary_bad_date_exits_2(string option, string value, string message)
    {
        var result = await CliProcess.RunAsync("reports", "summary", "--store", Store, option, value, "--lang", "en");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summary_unknown_grouping_exits_2()
    {
        var result = await CliProcess.RunAsync("reports", "summary", "--store", Store, "--by", "week", "--lang", "en");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("week", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readiness_ready_domain_exits_0()
    {
        var today = DateTimeOffset.UtcNow.Date;
        var reports = new List<string>();
        for (var day = 1; day <= 8; day++)
        {
            var start = new DateTimeOffset(today.AddDays(-day), TimeSpan.Zero);
            reports.Add(ReportFiles.Json($"a{day}", start, organization: "reporter-a.test"));
            reports.Add(ReportFiles.Json($"b{day}", start, organization: "reporter-b.test"));
        }

        await ImportAsync([.. reports]);

        var result = await CliProcess.RunAsync("reports", "readiness", "example.test", "--store", Store, "--json", "--lang", "en");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal("Ready", json.RootElement.GetProperty("verdict").GetString());
        Assert.All(json.RootElement.GetProperty("checks").EnumerateArray(), c => Assert.True(c.GetProperty("passed").GetBoolean()));
    }

    [Fact]
    public async Task Readiness_json_has_check_values()
    {
        var today = DateTimeOffset.UtcNow.Date;
        await ImportAsync(
            ReportFiles.Json("v1", new DateTimeOffset(today.AddDays(-1), TimeSpan.Zero), successful: 78_000, failed: 620, failureResultType: "starttls-not-supported"));

        var result = await CliProcess.RunAsync("reports", "readiness", "example.test", "--store", Store, "--json", "--lang", "en");

        using var json = JsonDocument.Parse(result.Output);
        var checks = json.RootElement.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("code").GetString()!, c => c.GetProperty("values"));
        Assert.Equal(1, checks["READINESS-DAYS"].GetProperty("reportDays").GetInt64());
        Assert.Equal(14, checks["READINESS-DAYS"].GetProperty("days").GetInt64());
        Assert.Equal(1, checks["READINESS-REPORTERS"].GetProperty("reporters").GetInt64());
        Assert.Equal(620, checks["READINESS-FAILURE-RATE"].GetProperty("failedSessions").GetInt64());
        Assert.Equal(78_620, checks["READINESS-FAILURE-RATE"].GetProperty("sessions").GetInt64());
        Assert.Equal(0.788603, checks["READINESS-FAILURE-RATE"].GetProperty("failureRatePercent").GetDouble());
        Assert.Equal(["mx1.example.test"], checks["READINESS-MX-SUCCESS"].GetProperty("mxHosts").EnumerateArray().Select(e => e.GetString()));
        Assert.EndsWith("T00:00:00Z", json.RootElement.GetProperty("since").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "Failure rate 0.789%: 620 of 78,620 sessions failed", "Reporting organisations: 1; at least 2 required.")]
    [InlineData("es", "Tasa de fallos del 0,789 %: fallaron 620 de 78.620 sesiones", "Organizaciones informantes: 1; se requieren al menos 2.")]
    public async Task Readiness_text_uses_output_culture(string language, string rate, string reporters)
    {
        var today = DateTimeOffset.UtcNow.Date;
        await ImportAsync(
            ReportFiles.Json("v1", new DateTimeOffset(today.AddDays(-1), TimeSpan.Zero), successful: 78_000, failed: 620, failureResultType: "starttls-not-supported"));

        var result = await CliProcess.RunAsync("reports", "readiness", "example.test", "--store", Store, "--max-failure-rate", "0.5", "--lang", language);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(rate, result.Output, StringComparison.Ordinal);
        Assert.Contains(reporters, result.Output, StringComparison.Ordinal);
        Assert.Contains(language == "en" ? "at most 0.5% is allowed" : "como máximo un 0,5 %", result.Output, StringComparison.Ordinal);
        Assert.Contains(language == "en" ? "fix the failures listed above" : "corrija primero los fallos indicados arriba", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readiness_help_shows_default_once()
    {
        var result = await CliProcess.RunAsync("reports", "readiness", "--help", "--lang", "en");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("(default 14, at most 3650)", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("[default:", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readiness_window_counts_whole_days()
    {
        var today = DateTimeOffset.UtcNow.Date;
        var reports = new List<string>();
        for (var day = 1; day <= 5; day++)
        {
            var start = new DateTimeOffset(today.AddDays(-day), TimeSpan.Zero);
            reports.Add(ReportFiles.Json($"a{day}", start, organization: "reporter-a.test"));
            reports.Add(ReportFiles.Json($"b{day}", start, organization: "reporter-b.test"));
        }

        await ImportAsync([.. reports]);

        var result = await CliProcess.RunAsync("reports", "readiness", "example.test", "--store", Store, "--days", "5", "--json", "--lang", "en");

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal("Ready", json.RootElement.GetProperty("verdict").GetString());
    }

    [Fact]
    public async Task Readiness_without_reports_exits_1()
    {
        await ImportAsync(ReportFiles.Json("o1", s_day, domain: "other.test"));

        var result = await CliProcess.RunAsync("reports", "readiness", "example.test", "--store", Store, "--lang", "en");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("The store has no reports about example.test in this window", result.Output, StringComparison.Ordinal);
        Assert.Contains("✗ Reports cover only 0 of the last 14 UTC days", result.Output, StringComparison.Ordinal);
        Assert.Contains("✗ No sessions were reported, so there is no failure rate to judge yet.", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Failure rate", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readiness_failures_fail_with_lower_threshold()
    {
        var today = DateTimeOffset.UtcNow.Date;
        await ImportAsync(
            ReportFiles.Json("f1", new DateTimeOffset(today.AddDays(-1), TimeSpan.Zero), successful: 995, failed: 5, failureResultType: "starttls-not-supported"),
            ReportFiles.Json("f2", new DateTimeOffset(today.AddDays(-2), TimeSpan.Zero), organization: "reporter-b.test", successful: 1000));

        var result = await CliProcess.RunAsync(
            "reports", "readiness", "example.test", "--store", Store, "--days", "3", "--min-days", "2", "--max-failure-rate", "0.1", "--json", "--lang", "en");

        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal("NotReady", json.RootElement.GetProperty("verdict").GetString());
        var rate = json.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("code").GetString() == "READINESS-FAILURE-RATE");
        Assert.False(rate.GetProperty("passed").GetBoolean());
    }

    [Theory]
    [InlineData("--days", "0", "Invalid --days 0")]
    [InlineData("--min-days", "20", "Invalid --min-days 20")]
    [InlineData("--max-failure-rate", "150", "Invalid --max-failure-rate 150")]
    public async Task Readiness_bad_threshold_exits_2(string option, string value, string message)
    {
        var result = await CliProcess.RunAsync("reports", "readiness", "example.test", "--store", Store, option, value, "--lang", "en");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("summary --store {0}/typo/reports.db", "The report store {0}/typo/reports.db was not found: check --store")]
    [InlineData("readiness example.test --store {0}/missing.db", "The report store {0}/missing.db was not found")]
    [InlineData("summary --store postgress://user@127.0.0.1/db", "Invalid --store value postgress://user@127.0.0.1/db")]
    [InlineData("summary --store mysql://user@127.0.0.1/db", "Invalid --store value mysql://user@127.0.0.1/db")]
    [InlineData("summary --store ''", "The --store value is empty")]
    [InlineData("import {0}/in --store {0}/new/reports.db", "The folder {0}/new of the report store {0}/new/reports.db does not exist")]
    public async Task Store_that_cannot_be_used_exits_2(string command, string message)
    {
        ReportFiles.WriteMany(Path.Combine(_folder, "in"), 1, s_day);

        var args = string.Format(command, _folder).Split(' ').Select(a => a == "''" ? string.Empty : a);

        var result = await CliProcess.RunAsync(["reports", .. args, "--lang", "en"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(string.Format(message, _folder), result.Error, StringComparison.Ordinal);
        Assert.Equal(["in"], Directory.GetFileSystemEntries(_folder).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("summary", "")]
    [InlineData("readiness example.test", "not a database\n")]
    [InlineData("import {0}/in", "not a database\n")]
    public async Task File_that_is_not_sqlite_stays_unchanged(string command, string content)
    {
        ReportFiles.WriteMany(Path.Combine(_folder, "in"), 1, s_day);
        File.WriteAllText(Store, content);

        var result = await CliProcess.RunAsync(["reports", .. string.Format(command, _folder).Split(' '), "--store", Store, "--lang", "en"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{Store} is not a SQLite database, so it was left unchanged", result.Error, StringComparison.Ordinal);
        Assert.Equal(content, File.ReadAllText(Store));
    }

    [Theory]
    [InlineData("import {0}/in --batch-size abc", "Invalid --batch-size abc: give a whole number from 1 to 100,000.")]
    [InlineData("import {0}/in --batch-size 0", "Invalid --batch-size 0: give a whole number from 1 to 100,000.")]
    [InlineData("readiness example.test --days 2147483647", "Invalid --days 2147483647: give a whole number from 1 to 3,650.")]
    [InlineData("readiness example.test --days 800000", "Invalid --days 800000: give a whole number from 1 to 3,650.")]
    [InlineData("readiness example.test --days 5 --min-days 6", "Invalid --min-days 6: give a whole number from 0 up to --days (5).")]
    [InlineData("readiness example.test --min-reporters -1", "Invalid --min-reporters -1: give a whole number from 0 to 100,000.")]
    [InlineData("readiness example.test --max-failure-rate 0,5", "Invalid --max-failure-rate 0,5: write decimals with a dot, such as 0.5.")]
    [InlineData("readiness example.test --max-failure-rate 1e3", "Invalid --max-failure-rate 1e3: give a percentage from 0 to 100")]
    [InlineData("summary --until 9999-12-31", "Date 9999-12-31 for --until is out of range: give a date from 1970-01-01 to 2999-12-31.")]
    [InlineData("summary --since 0001-01-01T00:00:00Z", "Date 0001-01-01T00:00:00Z for --since is out of range")]
    [InlineData("import {0}/in --domain --store {0}/reports.db", "'--store' is not a valid domain name.")]
    [InlineData("import {0}/in --domain http://x", "'http://x' is not a valid domain name.")]
    [InlineData("summary --domain bad..domain", "'bad..domain' is not a valid domain name.")]
    [InlineData("readiness -x.example", "'-x.example' is not a valid domain name.")]
    public async Task Invalid_option_value_exits_2(string command, string message)
    {
        ReportFiles.WriteMany(Path.Combine(_folder, "in"), 1, s_day);

        var result = await CliProcess.RunAsync(["reports", .. string.Format(command, _folder).Split(' '), "--lang", "en"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(string.Format(message, _folder), result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Store));
    }

    [Theory]
    [InlineData("--days", "abc", "--days abc no es válido: indique un número entero de 1 a 3.650.")]
    [InlineData("--max-failure-rate", "0,5", "--max-failure-rate 0,5 no es válido: escriba los decimales con punto, como 0.5.")]
    public async Task Invalid_option_value_in_spanish(string option, string value, string message)
    {
        var result = await CliProcess.RunAsync("reports", "readiness", "example.test", option, value, "--store", Store, "--lang", "es");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreachable_postgres_store_is_named_without_password()
    {
        var result = await CliProcess.RunAsync(
            "reports", "summary", "--store", "Host=127.0.0.1;Port=1;Username=u;Password=secret-value;Timeout=2", "--lang", "en");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Warning: the --store value contains a password", result.Error, StringComparison.Ordinal);
        Assert.Contains(
            "Could not connect to the PostgreSQL server of postgresql://u@127.0.0.1:1/: connection refused.",
            result.Error,
            StringComparison.Ordinal);
        Assert.DoesNotContain("secret-value", result.Error, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData("wrong-password", "en", "The PostgreSQL server rejected the login to {0}: check the user name, and give the password in the PGPASSWORD environment variable or in ~/.pgpass.")]
    [InlineData(null, "en", "The PostgreSQL server rejected the login to {0}")]
    [InlineData("wrong-password", "es", "El servidor PostgreSQL rechazó el inicio de sesión en {0}: revise el usuario")]
    public async Task Postgres_login_failure_names_pgpassword(string? password, string language, string message)
    {
        PostgresTestServer.SkipUnlessConfigured();
        var server = new Npgsql.NpgsqlConnectionStringBuilder(PostgresTestServer.ConnectionString);
        var url = $"postgresql://{server.Username}@{server.Host}:{server.Port}/{server.Database}";
        var environment = new Dictionary<string, string> { ["HOME"] = _folder };
        if (password is not null)
        {
            environment["PGPASSWORD"] = password;
        }

        var result = await CliProcess.RunAsync(environment, "reports", "summary", "--store", url, "--lang", language);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(string.Format(message, url), result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("28P01", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Warning", result.Error, StringComparison.Ordinal);
    }

    private string RawReports()
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Store};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT raw_gzip FROM reports";
        using var reader = command.ExecuteReader();
        var text = new System.Text.StringBuilder();
        while (reader.Read())
        {
            using var gzip = new System.IO.Compression.GZipStream(reader.GetStream(0), System.IO.Compression.CompressionMode.Decompress);
            using var decoded = new StreamReader(gzip);
            text.Append(decoded.ReadToEnd());
        }

        return text.ToString();
    }

    private async Task ImportAsync(params string[] reports)
    {
        var inputs = Path.Combine(_folder, "import-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(inputs);
        for (var i = 0; i < reports.Length; i++)
        {
            File.WriteAllText(Path.Combine(inputs, $"{i:D3}.json"), reports[i]);
        }

        var result = await CliProcess.RunAsync("reports", "import", inputs, "--store", Store, "--lang", "en");
        Assert.True(result.ExitCode == 0, result.Output + result.Error);
    }
}
