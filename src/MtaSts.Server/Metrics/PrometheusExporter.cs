using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace MtaSts.Server.Metrics;

/// <summary>
/// Collects the counters and histograms of <see cref="ServerMetrics"/> and writes them in the
/// Prometheus text exposition format 0.0.4.
/// </summary>
internal sealed class PrometheusExporter : IDisposable
{
    // Upper bounds in seconds of the histogram buckets: intake takes milliseconds when the disk keeps up.
    private static readonly double[] s_bounds = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<(Instrument Instrument, string Labels), Series> _series = new();

    public PrometheusExporter(ServerMetrics metrics)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, metrics.Meter))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Find(instrument, tags).Add(value));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Find(instrument, tags).Observe(value));
        _listener.Start();
    }

    /// <summary>Writes every series, grouped by instrument, with HELP and TYPE lines.</summary>
    public string Write()
    {
        var text = new StringBuilder();
        foreach (var group in _series.GroupBy(s => s.Key.Instrument).OrderBy(g => g.Key.Name, StringComparer.Ordinal))
        {
            var instrument = group.Key;
            var histogram = instrument is Histogram<double>;
            var name = instrument.Name.Replace('.', '_') + (histogram ? "_seconds" : "_total");
            text.Append("# HELP ").Append(name).Append(' ').Append(instrument.Description).Append('\n');
            text.Append("# TYPE ").Append(name).Append(histogram ? " histogram\n" : " counter\n");
            foreach (var (key, series) in group.OrderBy(s => s.Key.Labels, StringComparer.Ordinal))
            {
                if (histogram)
                {
                    series.WriteHistogram(text, name, key.Labels);
                }
                else
                {
                    text.Append(name).Append(Braces(key.Labels)).Append(' ').Append(series.Count.ToString(CultureInfo.InvariantCulture)).Append('\n');
                }
            }
        }

        return text.ToString();
    }

    public void Dispose() => _listener.Dispose();

    private Series Find(Instrument instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = new StringBuilder();
        foreach (var tag in tags)
        {
            if (labels.Length > 0)
            {
                labels.Append(',');
            }

            var value = Convert.ToString(tag.Value, CultureInfo.InvariantCulture) ?? "";
            labels.Append(tag.Key).Append("=\"").Append(value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)).Append('"');
        }

        return _series.GetOrAdd((instrument, labels.ToString()), _ => new Series());
    }

    private static string Braces(string labels) => labels.Length == 0 ? "" : "{" + labels + "}";

    private sealed class Series
    {
        private readonly Lock _lock = new();
        private readonly long[] _buckets = new long[s_bounds.Length];
        private long _count;
        private double _sum;

        public long Count => Interlocked.Read(ref _count);

        public void Add(long value) => Interlocked.Add(ref _count, value);

        public void Observe(double value)
        {
            lock (_lock)
            {
                _count++;
                _sum += value;
                for (var i = 0; i < s_bounds.Length; i++)
                {
                    if (value <= s_bounds[i])
                    {
                        _buckets[i]++;
                    }
                }
            }
        }

        public void WriteHistogram(StringBuilder text, string name, string labels)
        {
            lock (_lock)
            {
                var prefix = labels.Length == 0 ? "" : labels + ",";
                for (var i = 0; i < s_bounds.Length; i++)
                {
                    text.Append(name).Append("_bucket{").Append(prefix).Append("le=\"").Append(s_bounds[i].ToString(CultureInfo.InvariantCulture)).Append("\"} ")
                        .Append(_buckets[i].ToString(CultureInfo.InvariantCulture)).Append('\n');
                }

                text.Append(name).Append("_bucket{").Append(prefix).Append("le=\"+Inf\"} ").Append(_count.ToString(CultureInfo.InvariantCulture)).Append('\n');
                text.Append(name).Append("_sum").Append(Braces(labels)).Append(' ').Append(_sum.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
                text.Append(name).Append("_count").Append(Braces(labels)).Append(' ').Append(_count.ToString(CultureInfo.InvariantCulture)).Append('\n');
            }
        }
    }
}
