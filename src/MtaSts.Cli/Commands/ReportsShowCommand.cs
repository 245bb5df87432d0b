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

        // Nothing to show is a failure too: the path was most likely not the one meant.
        if (results.Count == 0 && !json)
        {
            await Console.Error.WriteLineAsync(Text.Get("ReportsShow.NoFiles", string.Join(", ", paths)));
            return ExitCodes.Failed;
        }

        var duplicates = Duplicates.Find(results);
        if (json)
        {
            JsonOutput.Write(writer => ReportsJson.Write(writer, results, duplicates));
        }
        else
        {
            var screen = Screen.ForStandardOutput();
            foreach (var result in results)
            {
                ReportView.Render(screen, result, duplicates);
            }

            ReportView.RenderTotals(screen, results, inputs.Skipped, duplicates);
        }

        if (results.Count == 0)
        {
            await Console.Error.WriteLineAsync(Text.Get("ReportsShow.NoFiles", string.Join(", ", paths)));
            return ExitCodes.Failed;
        }

        return results.All(r => r.Succeeded) ? ExitCodes.Ok : ExitCodes.Failed;
    }

    // A file that cannot be read becomes a failed input, so the other files are still shown.
    private static async Task<ShownInput> ReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            if (path == ReportInputs.StandardInput)
            {
                var options = new ReportReaderOptions();
                var bytes = await InputFile.ReadAsync(path, (int)options.Decoding.MaxInputBytes, cancellationToken);
                return new ShownInput(Text.Get("Input.Stdin"), ReportReader.Read(Text.Get("Input.Stdin"), bytes, options), null);
            }

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
