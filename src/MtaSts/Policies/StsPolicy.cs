using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using MtaSts.Diagnostics;

namespace MtaSts.Policies;

/// <summary>
/// An MTA-STS policy, as served at <c>https://mta-sts.&lt;domain&gt;/.well-known/mta-sts.txt</c>.
/// </summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc8461#section-3.2">RFC 8461 §3.2</seealso>
public sealed class StsPolicy
{
    /// <summary>The maximum size of a policy in bytes (64 KiB). Senders reject larger responses.</summary>
    public const int MaxLength = 65536;

    /// <summary>The maximum <c>max_age</c> in seconds (about one year). Larger values are clamped to it.</summary>
    public const long MaxAgeLimit = 31557600;

    internal StsPolicy(
        PolicyMode mode,
        IReadOnlyList<MxPattern> mxPatterns,
        long maxAge,
        IReadOnlyList<KeyValuePair<string, string>> extensions,
        IReadOnlyList<Diagnostic> diagnostics)
    {
        Mode = mode;
        MxPatterns = mxPatterns;
        MaxAge = maxAge;
        Extensions = extensions;
        Diagnostics = diagnostics;
    }

    /// <summary>The policy mode.</summary>
    public PolicyMode Mode { get; }

    /// <summary>The allowed MX patterns in file order, without duplicates.</summary>
    public IReadOnlyList<MxPattern> MxPatterns { get; }

    /// <summary>How long senders may cache the policy, in seconds, at most <see cref="MaxAgeLimit"/>.</summary>
    public long MaxAge { get; }

    /// <summary>The lines with keys the RFC does not define, in file order, which senders ignore.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Extensions { get; }

    /// <summary>The warnings and notes about this policy, which has no errors because it is usable.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Parses a policy.</summary>
    /// <exception cref="MtaStsFormatException">The policy is not valid, so senders would ignore it.</exception>
    public static StsPolicy Parse(string text)
    {
        return TryParse(text, out var policy, out var diagnostics) ? policy : throw new MtaStsFormatException(diagnostics);
    }

    /// <summary>Parses a policy from the UTF-8 bytes of the HTTPS response body.</summary>
    /// <exception cref="MtaStsFormatException">The policy is not valid, so senders would ignore it.</exception>
    public static StsPolicy Parse(ReadOnlySpan<byte> utf8)
    {
        return TryParse(utf8, out var policy, out var diagnostics) ? policy : throw new MtaStsFormatException(diagnostics);
    }

    /// <summary>Parses a policy.</summary>
    /// <returns><see langword="false"/> when any diagnostic is an error.</returns>
    public static bool TryParse(string text, [NotNullWhen(true)] out StsPolicy? policy, out IReadOnlyList<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(text);
        policy = StsPolicyParser.Parse(text, out diagnostics);
        return policy is not null;
    }

    /// <summary>Parses a policy from the UTF-8 bytes of the HTTPS response body.</summary>
    /// <returns><see langword="false"/> when any diagnostic is an error.</returns>
    public static bool TryParse(ReadOnlySpan<byte> utf8, [NotNullWhen(true)] out StsPolicy? policy, out IReadOnlyList<Diagnostic> diagnostics)
    {
        policy = StsPolicyParser.Parse(utf8, out diagnostics);
        return policy is not null;
    }

    /// <summary>Creates a policy, keeping each MX pattern once.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxAge"/> is negative or above <see cref="MaxAgeLimit"/>.</exception>
    /// <exception cref="ArgumentException">No MX pattern was given and <paramref name="mode"/> is not <see cref="PolicyMode.None"/>.</exception>
    public static StsPolicy Create(PolicyMode mode, IEnumerable<MxPattern> mxPatterns, long maxAge)
    {
        ArgumentNullException.ThrowIfNull(mxPatterns);
        ArgumentOutOfRangeException.ThrowIfNegative(maxAge);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxAge, MaxAgeLimit);
        if (!Enum.IsDefined(mode))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "The mode must be Enforce, Testing or None.");
        }

        var patterns = mxPatterns.Distinct().ToArray();
        if (patterns.Length == 0 && mode != PolicyMode.None)
        {
            throw new ArgumentException("At least one MX pattern is required unless the mode is None.", nameof(mxPatterns));
        }

        return new StsPolicy(mode, patterns, maxAge, [], []);
    }

    /// <summary>Checks whether any MX pattern of the policy matches <paramref name="mxHost"/>.</summary>
    public bool Matches(string mxHost)
    {
        ArgumentNullException.ThrowIfNull(mxHost);
        return MxPatterns.Any(p => p.Matches(mxHost));
    }

    /// <summary>
    /// Writes the policy with CRLF line ends in the order version, mode, mx lines, max_age,
    /// then extensions. Parsing the result gives an equal policy.
    /// </summary>
    public string Write()
    {
        var text = new StringBuilder();
        text.Append("version: STSv1\r\n");
        text.Append("mode: ").Append(FormatMode(Mode)).Append("\r\n");
        foreach (var pattern in MxPatterns)
        {
            text.Append("mx: ").Append(pattern.Value).Append("\r\n");
        }

        text.Append("max_age: ").Append(MaxAge.ToString(CultureInfo.InvariantCulture)).Append("\r\n");
        foreach (var extension in Extensions)
        {
            text.Append(extension.Key).Append(": ").Append(extension.Value).Append("\r\n");
        }

        return text.ToString();
    }

    /// <summary>Returns <see cref="Write"/>.</summary>
    public override string ToString() => Write();

    internal static string FormatMode(PolicyMode mode) => mode switch
    {
        PolicyMode.Enforce => "enforce",
        PolicyMode.Testing => "testing",
        _ => "none",
    };
}
