using System.Runtime.CompilerServices;
using MtaSts.Diagnostics;
using MtaSts.Reports;
using MtaSts.Reports.Decoding;

namespace MtaSts.Storage.Import;

/// <summary>The files an import reads, in a stable order, and the files of its folders that it skips.</summary>
/// <param name="Files">Report files, mbox files and Maildir messages, in the order they are read.</param>
/// <param name="Skipped">Files inside folders that are documents rather than reports (a README, say).</param>
public sealed record InputFiles(IReadOnlyList<string> Files, IReadOnlyList<string> Skipped);

/// <summary>
/// Turns files, mbox files, Maildir folders and single messages into reports ready for a
/// store, and keeps a list of every input or report that could not be imported. Inputs are only
/// read, never moved, changed or deleted.
/// </summary>
/// <remarks>One instance serves one import; it is not safe to use from several threads.</remarks>
public sealed class ReportInputReader
{
    // Inside a folder, files with these endings are documents rather than reports and are
    // skipped; a file named directly is always read, whatever its name.
    private static readonly HashSet<string> s_documentExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".md", ".txt", ".html", ".htm", ".pdf", ".png", ".jpg", ".jpeg", ".gif", ".csv", ".xml", ".zip", ".sh", ".yml", ".yaml",
    };

    private readonly ReportReaderOptions _options;
    private readonly List<ImportRejection> _rejections = [];

    /// <summary>Creates a reader that applies <paramref name="options"/> to every input.</summary>
    /// <param name="options">Size and parser limits, or <see langword="null"/> for the defaults.</param>
    public ReportInputReader(ReportReaderOptions? options = null)
    {
        _options = options ?? new ReportReaderOptions();
    }

    /// <summary>The inputs and reports rejected so far, in reading order.</summary>
    public IReadOnlyList<ImportRejection> Rejections => _rejections;

    /// <summary>The files and messages read so far, including rejected ones.</summary>
    public long InputsRead { get; private set; }

    /// <summary>
    /// Expands <paramref name="paths"/> into the files to read. A folder is read recursively,
    /// except that a Maildir folder contributes only its <c>cur/</c> and <c>new/</c> messages.
    /// Hidden files and folders (names starting with a dot) are left out.
    /// </summary>
    /// <exception cref="FileNotFoundException">A path is neither a file nor a folder.</exception>
    /// <exception cref="IOException">A folder could not be listed.</exception>
    /// <exception cref="UnauthorizedAccessException">A folder may not be listed.</exception>
    public static InputFiles FindFiles(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
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
                throw new FileNotFoundException($"'{path}' is neither a file nor a folder.", path);
            }
        }

        return new InputFiles(files, skipped);
    }

    /// <summary>Reads the reports of <paramref name="files"/>, in order; rejected inputs go to <see cref="Rejections"/>.</summary>
    /// <param name="files">Report files (JSON, gzip, a mail) and mbox files.</param>
    /// <param name="filesRead">Receives the number of files read after each file, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels reading.</param>
    public async IAsyncEnumerable<IncomingReport> ReadFilesAsync(
        IEnumerable<string> files,
        IProgress<int>? filesRead = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        var count = 0;
        foreach (var file in files)
        {
            if (await IsMboxAsync(file, cancellationToken))
            {
                await foreach (var report in ReadMboxAsync(file, cancellationToken))
                {
                    yield return report;
                }
            }
            else
            {
                foreach (var report in await ReadFileAsync(file, cancellationToken))
                {
                    yield return report;
                }
            }

            filesRead?.Report(++count);
        }
    }

    /// <summary>Reads the reports of one input held in memory: a JSON or gzip report, or a mail.</summary>
    /// <param name="source">Where the input came from, kept with each report and rejection.</param>
    /// <param name="input">The bytes of the input.</param>
    /// <returns>The reports that parsed; the others, or the input itself, go to <see cref="Rejections"/>.</returns>
    public IReadOnlyList<IncomingReport> ReadMessage(string source, ReadOnlyMemory<byte> input)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Convert(source, ReportDecoder.Decode(input, _options.Decoding));
    }

    private async Task<IReadOnlyList<IncomingReport>> ReadFileAsync(string file, CancellationToken cancellationToken)
    {
        try
        {
            return Convert(file, await ReportDecoder.DecodeFileAsync(file, _options.Decoding, cancellationToken));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            InputsRead++;
            _rejections.Add(new ImportRejection(file, [], e.Message));
            return [];
        }
    }

    private async IAsyncEnumerable<IncomingReport> ReadMboxAsync(string file, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 64 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using var messages = MailboxReader.ReadMboxAsync(stream, cancellationToken).GetAsyncEnumerator(cancellationToken);
        var number = 0;
        while (true)
        {
            // A damaged mbox stops at the damage; the messages before it are still imported.
            string? error = null;
            try
            {
                if (!await messages.MoveNextAsync())
                {
                    break;
                }
            }
            catch (Exception e) when (e is FormatException or IOException)
            {
                error = e.Message;
            }

            number++;
            var source = $"{file} #{number}";
            if (error is not null)
            {
                InputsRead++;
                _rejections.Add(new ImportRejection(source, [], error));
                break;
            }

            foreach (var report in ReadMessage(source, messages.Current))
            {
                yield return report;
            }
        }
    }

    private List<IncomingReport> Convert(string source, DecodeResult decoded)
    {
        InputsRead++;
        var reports = new List<IncomingReport>(decoded.Payloads.Count);
        if (decoded.Payloads.Count == 0)
        {
            _rejections.Add(new ImportRejection(source, Errors(decoded.Diagnostics), null));
            return reports;
        }

        foreach (var payload in decoded.Payloads)
        {
            var reportSource = decoded.Payloads.Count == 1 ? source : $"{source} ({payload.Label})";
            var parsed = TlsReportParser.Parse(payload.Json.Span, _options.Parsing);
            var diagnostics = payload.Diagnostics.Concat(parsed.Diagnostics).OrderByDescending(d => d.Severity).ToList();
            if (parsed.Report is null)
            {
                _rejections.Add(new ImportRejection(reportSource, Errors(diagnostics), null));
                continue;
            }

            reports.Add(new IncomingReport
            {
                Report = parsed.Report,
                RawJson = payload.Json,
                Source = reportSource,
                Submitter = decoded.Mail?.ReportSubmitter,
                Diagnostics = diagnostics,
            });
        }

        return reports;
    }

    private static List<Diagnostic> Errors(IReadOnlyList<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Where(d => d.Severity == Severity.Error).ToList();
        return errors.Count > 0 ? errors : diagnostics.ToList();
    }

    private static async Task<bool> IsMboxAsync(string file, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
            var start = new byte[5];
            var length = await stream.ReadAtLeastAsync(start, start.Length, throwOnEndOfStream: false, cancellationToken);
            return MailboxReader.LooksLikeMbox(start.AsSpan(0, length));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Reading the file again reports the error as a rejection.
            return false;
        }
    }

    private static void AddFolder(string folder, List<string> files, List<string> skipped)
    {
        if (MailboxReader.IsMaildir(folder))
        {
            files.AddRange(MailboxReader.ListMaildirMessages(folder));
            return;
        }

        foreach (var file in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            if (name.StartsWith('.'))
            {
                continue;
            }

            if (s_documentExtensions.Contains(Path.GetExtension(name)))
            {
                skipped.Add(file);
            }
            else
            {
                files.Add(file);
            }
        }

        // Links to folders are not followed, so a link loop or a link to a large tree elsewhere
        // is skipped (and listed) rather than read.
        foreach (var child in Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal))
        {
            if (Path.GetFileName(child).StartsWith('.'))
            {
                continue;
            }

            if (new DirectoryInfo(child).LinkTarget is null)
            {
                AddFolder(child, files, skipped);
            }
            else
            {
                skipped.Add(child);
            }
        }
    }
}
