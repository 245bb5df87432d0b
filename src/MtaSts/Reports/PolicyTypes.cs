namespace MtaSts.Reports;

/// <summary>The <c>policy-type</c> values of RFC 8460 §4.4.</summary>
public static class PolicyTypes
{
    /// <summary>An MTA-STS policy (RFC 8461).</summary>
    public const string Sts = "sts";

    /// <summary>A DANE TLSA record set (RFC 7672).</summary>
    public const string Tlsa = "tlsa";

    /// <summary>The sender found neither an MTA-STS policy nor TLSA records.</summary>
    public const string NoPolicyFound = "no-policy-found";

    /// <summary>Returns whether <paramref name="policyType"/> is one of RFC 8460 §4.4, compared exactly.</summary>
    public static bool IsKnown(string policyType)
    {
        ArgumentNullException.ThrowIfNull(policyType);
        return policyType is Sts or Tlsa or NoPolicyFound;
    }
}
