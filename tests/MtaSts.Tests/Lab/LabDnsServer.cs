using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using ARSoft.Tools.Net;
using ARSoft.Tools.Net.Dns;

namespace MtaSts.Tests.Lab;

/// <summary>
/// An authoritative DNS server on 127.0.0.1 (ARSoft.Tools.Net) serving the lab zone, with names
/// that can answer SERVFAIL, never answer, or carry the AD bit.
/// </summary>
public sealed class LabDnsServer : IDisposable
{
    private readonly ConcurrentDictionary<string, List<DnsRecordBase>> _records = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, byte> _serverFailures = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, byte> _silent = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, byte> _authenticated = new(StringComparer.OrdinalIgnoreCase);
    private readonly DnsServer _server;

    public LabDnsServer()
    {
        EndPoint = new IPEndPoint(IPAddress.Loopback, FindFreePort());
        _server = new DnsServer(new UdpServerTransport(EndPoint), new TcpServerTransport(EndPoint));
        _server.QueryReceived += OnQueryReceivedAsync;
        _server.Start();
    }

    /// <summary>The address and port the server listens on (UDP and TCP).</summary>
    public IPEndPoint EndPoint { get; }

    /// <summary>The delay before each response, to model a slow network.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>How many queries the server has received.</summary>
    public int QueryCount => _queryCount;

    private int _queryCount;

    public void AddMx(string name, int preference, string exchange) =>
        Add(name, new MxRecord(DomainName.Parse(name), 300, (ushort)preference, exchange == "." ? DomainName.Root : DomainName.Parse(exchange)));

    public void AddTxt(string name, params string[] strings) =>
        Add(name, new TxtRecord(DomainName.Parse(name), 300, strings));

    public void AddAddress(string name, IPAddress address) =>
        Add(name, address.AddressFamily == AddressFamily.InterNetworkV6
            ? new AaaaRecord(DomainName.Parse(name), 300, address)
            : new ARecord(DomainName.Parse(name), 300, address));

    public void AddCname(string name, string target) =>
        Add(name, new CNameRecord(DomainName.Parse(name), 300, DomainName.Parse(target)));

    public void AddTlsa(string name, byte[] data) =>
        Add(name, new TlsaRecord(DomainName.Parse(name), 300, TlsaRecord.TlsaCertificateUsage.DaneEE, TlsaRecord.TlsaSelector.SubjectPublicKeyInfo, TlsaRecord.TlsaMatchingType.Sha256Hash, data));

    /// <summary>Removes every record of <paramref name="name"/>.</summary>
    public void Remove(string name) => _records.TryRemove(name, out _);

    /// <summary>Makes every query for <paramref name="name"/> return SERVFAIL.</summary>
    public void FailWithServFail(string name) => _serverFailures[name] = 0;

    /// <summary>Makes every query for <paramref name="name"/> go unanswered for 15 seconds.</summary>
    public void DropQueries(string name) => _silent[name] = 0;

    /// <summary>Sets the AD bit on responses for <paramref name="name"/>, as a validating resolver would.</summary>
    public void MarkAuthenticated(string name) => _authenticated[name] = 0;

    private void Add(string name, DnsRecordBase record) =>
        _records.AddOrUpdate(name, _ => [record], (_, list) =>
        {
            lock (list)
            {
                list.Add(record);
            }

            return list;
        });

    private async Task OnQueryReceivedAsync(object sender, QueryReceivedEventArgs e)
    {
        Interlocked.Increment(ref _queryCount);
        if (e.Query is not DnsMessage query || query.Questions.Count != 1)
        {
            return;
        }

        var question = query.Questions[0];
        var name = question.Name.ToString().TrimEnd('.');
        if (_silent.ContainsKey(name))
        {
            // ARSoft returns SERVFAIL when a handler sets no response, so stay silent by waiting
            // longer than any lab client waits.
            await Task.Delay(TimeSpan.FromSeconds(15));
            return;
        }

        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay);
        }

        var response = query.CreateResponseInstance();
        response.IsAuthoritiveAnswer = true;
        if (_serverFailures.ContainsKey(name))
        {
            response.ReturnCode = ReturnCode.ServerFailure;
            e.Response = response;
            return;
        }

        var current = name;
        for (var depth = 0; depth < 8; depth++)
        {
            if (!_records.TryGetValue(current, out var records))
            {
                response.ReturnCode = depth == 0 && !HasDescendants(current) ? ReturnCode.NxDomain : ReturnCode.NoError;
                break;
            }

            List<DnsRecordBase> snapshot;
            lock (records)
            {
                snapshot = [.. records];
            }

            var cname = snapshot.OfType<CNameRecord>().FirstOrDefault();
            if (cname is not null && question.RecordType != RecordType.CName)
            {
                response.AnswerRecords.Add(cname);
                current = cname.CanonicalName.ToString().TrimEnd('.');
                continue;
            }

            response.AnswerRecords.AddRange(snapshot.Where(r => r.RecordType == question.RecordType));
            break;
        }

        response.IsAuthenticData = _authenticated.ContainsKey(name);
        e.Response = response;
    }

    private bool HasDescendants(string name) => _records.Keys.Any(k => k.EndsWith("." + name, StringComparison.OrdinalIgnoreCase));

    private static int FindFreePort()
    {
        // ARSoft does not report the port it bound, so find one that is free for both UDP and TCP.
        for (var attempt = 0; attempt < 50; attempt++)
        {
            using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
            var port = ((IPEndPoint)udp.Client.LocalEndPoint!).Port;
            try
            {
                var tcp = new TcpListener(IPAddress.Loopback, port);
                tcp.Start();
                tcp.Stop();
                return port;
            }
            catch (SocketException)
            {
            }
        }

        throw new InvalidOperationException("No free loopback port for the lab DNS server.");
    }

    public void Dispose() => _server.Stop();
}
