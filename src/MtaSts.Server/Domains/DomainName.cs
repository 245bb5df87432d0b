using System.Globalization;
using System.Net;

namespace MtaSts.Server.Domains;

/// <summary>Checks and normalises policy domain names given to the API and the command line.</summary>
public static class DomainName
{
    private static readonly IdnMapping s_idn = new() { AllowUnassigned = false, UseStd3AsciiRules = true };

    /// <summary>
    /// Returns the policy domain as lower-case A-labels without a trailing dot, or
    /// <see langword="null"/> for an IP address, a single label or an invalid name.
    /// </summary>
    public static string? TryNormalize(string? value)
    {
        var trimmed = value?.Trim().TrimEnd('.');
        if (string.IsNullOrEmpty(trimmed) || !trimmed.Contains('.', StringComparison.Ordinal) || IPAddress.TryParse(trimmed, out _))
        {
            return null;
        }

        try
        {
            return s_idn.GetAscii(trimmed).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
