using System.Diagnostics;
using System.Globalization;
using System.Net;
using MtaSts.Checks;
using MtaSts.Discovery;
using MtaSts.Tests.Lab;

// Measures how far the checker's concurrency brings a check towards the longest chain of
// dependent network steps. Every network step of the lab is delayed by the same amount: each DNS
// response, each TCP connect, the SMTP greeting and every SMTP reply, and the policy response.
//
//   dotnet run -c Release --project bench/MtaSts.CheckBenchmark -- [delay-ms] [mx-hosts] [runs]

var delay = TimeSpan.FromMilliseconds(args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200);
var mxCount = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
var runs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;

await using var lab = await MtaStsLab.StartAsync(withMx: false);
lab.Timeout = TimeSpan.FromSeconds(30);
for (var i = 1; i <= mxCount; i++)
{
    lab.AddMx($"mx{i}.example.test", 10 * i, new SmtpBehavior { BannerDelay = delay, ReplyDelay = delay });
}

lab.SetPolicy("enforce", 604800, "*.example.test");
lab.Dns.Delay = delay;
lab.PolicyServer.Response.Delay = delay;
var connector = new DelayedConnector(delay);

// The longest chain: MX lookup, then one MX's A/AAAA lookups (concurrent), connect, greeting,
// EHLO, STARTTLS and QUIT replies. The TLS handshake is not delayed.
var chainSteps = 7;

// Every step one after the other: 3 record lookups, 2 policy-host lookups, 3 lookups per MX
// host (A, AAAA, TLSA), 5 SMTP steps per MX host, and the policy connect and response.
var sumSteps = 1 + 2 + 2 + (3 * mxCount) + (5 * mxCount) + 2;

Console.WriteLine($"mtasts check concurrency: {mxCount} MX hosts, {delay.TotalMilliseconds:0} ms per network step, {runs} runs after 1 warm-up");
var times = new List<double>();
for (var run = 0; run <= runs; run++)
{
    var stopwatch = Stopwatch.StartNew();
    var report = await lab.CheckAsync(connector: connector);
    stopwatch.Stop();
    if (report.HasErrors || report.WithCode(FindingCodes.SmtpTlsOk).Count() != mxCount)
    {
        Console.Error.WriteLine("The lab check failed:\n" + string.Join("\n", report.Findings));
        return 1;
    }

    if (run > 0)
    {
        times.Add(stopwatch.Elapsed.TotalMilliseconds);
    }
}

times.Sort();
Console.WriteLine($"measured total:  min {times[0]:0} ms, median {times[times.Count / 2]:0} ms, max {times[^1]:0} ms");
Console.WriteLine($"longest chain:   {chainSteps} steps = {chainSteps * delay.TotalMilliseconds:0} ms");
Console.WriteLine($"sum of steps:    {sumSteps} steps = {sumSteps * delay.TotalMilliseconds:0} ms");
return 0;

/// <summary>Delays every TCP connect, like a round trip to a distant server.</summary>
internal sealed class DelayedConnector(TimeSpan delay) : ITcpConnector
{
    public async Task<Stream> ConnectAsync(IPAddress address, int port, CancellationToken cancellationToken)
    {
        await Task.Delay(delay, cancellationToken);
        return await SocketTcpConnector.Instance.ConnectAsync(address, port, cancellationToken);
    }
}
