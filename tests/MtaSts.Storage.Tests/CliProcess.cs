using System.Diagnostics;

namespace MtaSts.Storage.Tests;

/// <summary>Runs the built <c>mtasts</c> command (MtaSts.Cli.dll beside the tests) as a child process.</summary>
internal static class CliProcess
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static ProcessStartInfo StartInfo(IReadOnlyDictionary<string, string>? environment, IEnumerable<string> args, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "MtaSts.Cli.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // The language comes from --lang in each test, and the store and password from the test only.
        start.Environment["LANG"] = "C.UTF-8";
        start.Environment.Remove("LC_ALL");
        start.Environment.Remove("MTASTS_DEBUG");
        start.Environment.Remove("MTASTS_STORE");
        start.Environment.Remove("MTASTS_IMAP_PASSWORD");
        start.Environment.Remove("PGPASSWORD");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return start;
    }

    public static Task<Result> RunAsync(params string[] args) => RunAsync(null, args);

    public static Task<Result> RunAsync(IReadOnlyDictionary<string, string>? environment, params string[] args) => RunInAsync(null, environment, args);

    public static async Task<Result> RunInAsync(string? workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        using var process = Process.Start(StartInfo(environment, args, workingDirectory))!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await output, await error);
    }
}
