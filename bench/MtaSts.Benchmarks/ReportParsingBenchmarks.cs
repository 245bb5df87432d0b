using System.IO.Compression;
using BenchmarkDotNet.Attributes;
using MtaSts.Reports;

namespace MtaSts.Benchmarks;

/// <summary>
/// Report parsing from bytes and from gzip, one operation per report, so the mean is the time
/// and the allocation of one typical report.
/// </summary>
[MemoryDiagnoser]
public class ReportParsingBenchmarks
{
    private byte[] _json = [];
    private byte[] _gzip = [];

    [ParamsSource(nameof(Reports))]
    public string Report { get; set; } = string.Empty;

    public static IEnumerable<string> Reports => BenchmarkData.TypicalReports;

    [GlobalSetup]
    public void Setup()
    {
        _json = BenchmarkData.Read(Report);
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(_json);
        }

        _gzip = buffer.ToArray();
    }

    [Benchmark(Baseline = true)]
    public TlsReport? ParseJson() => TlsReportParser.Parse(_json).Report;

    [Benchmark]
    public int ReadGzip() => ReportReader.Read("bench", _gzip).Reports.Count;
}
