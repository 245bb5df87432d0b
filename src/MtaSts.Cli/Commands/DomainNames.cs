using System.Globalization;
using MtaSts.Cli.Output;

namespace MtaSts.Cli.Commands;

/// <summary>Checks and normalises a domain name given on the command line.</summary>
internal static class DomainNames
{
    private static readonly IdnMapping s_idn = new() { AllowUnassigned = false, UseStd3AsciiRules = true };

    /// <summary>
    /// Returns the policy domain as lower-case A-labels without a trailing dot, so that
    /// "Ejemplo-Ñandú.es." and "xn--ejemplo-and-jhb.es" name the same policy.
    /// </summary>
    public static string ToPolicyDomain(string value)
    {
        var trimmed = value.Trim().TrimEnd('.');
        if (trimmed.Length == 0 || !trimmed.Contains('.', StringComparison.Ordinal) || System.Net.IPAddress.TryParse(trimmed, out _))
        {
            throw new CommandException(Text.Get("Error.BadDomain", value));
        }

        try
        {
            return s_idn.GetAscii(trimmed).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            throw new CommandException(Text.Get("Error.BadDomain", value));
        }
    }
}
