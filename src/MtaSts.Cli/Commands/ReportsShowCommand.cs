using System.CommandLine;
using MtaSts.Cli.Output;
using MtaSts.Reports;

namespace MtaSts.Cli.Commands;

/// <summary>
/// <c>mtasts reports show PATH…</c>: each report in plain language, or as JSON with
/// <c>--json</c>. Exit 0 when every input parsed, 1 when any failed.
/// </summary>
internal static class ReportsShowCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = Text.Get("ReportsShow.Path"),
            Arity = ArgumentArity.OneOrMore,
        };
        var json = CommonOptions.Json();
        var command = new Command("show", Text.Get("ReportsShow.Description")) { paths, json };
        command.SetAction((result, cancellationToken) =>
            RunAsync(result.GetRequiredValue(paths), result.GetValue(json), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string[] paths, bool json, CancellationToken cancellationToken)
    {
        var inputs = ReportInputs.Expand(paths);
        var results = new List<ShownInput>(inputs.Files.Count);
        foreach (var file in inputs.Files)
        {
            results.Add(await ReadAsync(file, cancellationToken));
        }

        if (json)
        {
            JsonOutput.Write(writer => ReportsJson.Write(writer, results));
        }
        else
        {
            var screen = Screen.ForStandardOutput();
            foreach (var result in results)
            {
                ReportView.Render(screen, result);
            }

            ReportView.RenderTotals(screen, results, inputs.Skipped);
        }

        return results.All(r => r.Succeeded) ? ExitCodes.Ok : ExitCodes.Failed;
    }

    // A file that cannot be read becomes a failed input, so the other files are still shown.
    private static async Task<ShownInput> ReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return new ShownInput(path, await ReportReader.ReadFileAsync(path, cancellationToken: cancellationToken), null);
        }
        catch (UnauthorizedAccessException)
        {
            return new ShownInput(path, null, Text.Get("Error.FileNotReadable", path));
        }
        catch (IOException e)
        {
            return new ShownInput(path, null, Text.Get("Error.FileReadFailed", path, e.Message));
        }
    }
}
