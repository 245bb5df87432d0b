using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MtaSts.Discovery;
using MtaSts.Policies;

namespace MtaSts.Tests.Checks;

/// <summary>A certificate DNS name (or MX pattern) and a host name to match it against.</summary>
public sealed record NamePair(string Presented, string Host);

public static class NamePairGenerators
{
    private static readonly Gen<string> s_label = Gen.Elements("mx", "mx1", "mail", "a", "b-2", "xn--bcher-kva", "MX");

    private static readonly Gen<string> s_name =
        from labels in Gen.ListOf(s_label).Where(l => l.Count is >= 0 and <= 3)
        from suffix in Gen.Elements("example.com", "example.net", "Example.COM")
        select string.Join(".", labels.Append(suffix));

    public static Arbitrary<NamePair> Pairs()
    {
        var gen =
            from presented in s_name
            from wildcard in Gen.Elements(false, true)
            from host in s_name
            select new NamePair(wildcard ? "*." + presented : presented, host);
        return Arb.From(gen);
    }
}

/// <summary>
/// RFC 8461 applies the same wildcard rule to MX patterns (§4.1) and certificate names (§3.3):
/// "*" is the whole left-most label and stands for exactly one label.
/// </summary>
[Properties(Arbitrary = [typeof(NamePairGenerators)])]
public sealed class HostNameMatcherProperties
{
    [Property]
    public bool CertificateNameMatchesLikeMxPattern(NamePair pair) =>
        HostNameMatcher.Matches(pair.Presented, pair.Host) == MxPattern.Parse(pair.Presented).Matches(pair.Host);

    [Property]
    public bool WildcardNeverMatchesItsOwnSuffix(NamePair pair) =>
        !pair.Presented.StartsWith("*.", StringComparison.Ordinal) || !HostNameMatcher.Matches(pair.Presented, pair.Presented[2..]);
}
