using System.CommandLine;
using System.CommandLine.Invocation;
using System.Text;
using MtaSts.Cli.Commands;
using MtaSts.Cli.Output;

namespace MtaSts.Cli;

internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        Console.OutputEncoding = Encoding.UTF8;

        // The language is chosen before the command tree is built, so help and parse errors use it too.
        Language.Apply(Language.Resolve(Language.FindRequested(args)));

        var root = BuildCommandTree();
        var parseResult = root.Parse(args);

        // A command group without its subcommand ("mtasts reports") shows that group's help.
        var command = parseResult.CommandResult.Command;
        if (parseResult.Action is ParseErrorAction && command.Subcommands.Count > 0 && command.Action is null && parseResult.UnmatchedTokens.Count == 0)
        {
            await root.Parse([.. args, "--help"]).InvokeAsync();
            return ExitCodes.Usage;
        }

        if (parseResult.Action is ParseErrorAction)
        {
            foreach (var error in parseResult.Errors)
            {
                await Console.Error.WriteLineAsync($"mtasts: {error.Message}");
            }

            await Console.Error.WriteLineAsync(Text.Get("Error.SeeHelp"));
            return ExitCodes.Usage;
        }

        try
        {
            // No process-termination handler: in System.CommandLine 3.0.0 its cancellation path
            // throws when a second SIGTERM arrives while a read blocks, so SIGTERM ends the process.
            var configuration = new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
            return await parseResult.InvokeAsync(configuration);
        }
        catch (CommandException e)
        {
            await Console.Error.WriteLineAsync($"mtasts: {e.Message}");
            return e.ExitCode;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync(Text.Get("Error.Cancelled"));
            return ExitCodes.Failed;
        }
        catch (Exception e) when (Environment.GetEnvironmentVariable("MTASTS_DEBUG") is null)
        {
            // An unexpected fault is a bug in mtasts: one line for the user, the trace on request.
            await Console.Error.WriteLineAsync(Text.Get("Error.Internal", e.GetType().Name, e.Message));
            return ExitCodes.Failed;
        }
    }

    private static RootCommand BuildCommandTree()
    {
        var root = new RootCommand(Text.Get("Root.Description"))
        {
            CommonOptions.Language(),
            ReportsCommand.Create(),
            PolicyCommand.Create(),
            RecordCommand.Create(),
            CheckCommand.Create(),
            ServeCommand.Create(),
            DomainsCommand.Create(),
        };
        return root;
    }
}
