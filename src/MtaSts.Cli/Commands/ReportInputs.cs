using MtaSts.Cli.Output;
using MtaSts.Storage.Import;

namespace MtaSts.Cli.Commands;

/// <summary>
/// Expands the paths given to <c>reports show</c> into the files to read, with the same folder
/// rules as <c>reports import</c>, plus <c>-</c> for standard input.
/// </summary>
internal static class ReportInputs
{
    /// <summary>The path that stands for standard input.</summary>
    public const string StandardInput = "-";

    public static InputFiles Expand(IReadOnlyList<string> paths)
    {
        var onDisk = paths.Where(p => p != StandardInput).ToList();
        InputFiles found;
        try
        {
            found = ReportInputReader.FindFiles(onDisk);
        }
        catch (FileNotFoundException e)
        {
            throw new CommandException(Text.Get("Error.PathNotFound", e.FileName));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CommandException(Text.Get("Error.FolderReadFailed", string.Join(", ", onDisk), e.Message));
        }

        if (onDisk.Count == paths.Count)
        {
            return found;
        }

        return found with { Files = [StandardInput, .. found.Files] };
    }
}
