using MtaSts.Cli.Output;

namespace MtaSts.Cli.Commands;

/// <summary>Expands the paths given to a reports command into the files to read.</summary>
internal static class ReportInputs
{
    // Inside a folder, files with these endings are documents rather than reports (a README, a
    // DMARC aggregate report, a policy) and are skipped; a file named on the command line is
    // always read, whatever its name.
    private static readonly HashSet<string> s_skippedExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".md", ".txt", ".html", ".htm", ".pdf", ".png", ".jpg", ".jpeg", ".gif", ".csv", ".xml", ".zip", ".sh", ".yml", ".yaml",
    };

    /// <summary>The files to read, in a stable order, and how many files in folders were skipped.</summary>
    public sealed record Expansion(IReadOnlyList<string> Files, IReadOnlyList<string> Skipped);

    public static Expansion Expand(IEnumerable<string> paths)
    {
        var files = new List<string>();
        var skipped = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                files.Add(path);
            }
            else if (Directory.Exists(path))
            {
                AddFolder(path, files, skipped);
            }
            else
            {
                throw new CommandException(Text.Get("Error.PathNotFound", path));
            }
        }

        return new Expansion(files, skipped);
    }

    private static void AddFolder(string folder, List<string> files, List<string> skipped)
    {
        IEnumerable<string> entries;
        try
        {
            entries = Directory.EnumerateFiles(folder, "*", new EnumerationOptions
            {
                RecurseSubdirectories = true,
                IgnoreInaccessible = false,
                AttributesToSkip = FileAttributes.Hidden,
            }).Order(StringComparer.Ordinal).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CommandException(Text.Get("Error.FolderReadFailed", folder, e.Message));
        }

        foreach (var entry in entries)
        {
            var name = Path.GetFileName(entry);
            if (s_skippedExtensions.Contains(Path.GetExtension(name)) || name.StartsWith('.'))
            {
                skipped.Add(entry);
            }
            else
            {
                files.Add(entry);
            }
        }
    }
}
