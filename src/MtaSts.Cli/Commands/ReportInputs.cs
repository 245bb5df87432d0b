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

    /// <summary>The path that stands for standard input.</summary>
    public const string StandardInput = "-";

    public static Expansion Expand(IEnumerable<string> paths)
    {
        var files = new List<string>();
        var skipped = new List<string>();
        foreach (var path in paths)
        {
            if (path == StandardInput || File.Exists(path))
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
        foreach (var entry in ListFiles(folder, skipped))
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

    // Walks the folder tree without following links to folders, so a link loop or a link to a
    // large tree elsewhere is skipped (and counted) rather than read.
    private static List<string> ListFiles(string root, List<string> skipped)
    {
        var found = new List<string>();
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            try
            {
                var options = new EnumerationOptions { AttributesToSkip = FileAttributes.Hidden, IgnoreInaccessible = false };
                found.AddRange(Directory.EnumerateFiles(folder, "*", options));
                foreach (var child in Directory.EnumerateDirectories(folder, "*", options))
                {
                    if (new DirectoryInfo(child).LinkTarget is null)
                    {
                        pending.Push(child);
                    }
                    else
                    {
                        skipped.Add(child);
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CommandException(Text.Get("Error.FolderReadFailed", folder, e.Message));
            }
        }

        found.Sort(StringComparer.Ordinal);
        return found;
    }
}
