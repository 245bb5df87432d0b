using System.CommandLine;
using System.Globalization;
using MtaSts.Cli.Output;
using MtaSts.Diagnostics;
using MtaSts.Policies;
using MtaSts.Server.Domains;

namespace MtaSts.Cli.Commands;

/// <summary>
/// <c>mtasts domains add DOMAIN --mx HOST… [--mode M] [--max-age S]</c> and
/// <c>mtasts domains set-policy DOMAIN --mx HOST… [--mode M] [--max-age S]</c>.
/// </summary>
internal static class DomainsAddCommand
{
    // One week: long enough to protect between visits of a sender, short enough to undo a
    // mistake while the policy is still in testing.
    private const long DefaultMaxAge = 604800;

    public static Command CreateAdd() => Create("add", "DomainsAdd.Description", isAdd: true);

    public static Command CreateSetPolicy() => Create("set-policy", "DomainsSetPolicy.Description", isAdd: false);

    private static Command Create(string name, string descriptionKey, bool isAdd)
    {
        var domain = DomainsCommand.DomainArgument();
        var mx = new Option<string[]>("--mx")
        {
            Description = ServerText.Get("Domains.Mx"),
            AllowMultipleArgumentsPerToken = true,
            HelpName = "HOST",
        };
        var mode = new Option<string>("--mode")
        {
            Description = ServerText.Get("Domains.Mode"),
            DefaultValueFactory = _ => "testing",
            HelpName = "testing|enforce|none",
        };
        mode.AcceptOnlyFromAmong("testing", "enforce", "none");
        var maxAge = new Option<long>("--max-age")
        {
            Description = ServerText.Get("Domains.MaxAge"),
            DefaultValueFactory = _ => DefaultMaxAge,
            HelpName = "SECONDS",
        };
        var store = DomainsCommand.StoreOption();
        var json = CommonOptions.Json();

        var command = new Command(name, ServerText.Get(descriptionKey)) { domain, mx, mode, maxAge, store, json };
        command.SetAction(async (result, cancellationToken) =>
        {
            var domainName = DomainsCommand.ToDomain(result.GetRequiredValue(domain));
            var policy = BuildPolicy(result.GetValue(mx) ?? [], result.GetRequiredValue(mode), result.GetValue(maxAge));
            var options = DomainsCommand.LoadOptions(result.GetValue(store));
            var catalog = await DomainsCommand.OpenCatalogAsync(options, create: isAdd, cancellationToken);
            var before = isAdd ? null : await catalog.FindAsync(domainName, cancellationToken);
            var changed = await DomainsCommand.ChangeAsync(() => isAdd
                ? catalog.AddAsync(domainName, policy, cancellationToken)
                : catalog.SetPolicyAsync(domainName, policy, cancellationToken));

            if (result.GetValue(json))
            {
                JsonOutput.Write(writer => DomainsCommand.WriteJson(writer, changed, DomainsShowCommand.Instructions(changed, options)));
                return ExitCodes.Ok;
            }

            var message = isAdd
                ? ServerText.Get("Domains.Added", changed.Name, changed.PolicyId)
                : before?.PolicyId == changed.PolicyId
                    ? ServerText.Get("Domains.PolicyUnchanged", changed.Name, changed.PolicyId)
                    : ServerText.Get("Domains.PolicySet", changed.Name, changed.PolicyId);
            var screen = Screen.ForStandardOutput();
            screen.Status(Mark.Ok, message);
            DomainsShowCommand.Render(screen, changed, DomainsShowCommand.Instructions(changed, options));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static StsPolicy BuildPolicy(string[] mx, string mode, long maxAge)
    {
        var patterns = new List<MxPattern>();
        foreach (var host in mx)
        {
            if (!MxPattern.TryParse(host, out var pattern, out var diagnostics))
            {
                var reason = diagnostics.FirstOrDefault(d => d.Severity == Severity.Error)?.Describe(CultureInfo.CurrentUICulture) ?? "";
                throw new CommandException(ServerText.Get("Domains.Error.BadMx", host, reason));
            }

            patterns.Add(pattern);
        }

        // RFC 8461 §3.2: max_age is at most 31557600 seconds, and a policy other than none needs an mx line.
        if (maxAge is < 1 or > StsPolicy.MaxAgeLimit)
        {
            throw new CommandException(ServerText.Get(
                "Domains.Error.BadMaxAge",
                maxAge.ToString(CultureInfo.CurrentCulture),
                StsPolicy.MaxAgeLimit.ToString(CultureInfo.CurrentCulture)));
        }

        var policyMode = Enum.Parse<PolicyMode>(mode, ignoreCase: true);
        if (patterns.Count == 0 && policyMode != PolicyMode.None)
        {
            throw new CommandException(ServerText.Get("Domains.Error.NoMx"));
        }

        return StsPolicy.Create(policyMode, patterns, maxAge);
    }
}
