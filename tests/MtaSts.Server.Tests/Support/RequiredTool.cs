using System.Diagnostics;
using Xunit;

namespace MtaSts.Server.Tests.Support;

/// <summary>
/// Finds a Debian tool that a test drives (curl, swaks). Locally a missing tool skips the test with
/// a message; under CI (CI=true) it fails the test, so CI never passes by skipping.
/// </summary>
internal static class RequiredTool
{
    public static string Find(string name)
    {
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var path = Path.Combine(folder, name);
            if (File.Exists(path))
            {
                return path;
            }
        }

        var message = $"'{name}' is not installed; install it with .ci/install-server.sh (apt-get install {name}).";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(message);
        }

        Skip.If(true, message);
        return name;
    }

    /// <summary>
    /// Runs <paramref name="path"/> with <paramref name="arguments"/> and returns its exit code and output.
    /// <paramref name="environment"/> sets variables for the child, and a <see langword="null"/> value removes one.
    /// </summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(
        string path,
        IEnumerable<string> arguments,
        TimeSpan timeout,
        string? workingDirectory = null,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (workingDirectory is not null)
        {
            start.WorkingDirectory = workingDirectory;
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {path}.");
        using var cancellation = new CancellationTokenSource(timeout);
        var output = process.StandardOutput.ReadToEndAsync(cancellation.Token);
        var error = process.StandardError.ReadToEndAsync(cancellation.Token);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{path} did not finish within {timeout}.");
        }

        return (process.ExitCode, await output, await error);
    }
}
