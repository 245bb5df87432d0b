using MtaSts.Cli.Output;

namespace MtaSts.Cli.Commands;

/// <summary>Reads a small input file, or standard input for <c>-</c>, with a size cap.</summary>
internal static class InputFile
{
    /// <summary>
    /// Reads at most <paramref name="maxBytes"/> + 1 bytes, so the caller can tell an input that is
    /// over its limit without reading all of it.
    /// </summary>
    public static async Task<byte[]> ReadAsync(string path, int maxBytes, CancellationToken cancellationToken)
    {
        if (path != "-" && Directory.Exists(path))
        {
            throw new CommandException(Text.Get("Error.PathIsFolder", path));
        }

        try
        {
            await using var stream = path == "-" ? Console.OpenStandardInput() : File.OpenRead(path);
            var buffer = new byte[maxBytes + 1];
            var length = 0;
            int read;
            while (length < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
            {
                length += read;
            }

            return buffer[..length];
        }
        catch (FileNotFoundException)
        {
            throw new CommandException(Text.Get("Error.FileNotFound", path));
        }
        catch (DirectoryNotFoundException)
        {
            throw new CommandException(Text.Get("Error.FileNotFound", path));
        }
        catch (UnauthorizedAccessException)
        {
            throw new CommandException(Text.Get("Error.FileNotReadable", path));
        }
        catch (IOException e)
        {
            throw new CommandException(Text.Get("Error.FileReadFailed", path, e.Message));
        }
    }
}
