using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Text;
using MtaSts.Diagnostics;

namespace MtaSts.Policies;

/// <summary>
/// An allowed MX host of a policy: a host name (<c>mail.example.com</c>) or a wildcard
/// (<c>*.example.net</c>) that matches exactly one whole left-most label.
/// </summary>
/// <seealso href="https://www.rfc-editor.org/rfc/rfc8461#section-4.1">RFC 8461 §4.1</seealso>
public sealed class MxPattern : IEquatable<MxPattern>
{
    private const string SyntaxRfc = "RFC 8461 §3.2";
    private const string MatchingRfc = "RFC 8461 §4.1";
    private const string WildcardPrefix = "*.";
    private const int MaxNameLength = 253;
    private const int MaxLabelLength = 63;

    private MxPattern(string value)
    {
        Value = value;
    }

    /// <summary>The normalized pattern: A-labels, lower case, no trailing dot, <c>*.</c> first for a wildcard.</summary>
    public string Value { get; }

    /// <summary>Whether the pattern starts with <c>*.</c>.</summary>
    public bool IsWildcard => Value.StartsWith(WildcardPrefix, StringComparison.Ordinal);

    /// <summary>Parses an MX pattern such as <c>mail.example.com</c> or <c>*.example.net</c>.</summary>
    /// <exception cref="MtaStsFormatException">The pattern is not valid.</exception>
    public static MxPattern Parse(string text)
    {
        return TryParse(text, out var pattern, out var diagnostics) ? pattern : throw new MtaStsFormatException(diagnostics);
    }

    /// <summary>
    /// Parses an MX pattern. A trailing dot is removed and U-labels are converted to A-labels,
    /// each with a warning in <paramref name="diagnostics"/>.
    /// </summary>
    /// <returns><see langword="false"/> when any diagnostic is an error.</returns>
    public static bool TryParse(string text, [NotNullWhen(true)] out MxPattern? pattern, out IReadOnlyList<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<Diagnostic>();
        var value = Normalize(text, found);
        diagnostics = found;
        pattern = value is null ? null : new MxPattern(value);
        return pattern is not null;
    }

    /// <summary>
    /// Checks whether <paramref name="hostname"/> (any case, U-labels or A-labels, with or
    /// without a trailing dot) matches this pattern.
    /// </summary>
    public bool Matches(string hostname)
    {
        ArgumentNullException.ThrowIfNull(hostname);
        var host = NormalizeHost(hostname);
        if (host is null)
        {
            return false;
        }

        if (!IsWildcard)
        {
            return host == Value;
        }

        // RFC 8461 §4.1: "*" matches the entire left-most label only, so "*.example.com"
        // matches "mail.example.com" but not "example.com" or "a.b.example.com".
        var firstDot = host.IndexOf('.', StringComparison.Ordinal);
        return firstDot > 0 && host.AsSpan(firstDot + 1).SequenceEqual(Value.AsSpan(WildcardPrefix.Length));
    }

    /// <inheritdoc/>
    public bool Equals(MxPattern? other) => other is not null && Value == other.Value;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as MxPattern);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <summary>Returns <see cref="Value"/>.</summary>
    public override string ToString() => Value;

    private static string? NormalizeHost(string hostname)
    {
        var host = hostname.EndsWith('.') ? hostname[..^1] : hostname;
        if (host.Length == 0)
        {
            return null;
        }

        if (!Ascii.IsValid(host))
        {
            try
            {
                host = new IdnMapping().GetAscii(host);
            }
            catch (ArgumentException)
            {
                return null;
            }
        }

        return host.ToLowerInvariant();
    }

    private static string? Normalize(string text, List<Diagnostic> diagnostics)
    {
        if (text.Length == 0)
        {
            diagnostics.Add(new(PolicyDiagnosticCodes.MxEmpty, Severity.Error, SyntaxRfc, "mx"));
            return null;
        }

        // An IP literal names no host, so it can never match an MX record name or a certificate.
        var bare = text.Trim('[', ']');
        if (IsIpAddress(bare))
        {
            diagnostics.Add(new(PolicyDiagnosticCodes.MxIpLiteral, Severity.Error, MatchingRfc, "mx", Arguments: [text]));
            return null;
        }

        var name = text;
        if (name.EndsWith('.') && name.Length > 1)
        {
            name = name[..^1];
            diagnostics.Add(new(PolicyDiagnosticCodes.MxTrailingDot, Severity.Warning, SyntaxRfc, "mx", Arguments: [text, name]));
        }

        var wildcard = name.StartsWith(WildcardPrefix, StringComparison.Ordinal);
        var domain = wildcard ? name[WildcardPrefix.Length..] : name;
        if (domain.Contains('*', StringComparison.Ordinal))
        {
            diagnostics.Add(new(PolicyDiagnosticCodes.MxWildcardPosition, Severity.Error, MatchingRfc, "mx", Arguments: [text]));
            return null;
        }

        var ascii = ToAscii(text, domain, diagnostics);
        if (ascii is null || !CheckLabels(text, ascii, diagnostics))
        {
            return null;
        }

        return (wildcard ? WildcardPrefix : "") + ascii.ToLowerInvariant();
    }

    private static string? ToAscii(string text, string domain, List<Diagnostic> diagnostics)
    {
        if (Ascii.IsValid(domain))
        {
            return domain;
        }

        string ascii;
        try
        {
            ascii = new IdnMapping().GetAscii(domain);
        }
        catch (ArgumentException)
        {
            diagnostics.Add(new(PolicyDiagnosticCodes.MxIdnInvalid, Severity.Error, SyntaxRfc, "mx", Arguments: [text]));
            return null;
        }

        // RFC 8461 §3.2: an internationalized "mx" value must be the A-label, not the U-label.
        var prefix = text.StartsWith(WildcardPrefix, StringComparison.Ordinal) ? WildcardPrefix : "";
        diagnostics.Add(new(PolicyDiagnosticCodes.MxULabel, Severity.Warning, SyntaxRfc, "mx", Arguments: [text, prefix + ascii]));
        return ascii;
    }

    private static bool CheckLabels(string text, string domain, List<Diagnostic> diagnostics)
    {
        // RFC 5321 Domain, which RFC 8461 §3.2 uses for "mx": labels of letters, digits and
        // inner hyphens, each 1 to 63 characters.
        if (domain.Length > MaxNameLength)
        {
            var length = domain.Length.ToString(CultureInfo.InvariantCulture);
            diagnostics.Add(new(PolicyDiagnosticCodes.MxTooLong, Severity.Error, SyntaxRfc, "mx", Arguments: [text, length]));
            return false;
        }

        foreach (var label in domain.Split('.'))
        {
            if (label.Length == 0)
            {
                diagnostics.Add(new(PolicyDiagnosticCodes.MxEmptyLabel, Severity.Error, SyntaxRfc, "mx", Arguments: [text]));
                return false;
            }

            var bad = label.FirstOrDefault(c => !char.IsAsciiLetterOrDigit(c) && c != '-');
            if (bad != default)
            {
                diagnostics.Add(new(PolicyDiagnosticCodes.MxInvalidCharacter, Severity.Error, SyntaxRfc, "mx", Arguments: [text, bad.ToString()]));
                return false;
            }

            if (label.Length > MaxLabelLength)
            {
                var length = label.Length.ToString(CultureInfo.InvariantCulture);
                diagnostics.Add(new(PolicyDiagnosticCodes.MxLabelTooLong, Severity.Error, SyntaxRfc, "mx", Arguments: [text, label, length]));
                return false;
            }

            if (label[0] == '-' || label[^1] == '-')
            {
                diagnostics.Add(new(PolicyDiagnosticCodes.MxLabelHyphen, Severity.Error, SyntaxRfc, "mx", Arguments: [text, label]));
                return false;
            }
        }

        return true;
    }

    private static bool IsIpAddress(string text)
    {
        if (text.Contains(':', StringComparison.Ordinal))
        {
            return IPAddress.TryParse(text, out _);
        }

        // IPAddress.TryParse also takes "1" or "1.2", so only dotted quads count as IPv4 literals.
        var parts = text.Split('.');
        return parts.Length == 4 && parts.All(p => p.Length is >= 1 and <= 3 && p.All(char.IsAsciiDigit)) && IPAddress.TryParse(text, out _);
    }
}
