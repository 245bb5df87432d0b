using System.Globalization;
using MtaSts.Storage;
using MtaSts.Storage.Import;

namespace MtaSts.Cli.Output;

/// <summary>The closing counts of <c>reports import</c> and the reason of each rejection.</summary>
internal static class ImportView
{
    public static void Render(Screen screen, ImportCounts counts, ReportInputReader reader, IReadOnlyList<string> skipped, (int Count, string Folder)? moved)
    {
        screen.Blank();
        screen.Heading(StoreText.Get("Import.Heading"));
        screen.Field(StoreText.Get("Import.Inputs.Label"), Number(reader.InputsRead));
        screen.Field(StoreText.Get("Import.Stored"), Number(counts.Stored));
        screen.Field(StoreText.Get("Import.Duplicates"), Number(counts.Duplicates));
        if (counts.DuplicatesWithDifferentContent > 0)
        {
            screen.Status(Mark.Warning, StoreText.Get("Import.DifferentContent", Number(counts.DuplicatesWithDifferentContent)));
        }

        screen.Field(StoreText.Get("Import.Rejected"), Number(reader.Rejections.Count));
        if (counts.NotManaged > 0)
        {
            screen.Field(StoreText.Get("Import.NotManaged"), Number(counts.NotManaged));
        }

        if (skipped.Count > 0)
        {
            screen.Field(StoreText.Get("Import.Skipped"), StoreText.Get("Import.SkippedValue", Number(skipped.Count), string.Join(", ", skipped.Take(5))));
        }

        if (moved is { } move)
        {
            screen.Field(StoreText.Get("Import.Moved"), StoreText.Get("Import.MovedValue", Number(move.Count), move.Folder));
        }

        if (reader.Rejections.Count == 0)
        {
            return;
        }

        screen.Blank();
        screen.Subheading(StoreText.Get("Import.RejectedHeading"));
        foreach (var rejection in reader.Rejections)
        {
            screen.Status(Mark.Error, rejection.Source, Reason(rejection));
        }
    }

    private static string Reason(ImportRejection rejection)
    {
        if (rejection.ReadError is { } error)
        {
            return StoreText.Get("Import.ReadError", error);
        }

        var messages = rejection.Diagnostics.Select(d => d.Describe(CultureInfo.CurrentUICulture)).Distinct().ToList();
        return messages.Count == 0 ? StoreText.Get("Import.NoReason") : string.Join("\n", messages);
    }

    private static string Number(long value) => value.ToString("N0", CultureInfo.CurrentCulture);
}
