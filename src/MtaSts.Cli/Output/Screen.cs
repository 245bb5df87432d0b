namespace MtaSts.Cli.Output;

/// <summary>
/// Human output of a command. On a terminal it draws colours and tables; when the output is
/// redirected it writes plain lines that a script or a mail can carry.
/// </summary>
internal abstract class Screen
{
    /// <summary>Creates the screen for standard output: rich on a terminal, plain when redirected.</summary>
    public static Screen ForStandardOutput()
    {
        var redirected = Console.IsOutputRedirected || Environment.GetEnvironmentVariable("TERM") == "dumb";
        return redirected ? new PlainScreen(Console.Out) : new TerminalScreen();
    }

    /// <summary>A title that opens a section.</summary>
    public abstract void Heading(string text);

    /// <summary>A smaller title inside a section.</summary>
    public abstract void Subheading(string text);

    /// <summary>One labelled value, aligned with the others of its section.</summary>
    public abstract void Field(string label, string value);

    /// <summary>A status line with its mark, and an optional indented detail below it.</summary>
    public abstract void Status(Mark mark, string text, string? detail = null);

    /// <summary>A table with a header row; cells are plain text.</summary>
    public abstract void Table(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows);

    /// <summary>A paragraph of plain text, indented by <paramref name="indent"/> levels.</summary>
    public abstract void Paragraph(string text, int indent = 0);

    /// <summary>An empty line between sections.</summary>
    public abstract void Blank();

    /// <summary>The symbol shown for <paramref name="mark"/>.</summary>
    protected static string Symbol(Mark mark) => mark switch
    {
        Mark.Ok => "✓",
        Mark.Warning => "⚠",
        Mark.Error => "✗",
        _ => "ℹ",
    };
}
