using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MtaSts.Cli.Output;
using MtaSts.Server.Api;
using MtaSts.Server.Hosting;

namespace MtaSts.Cli.Commands;

/// <summary>
/// <c>mtasts serve [--store PATH] [--urls URLS] [--Server:KEY=VALUE…]</c>: runs the policy host and
/// report intake until Ctrl+C. Other <c>--Section:Key=Value</c> arguments reach the ASP.NET configuration.
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var store = new Option<string>("--store") { Description = ServerText.Get("Serve.Store"), HelpName = "PATH" };
        var urls = new Option<string>("--urls") { Description = ServerText.Get("Serve.Urls"), HelpName = "URLS" };
        var command = new Command("serve", ServerText.Get("Serve.Description")) { store, urls, CreateHashToken() };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (result, cancellationToken) =>
        {
            var arguments = new List<string>(result.UnmatchedTokens);
            if (result.GetValue(store) is { } storeValue)
            {
                arguments.Add($"--{ServerOptions.SectionName}:Store={storeValue}");
            }

            if (result.GetValue(urls) is { } urlsValue)
            {
                arguments.Add($"--urls={urlsValue}");
            }

            return await RunAsync([.. arguments], cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(string[] arguments, CancellationToken cancellationToken)
    {
        Microsoft.AspNetCore.Builder.WebApplication app;
        try
        {
            app = await MtaStsServer.BuildAsync(arguments, cancellationToken: cancellationToken);
            await app.StartAsync(cancellationToken);
        }
        catch (ServerSettingException e)
        {
            var messages = string.Join(" ", e.Problems.Select(ServerText.Describe));
            throw new CommandException(ServerText.Get("Serve.StartFailed", messages));
        }
        catch (Exception e) when (ServeConfigurationErrors.IsConfigurationError(e))
        {
            throw new CommandException(ServeConfigurationErrors.Describe(e));
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or IOException
            or System.Security.Cryptography.CryptographicException or System.Data.Common.DbException)
        {
            throw new CommandException(ServerText.Get("Serve.StartFailed", e.Message));
        }

        await using (app)
        {
            var screen = Screen.ForStandardOutput();
            screen.Status(Mark.Ok, ServerText.Get("Serve.Listening", string.Join(", ", MtaStsServer.GetAddresses(app))));
            screen.Status(Mark.Info, ServerText.Get("Serve.Data", app.Services.GetRequiredService<MtaSts.Server.Domains.IDomainCatalog>().Location));
            screen.Paragraph(ServerText.Get("Serve.Stop"));

            // The host stops on Ctrl+C or SIGTERM, as systemd sends.
            await app.WaitForShutdownAsync(CancellationToken.None);
        }

        return ExitCodes.Ok;
    }

    // A floor against short, guessable tokens: 20 base64 characters carry 120 bits, and the documented command makes 44.
    private const int MinimumTokenLength = 20;

    private static Command CreateHashToken()
    {
        var command = new Command("hash-token", ServerText.Get("HashToken.Description"));
        command.SetAction(async (_, cancellationToken) =>
        {
            // The token comes from standard input so that it stays out of the shell history and the process list.
            var token = (await Console.In.ReadLineAsync(cancellationToken))?.Trim();
            if (string.IsNullOrEmpty(token))
            {
                throw new CommandException(ServerText.Get("HashToken.Empty"));
            }

            if (token.Length < MinimumTokenLength)
            {
                throw new CommandException(ServerText.Get("HashToken.TooShort", token.Length, MinimumTokenLength));
            }

            await Console.Out.WriteLineAsync(AdminToken.Hash(token));
            return ExitCodes.Ok;
        });
        return command;
    }
}
