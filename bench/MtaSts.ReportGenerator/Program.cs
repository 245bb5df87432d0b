using System.Diagnostics;
using System.Globalization;
using MtaSts.ReportGenerator;
using MtaSts.Storage;

// Usage:
//   generate COUNT FOLDER [FAILURES]      write COUNT report files (.json) into FOLDER
//   import COUNT STORE [FAILURES]         store COUNT generated reports and print throughput and peak memory
//   summary STORE                         time each summary breakdown over everything in STORE
// FAILURES is the mean number of failure-details entries per report (default 2).
// A PostgreSQL STORE is a connection string or postgres:// URL; its password comes from PGPASSWORD.
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: generate COUNT FOLDER [FAILURES] | import COUNT STORE [FAILURES] | summary STORE");
    return 2;
}

switch (args[0])
{
    case "generate":
        return Generate(int.Parse(args[1], CultureInfo.InvariantCulture), args[2], FailuresArgument(3));
    case "import":
        return await ImportAsync(int.Parse(args[1], CultureInfo.InvariantCulture), args[2], FailuresArgument(3));
    case "summary":
        return await SummaryAsync(args[1]);
    default:
        Console.Error.WriteLine($"unknown command '{args[0]}'");
        return 2;
}

int FailuresArgument(int index) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : 2;

static int Generate(int count, string folder, int failures)
{
    Directory.CreateDirectory(folder);
    var n = 0;
    foreach (var (_, json) in new SyntheticReports(seed: 1, failures, duplicateShare: 0.02).Generate(count))
    {
        File.WriteAllBytes(Path.Combine(folder, $"report-{n++:D7}.json"), json);
    }

    Console.WriteLine($"wrote {n} reports to {folder}");
    return 0;
}

static async Task<int> ImportAsync(int count, string location, int failures)
{
    await using var store = await ReportStore.OpenAsync(location);
    var importer = new ReportImporter(store, batchSize: 1000);
    var watch = Stopwatch.StartNew();
    var counts = await importer.ImportAsync(Incoming(new SyntheticReports(seed: 1, failures, duplicateShare: 0.02).Generate(count)));
    watch.Stop();

    var total = counts.Stored + counts.Duplicates;
    var peakMiB = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{store.Location}: {total} reports ({counts.Stored} stored, {counts.Duplicates} duplicates) in {watch.Elapsed.TotalSeconds:F2} s = {total / watch.Elapsed.TotalSeconds:F0} reports/s, peak working set {peakMiB:F0} MiB"));
    return 0;
}

static async IAsyncEnumerable<IncomingReport> Incoming(IEnumerable<(MtaSts.Reports.TlsReport Report, byte[] Json)> reports)
{
    foreach (var (report, json) in reports)
    {
        yield return new IncomingReport { Report = report, RawJson = json, Source = "generated" };
    }

    await Task.CompletedTask;
}

static async Task<int> SummaryAsync(string location)
{
    await using var store = await ReportStore.OpenAsync(location);
    SummaryGrouping?[] groupings = [null, SummaryGrouping.Day, SummaryGrouping.Org, SummaryGrouping.Result, SummaryGrouping.Mx, SummaryGrouping.Ip, SummaryGrouping.Policy];
    foreach (var grouping in groupings)
    {
        var times = new List<double>();
        ReportSummary? summary = null;
        for (var run = 0; run < 5; run++)
        {
            var watch = Stopwatch.StartNew();
            summary = await store.SummarizeAsync(ReportFilter.All, grouping);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"--by {grouping?.ToString().ToLowerInvariant() ?? "(totals)"}: median {times[2]:F0} ms over 5 runs, {summary!.Rows.Count} rows, {summary.Totals.Reports} reports, {summary.Totals.FailedSessions} failed sessions"));
    }

    return 0;
}
