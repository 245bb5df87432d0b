using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace MtaSts.Server.Metrics;

/// <summary>The instruments of <c>mtasts serve</c>, exported at <c>/metrics</c> by <see cref="PrometheusExporter"/>.</summary>
internal sealed class ServerMetrics
{
    /// <summary>The meter name.</summary>
    public const string MeterName = "MtaSts.Server";

    private readonly Counter<long> _requests;
    private readonly Counter<long> _policiesServed;
    private readonly Counter<long> _policiesNotFound;
    private readonly Counter<long> _reportsReceived;
    private readonly Counter<long> _reportsRejected;
    private readonly Counter<long> _reportsDuplicated;
    private readonly Histogram<double> _intakeDuration;

    public ServerMetrics(IMeterFactory meterFactory)
    {
        Meter = meterFactory.Create(MeterName);
        _requests = Meter.CreateCounter<long>("mtasts.server.requests", description: "HTTP responses, by status code.");
        _policiesServed = Meter.CreateCounter<long>("mtasts.server.policies_served", description: "Policies served.");
        _policiesNotFound = Meter.CreateCounter<long>("mtasts.server.policies_not_found", description: "Policy requests that got 404, by reason (host or path).");
        _reportsReceived = Meter.CreateCounter<long>("mtasts.server.reports_received", description: "Reports stored, by channel.");
        _reportsRejected = Meter.CreateCounter<long>("mtasts.server.reports_rejected", description: "Reports rejected, by channel and reason.");
        _reportsDuplicated = Meter.CreateCounter<long>("mtasts.server.reports_duplicated", description: "Reports already stored, by channel.");
        _intakeDuration = Meter.CreateHistogram<double>("mtasts.server.intake_duration", unit: "s", description: "Time from receiving a report to acknowledging it, in seconds.");
    }

    /// <summary>The meter all instruments belong to.</summary>
    public Meter Meter { get; }

    public void Request(int statusCode) => _requests.Add(1, new TagList { { "status", statusCode } });

    public void PolicyServed() => _policiesServed.Add(1);

    public void PolicyNotFound(string reason) => _policiesNotFound.Add(1, new TagList { { "reason", reason } });

    public void ReportStored(string channel, TimeSpan duration)
    {
        _reportsReceived.Add(1, new TagList { { "channel", channel } });
        _intakeDuration.Record(duration.TotalSeconds, new TagList { { "channel", channel } });
    }

    public void ReportDuplicated(string channel, TimeSpan duration)
    {
        _reportsDuplicated.Add(1, new TagList { { "channel", channel } });
        _intakeDuration.Record(duration.TotalSeconds, new TagList { { "channel", channel } });
    }

    public void ReportRejected(string channel, string reason) =>
        _reportsRejected.Add(1, new TagList { { "channel", channel }, { "reason", reason } });
}
