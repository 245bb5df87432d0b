using System.CommandLine;
using MtaSts.Cli.Output;

namespace MtaSts.Cli.Commands;

/// <summary><c>mtasts record</c>: check the TXT records of MTA-STS and TLS reporting.</summary>
internal static class RecordCommand
{
    public static Command Create() => new("record", Text.Get("Record.Description"))
    {
        RecordValidateCommand.Create(),
    };
}
