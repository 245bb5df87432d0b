using System.CommandLine;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MtaSts.Cli.Output;
using MtaSts.Storage;
using MtaSts.Storage.Import;
using Spectre.Console;

namespace MtaSts.Cli.Commands;

/// <summary>
/// <c>mtasts reports import PATH|URL…</c>: stores the reports of files, folders, mbox files,
/// Maildir folders and IMAP folders. Exit 0 when no input was rejected, 1 when any was.
/// </summary>
internal static class ReportsImportCommand
{
    /// <summary>The environment variable that contains the IMAP password.</summary>
    public const string PasswordVariable = "MTASTS_IMAP_PASSWORD";

    private const int DefaultBatchSize = 1000;

    // A batch is held in memory until its transaction commits.
    private const int MaximumBatchSize = 100_000;

    public static Command Create()
    {
        var inputs = new Argument<string[]>("PATH|URL")
        {
            Description = StoreText.Get("Import.Inputs"),
            Arity = ArgumentArity.OneOrMore,
        };
        var store = StoreOptions.Store();
        var domains = new Option<string[]>("--domain") { Description = StoreText.Get("Import.Domain"), HelpName = "DOMAIN" };
        var moveTo = new Option<string>("--move-to") { Description = StoreText.Get("Import.MoveTo"), HelpName = "FOLDER" };
        var caFile = new Option<string>("--ca-file") { Description = StoreText.Get("Import.CaFile"), HelpName = "PEM" };
        var batchSize = new Option<string>("--batch-size")
        {
            Description = StoreText.Get("Import.BatchSize", DefaultBatchSize),
            HelpName = "N",
        };

        var command = new Command("import", StoreText.Get("Import.Description")) { inputs, store, domains, moveTo, caFile, batchSize };
        command.SetAction((result, cancellationToken) => RunAsync(
            new ImportRequest(
                result.GetRequiredValue(inputs),
                result.GetValue(store),
                (result.GetValue(domains) ?? []).Select(DomainNames.ToPolicyDomain).ToArray(),
                result.GetValue(moveTo),
                result.GetValue(caFile),
                NumberOptions.ParseInteger(result.GetValue(batchSize), "--batch-size", DefaultBatchSize, 1, MaximumBatchSize)),
            cancellationToken));
        return command;
    }

    private sealed record ImportRequest(string[] Inputs, string? Store, string[] Domains, string? MoveTo, string? CaFile, int BatchSize);

    private static async Task<int> RunAsync(ImportRequest request, CancellationToken cancellationToken)
    {
        var mailboxes = request.Inputs.Where(ImapLocation.IsImapUrl).Select(ParseMailbox).ToList();
        var paths = request.Inputs.Where(i => !ImapLocation.IsImapUrl(i)).ToList();
        if (mailboxes.Count == 0 && (request.MoveTo is not null || request.CaFile is not null))
        {
            throw new CommandException(StoreText.Get("Error.MailboxOptionWithoutMailbox"));
        }

        var files = FindFiles(paths);
        var trustedRoots = request.CaFile is null ? null : LoadCaFile(request.CaFile);
        var password = mailboxes.Count == 0 ? null : ReadPassword(mailboxes[0]);

        await using var store = await StoreOptions.OpenAsync(request.Store, create: true, cancellationToken);
        var screen = Screen.ForStandardOutput();
        screen.Field(StoreText.Get("Import.StoreLabel"), store.Location);

        var reader = new ReportInputReader();
        var sources = new List<ImapReportSource>();
        try
        {
            foreach (var mailbox in mailboxes)
            {
                sources.Add(await ImapConnection.ConnectAsync(mailbox, password!, trustedRoots, cancellationToken));
            }

            var importer = new ReportImporter(store, request.BatchSize, request.Domains.Length > 0 ? request.Domains : null);
            var counts = await ImportProgress.RunAsync(
                screen,
                files.Files.Count,
                (filesRead, progress) => importer.ImportAsync(ReadAllAsync(reader, files.Files, sources, filesRead, cancellationToken), progress, cancellationToken));

            var moved = 0;
            if (request.MoveTo is not null)
            {
                foreach (var source in sources)
                {
                    moved += await ImapConnection.MoveAsync(source, request.MoveTo, cancellationToken);
                }
            }

            ImportView.Render(screen, counts, reader, files.Skipped, request.MoveTo is null ? null : (moved, request.MoveTo));
        }
        finally
        {
            foreach (var source in sources)
            {
                await source.DisposeAsync();
            }
        }

        return reader.Rejections.Count == 0 ? ExitCodes.Ok : ExitCodes.Failed;
    }

    private static async IAsyncEnumerable<IncomingReport> ReadAllAsync(
        ReportInputReader reader,
        IReadOnlyList<string> files,
        IReadOnlyList<ImapReportSource> mailboxes,
        IProgress<int> filesRead,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var report in reader.ReadFilesAsync(files, filesRead, cancellationToken))
        {
            yield return report;
        }

        foreach (var mailbox in mailboxes)
        {
            await foreach (var report in mailbox.ReadAsync(reader, cancellationToken))
            {
                yield return report;
            }
        }
    }

    private static ImapLocation ParseMailbox(string url)
    {
        try
        {
            return ImapLocation.Parse(url);
        }
        catch (FormatException)
        {
            throw new CommandException(StoreText.Get("Error.MailboxUrl", url));
        }
    }

    private static InputFiles FindFiles(IReadOnlyList<string> paths)
    {
        try
        {
            return ReportInputReader.FindFiles(paths);
        }
        catch (FileNotFoundException e)
        {
            throw new CommandException(StoreText.Get("Error.PathNotFound", e.FileName));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CommandException(StoreText.Get("Error.FolderReadFailed", e.Message));
        }
    }

    private static X509Certificate2Collection LoadCaFile(string path)
    {
        var roots = new X509Certificate2Collection();
        try
        {
            roots.ImportFromPemFile(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException)
        {
            throw new CommandException(StoreText.Get("Error.CaFile", path, e.Message));
        }

        if (roots.Count == 0)
        {
            throw new CommandException(StoreText.Get("Error.CaFile", path, StoreText.Get("Error.CaFileEmpty")));
        }

        return roots;
    }

    // The password never comes from the command line, where other users can read it in the process list.
    private static string ReadPassword(ImapLocation mailbox)
    {
        if (Environment.GetEnvironmentVariable(PasswordVariable) is { Length: > 0 } password)
        {
            return password;
        }

        if (Console.IsInputRedirected)
        {
            throw new CommandException(StoreText.Get("Error.PasswordMissing", PasswordVariable, mailbox));
        }

        return AnsiConsole.Prompt(new TextPrompt<string>(Markup.Escape(StoreText.Get("Import.PasswordPrompt", mailbox))).Secret());
    }
}
