using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MtaSts.Server.Tests.Support;

/// <summary>A test CA made at test time, which issues leaf certificates written as PEM files.</summary>
internal sealed class TestCertificates : IDisposable
{
    private readonly ECDsa _caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public TestCertificates(string folder)
    {
        Folder = folder;
        var request = new CertificateRequest("CN=mtasts test CA", _caKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        Authority = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        AuthorityFile = Path.Combine(folder, "ca.pem");
        File.WriteAllText(AuthorityFile, Authority.ExportCertificatePem());
    }

    public string Folder { get; }

    public X509Certificate2 Authority { get; }

    public string AuthorityFile { get; }

    /// <summary>Issues a certificate for <paramref name="dnsNames"/> and writes it to <c>{fileName}.pem</c> and <c>{fileName}.key</c>.</summary>
    public (string CertificateFile, string KeyFile, X509Certificate2 Certificate) Issue(string fileName, params string[] dnsNames)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={dnsNames[0]}", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        foreach (var name in dnsNames)
        {
            names.AddDnsName(name);
        }

        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var serial = RandomNumberGenerator.GetBytes(12);
        serial[0] &= 0x7f;
        using var issued = request.Create(Authority.SubjectName, X509SignatureGenerator.CreateForECDsa(_caKey), DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(10), serial);
        var certificateFile = Path.Combine(Folder, fileName + ".pem");
        var keyFile = Path.Combine(Folder, fileName + ".key");

        // Write to temporary names and move, as certbot and similar tools replace files.
        File.WriteAllText(certificateFile + ".tmp", issued.ExportCertificatePem());
        File.WriteAllText(keyFile + ".tmp", key.ExportPkcs8PrivateKeyPem());
        File.Move(keyFile + ".tmp", keyFile, overwrite: true);
        File.Move(certificateFile + ".tmp", certificateFile, overwrite: true);
        return (certificateFile, keyFile, X509CertificateLoader.LoadCertificate(issued.RawData));
    }

    /// <summary>Checks a server certificate against the test CA only.</summary>
    public bool Validate(X509Certificate? certificate)
    {
        if (certificate is null)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(Authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()));
    }

    public void Dispose()
    {
        _caKey.Dispose();
        Authority.Dispose();
    }
}
