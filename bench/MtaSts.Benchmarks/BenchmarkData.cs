namespace MtaSts.Benchmarks;

/// <summary>Loads the real inputs under <c>Data/</c>, copied next to the benchmark binary.</summary>
internal static class BenchmarkData
{
    /// <summary>Three real reports of 1 to 2.5 KB: Google (three policies), Mail.ru, and a Google-labelled sample.</summary>
    public static readonly string[] TypicalReports =
    [
        "stalwart-rpt02.json",
        "parsedmarc-mailru.json",
        "code-google-multi-policy.json",
    ];

    public static byte[] Read(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Data", name));
}
