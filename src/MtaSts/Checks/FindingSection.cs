namespace MtaSts.Checks;

/// <summary>The part of the deployment a finding concerns; reports group findings by it.</summary>
public enum FindingSection
{
    /// <summary>MX, <c>_mta-sts</c> and <c>_smtp._tls</c> records.</summary>
    Dns,

    /// <summary>The HTTPS fetch of the policy and the policy itself.</summary>
    Policy,

    /// <summary>Whether the policy fits the MX records.</summary>
    Consistency,

    /// <summary>STARTTLS, TLS and certificates of each MX host.</summary>
    Smtp,

    /// <summary>TLSA records of each MX host (informational).</summary>
    Dane,
}
