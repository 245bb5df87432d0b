using BenchmarkDotNet.Attributes;
using MtaSts.Policies;

namespace MtaSts.Benchmarks;

/// <summary>Policy file parsing and writing for a real four-line policy with wildcard MX patterns.</summary>
[MemoryDiagnoser]
public class PolicyParsingBenchmarks
{
    private byte[] _utf8 = [];
    private StsPolicy? _policy;

    [GlobalSetup]
    public void Setup()
    {
        _utf8 = BenchmarkData.Read("max-age-before-mx-wildcards.txt");
        _policy = StsPolicy.Parse(_utf8);
    }

    [Benchmark(Baseline = true)]
    public StsPolicy Parse() => StsPolicy.Parse(_utf8);

    [Benchmark]
    public string Write() => _policy!.Write();
}
