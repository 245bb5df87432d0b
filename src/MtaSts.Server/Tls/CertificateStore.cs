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
    /// <exception cref="ServerSettingException">A file is missing or unreadable, the key does not match, or the certificate does not cover its name.</exception>
    public void LoadAll()
    {
        foreach (var entry in _entries)
        {
            try
            {
                Load(entry);
            }
            catch (CertificateMismatchException e)
            {
                throw new ServerSettingException(SettingProblem.Create(e.Code, e.Template, entry.Name, entry.CertificateFile, entry.KeyFile), e);
            }
            catch (Exception e) when (e is CryptographicException or IOException or ArgumentException)
            {
                throw new ServerSettingException(
                    SettingProblem.Create(
                        "CertificateUnreadable",
                        "Server:Tls:Certificates entry '{0}' cannot be used: {3} (certificate {1}, key {2}).",
                        entry.Name,
                        entry.CertificateFile,
                        entry.KeyFile,
                        e.Message.TrimEnd('.')),
                    e);
            }
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
            var reason = e is CertificateMismatchException mismatch
                ? string.Format(System.Globalization.CultureInfo.InvariantCulture, mismatch.Template, entry.Name, entry.CertificateFile, entry.KeyFile)
                : e.Message;
            Log.CertificateReloadFailed(_logger, entry.Name, entry.CertificateFile, reason);
        }
    }

    private static void Load(Entry entry)
    {
        var stamp = ReadStamp(entry);
        X509Certificate2 leaf;
        try
        {
            leaf = X509Certificate2.CreateFromPemFile(entry.CertificateFile, entry.KeyFile);
        }
        catch (ArgumentException e) when (e.Message.Contains("key", StringComparison.OrdinalIgnoreCase))
        {
            // .NET 10 reports a key of another certificate as an ArgumentException without naming either file.
            throw new CertificateMismatchException(
                "CertificateKeyMismatch",
                "Server:Tls:Certificates entry '{0}' cannot be used: the private key in {2} does not match the certificate in {1}; give the key file issued with it.",
                e);
        }

        // A certificate that does not cover its configured name would fail every sender's check (RFC 8461 §3.3), so it is refused.
        if (!leaf.MatchesHostname(SampleName(entry.Name), allowWildcards: true, allowCommonName: false))
        {
            throw new CertificateMismatchException(
                "CertificateNameNotCovered",
                "Server:Tls:Certificates entry '{0}' cannot be used: the subject alternative names of the certificate in {1} do not cover {0}; issue it for that name.");
        }

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

    // A wildcard entry serves mta-sts.<domain> names, so the certificate must cover one such name.
    private static string SampleName(string name) => name.StartsWith("*.", StringComparison.Ordinal) ? "mta-sts" + name[1..] : name;

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

    // Carries the message code and English template of a certificate that loads but cannot serve its entry.
    private sealed class CertificateMismatchException(string code, string template, Exception? innerException = null)
        : CryptographicException(template, innerException)
    {
        public string Code { get; } = code;

        public string Template { get; } = template;
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
