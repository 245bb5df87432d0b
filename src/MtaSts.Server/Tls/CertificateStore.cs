using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using MtaSts.Server.Hosting;
using MtaSts.Server.Logging;

namespace MtaSts.Server.Tls;

/// <summary>
/// Chooses the certificate for a TLS handshake by SNI name from the configured PEM files, and
/// reloads a certificate when its files change, without a restart.
/// </summary>
internal sealed class CertificateStore
{
    private readonly List<Entry> _entries;
    private readonly TimeSpan _checkInterval;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<CertificateStore> _logger;

    public CertificateStore(IOptions<ServerOptions> options, TimeProvider timeProvider, ILogger<CertificateStore> logger)
    {
        var tls = options.Value.Tls;
        _entries = [.. tls.Certificates.Select(c => new Entry(c.Name.Trim().TrimEnd('.').ToLowerInvariant(), c.CertificateFile, c.KeyFile))];
        _checkInterval = TimeSpan.FromSeconds(tls.ReloadCheckSeconds);
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>Whether any certificate is configured.</summary>
    public bool HasCertificates => _entries.Count > 0;

    /// <summary>Loads every configured certificate once, so that a missing or broken file stops the start with its name.</summary>
    public void LoadAll()
    {
        foreach (var entry in _entries)
        {
            Load(entry);
        }
    }

    /// <summary>
    /// Returns the certificate for <paramref name="serverName"/>: an exact name first, else a
    /// wildcard covering one label, else <see langword="null"/>.
    /// </summary>
    public SslStreamCertificateContext? Select(string? serverName)
    {
        if (string.IsNullOrEmpty(serverName))
        {
            return null;
        }

        var name = serverName.TrimEnd('.').ToLowerInvariant();
        var entry = _entries.FirstOrDefault(e => e.Name == name) ?? _entries.FirstOrDefault(e => MatchesWildcard(e.Name, name));
        if (entry is null)
        {
            return null;
        }

        RefreshIfChanged(entry);
        return entry.Context;
    }

    // RFC 6125 §6.4.3: "*" stands for exactly one left-most label.
    private static bool MatchesWildcard(string pattern, string name)
    {
        if (!pattern.StartsWith("*.", StringComparison.Ordinal))
        {
            return false;
        }

        var dot = name.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && name.AsSpan(dot + 1).SequenceEqual(pattern.AsSpan(2));
    }

    private void RefreshIfChanged(Entry entry)
    {
        lock (entry)
        {
            RefreshLocked(entry);
        }
    }

    private void RefreshLocked(Entry entry)
    {
        var now = _timeProvider.GetUtcNow();
        if (entry.Context is not null && now - entry.CheckedAt < _checkInterval)
        {
            return;
        }

        entry.CheckedAt = now;
        var stamp = ReadStamp(entry);
        if (entry.Context is not null && stamp == entry.Stamp)
        {
            return;
        }

        try
        {
            Load(entry);
            Log.CertificateReloaded(_logger, entry.Name, entry.CertificateFile);
        }
        catch (Exception e) when (e is CryptographicException or IOException or ArgumentException)
        {
            // A file caught halfway through a rewrite: keep serving the previous certificate and try again on the next check.
            Log.CertificateReloadFailed(_logger, entry.Name, entry.CertificateFile, e.Message);
        }
    }

    private static void Load(Entry entry)
    {
        var stamp = ReadStamp(entry);
        var leaf = X509Certificate2.CreateFromPemFile(entry.CertificateFile, entry.KeyFile);
        var chain = new X509Certificate2Collection();
        chain.ImportFromPemFile(entry.CertificateFile);
        var intermediates = new X509Certificate2Collection();
        foreach (var certificate in chain)
        {
            if (certificate.Thumbprint != leaf.Thumbprint)
            {
                intermediates.Add(certificate);
            }
        }

        // offline: true builds the chain from the file's intermediates without fetching anything.
        entry.Context = SslStreamCertificateContext.Create(leaf, intermediates, offline: true);
        entry.Stamp = stamp;
    }

    private static (DateTime, long, DateTime, long) ReadStamp(Entry entry)
    {
        var certificate = new FileInfo(entry.CertificateFile);
        var key = new FileInfo(entry.KeyFile);
        return (
            certificate.Exists ? certificate.LastWriteTimeUtc : default,
            certificate.Exists ? certificate.Length : -1,
            key.Exists ? key.LastWriteTimeUtc : default,
            key.Exists ? key.Length : -1);
    }

    private sealed class Entry(string name, string certificateFile, string keyFile)
    {
        public string Name { get; } = name;

        public string CertificateFile { get; } = certificateFile;

        public string KeyFile { get; } = keyFile;

        public SslStreamCertificateContext? Context { get; set; }

        public (DateTime, long, DateTime, long) Stamp { get; set; }

        public DateTimeOffset CheckedAt { get; set; }
    }
}
