using Xunit;

namespace MtaSts.Tests.EndToEnd;

/// <summary>
/// A test that needs real daemons from Debian packages. Locally it is skipped, with the reason,
/// when a binary is missing or root is required; under CI (<c>CI=true</c>) it runs anyway and
/// fails, because <c>.ci/install-checker.sh</c> installs everything it needs.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RealDaemonFactAttribute : FactAttribute
{
    public RealDaemonFactAttribute(params string[] binaries)
    {
        if (IsCi)
        {
            return;
        }

        var missing = binaries.Where(b => Daemons.FindBinary(b) is null).ToArray();
        if (missing.Length > 0)
        {
            Skip = $"needs {string.Join(", ", missing)}; install them with .ci/install-checker.sh (run as root)";
        }
        else if (binaries.Contains("postfix") && !Daemons.IsRoot)
        {
            Skip = "postfix's master process must run as root";
        }
    }

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}
