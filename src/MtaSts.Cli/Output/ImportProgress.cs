using MtaSts.Storage;
using Spectre.Console;

namespace MtaSts.Cli.Output;

/// <summary>
/// Shows an import's progress: a progress bar over the files on a terminal, and one line per
/// committed batch when the output is redirected. Counts are shown only once their batch is
/// committed, so a line printed before a crash names reports that are in the store.
/// </summary>
internal static class ImportProgress
{
    public static async Task<ImportCounts> RunAsync(
        Screen screen,
        int fileCount,
        Func<IProgress<int>, IProgress<ImportCounts>, Task<ImportCounts>> import)
    {
        if (screen is not TerminalScreen)
        {
            return await import(
                new Callback<int>(_ => { }),
                new Callback<ImportCounts>(counts => Console.Out.WriteLine(StoreText.Get("Import.Committed", counts.Stored, counts.Duplicates))));
        }

        ImportCounts result = new(0, 0, 0);
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape(StoreText.Get("Import.Reading")), maxValue: Math.Max(fileCount, 1));
                task.IsIndeterminate = fileCount == 0;
                result = await import(
                    new Callback<int>(read => task.Value = read),
                    new Callback<ImportCounts>(counts => task.Description = Markup.Escape(StoreText.Get("Import.Committed", counts.Stored, counts.Duplicates))));
                task.IsIndeterminate = false;
                task.Value = task.MaxValue;
            });
        return result;
    }

    // Reports on the caller's thread, so lines come out in commit order and before the totals.
    private sealed class Callback<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
