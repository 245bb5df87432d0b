using System.CommandLine;
using MtaSts.Cli.Output;

namespace MtaSts.Cli.Commands;

/// <summary><c>mtasts policy</c>: validate and write MTA-STS policy files.</summary>
internal static class PolicyCommand
{
    public static Command Create() => new("policy", Text.Get("Policy.Description"))
    {
        PolicyValidateCommand.Create(),
        PolicyNewCommand.Create(),
    };
}
