using System.Diagnostics;

namespace MtaSts.Tests.Cli;

/// <summary>Runs the real <c>mtasts</c> command (the built MtaSts.Cli.dll) as a child process.</summary>
internal static class CliRunner
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static string FixturePath(params string[] parts) =>
        Path.Combine([AppContext.BaseDirectory, "Fixtures", .. parts]);

    public static async Task<Result> RunAsync(params string[] args) => await RunInAsync(null, null, args);

    public static async Task<Result> RunInAsync(string? workingDirectory, string? standardInput, params string[] args)
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

        // The language comes from --lang in each test, never from the machine running the tests.
        start.Environment["LANG"] = "C.UTF-8";
        start.Environment.Remove("LC_ALL");
        start.Environment.Remove("MTASTS_DEBUG");

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (standardInput is not null)
        {
            await process.StandardInput.WriteAsync(standardInput);
        }

        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await output, await error);
    }
}
