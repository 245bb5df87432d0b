using Spectre.Console;

namespace MtaSts.Cli.Output;

/// <summary>Colours, rules and tables for an interactive terminal, drawn by Spectre.Console.</summary>
internal sealed class TerminalScreen : Screen
{
    private readonly IAnsiConsole _console = AnsiConsole.Console;

    public override void Heading(string text) =>
        _console.Write(new Rule($"[bold]{Markup.Escape(text)}[/]") { Justification = Justify.Left });

    public override void Subheading(string text) => _console.MarkupLine($"[bold underline]{Markup.Escape(text)}[/]");

    public override void Field(string label, string value) =>
        _console.MarkupLine($"[grey]{Markup.Escape(label)}:[/] {Markup.Escape(value)}");

    public override void Status(Mark mark, string text, string? detail = null)
    {
        var colour = mark switch
        {
            Mark.Ok => "green",
            Mark.Warning => "yellow",
            Mark.Error => "red",
            _ => "blue",
        };
        _console.MarkupLine($"[{colour}]{Symbol(mark)}[/] {Markup.Escape(text)}");
        if (!string.IsNullOrEmpty(detail))
        {
            _console.Write(new Padder(new Spectre.Console.Text(detail), new Padding(2, 0, 0, 0)));
        }
    }

    public override void Table(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var header in headers)
        {
            table.AddColumn(new TableColumn(Markup.Escape(header)));
        }

        foreach (var row in rows)
        {
            table.AddRow(row.Select(cell => new Spectre.Console.Text(cell)).ToArray<Spectre.Console.Rendering.IRenderable>());
        }

        _console.Write(table);
    }

    public override void Paragraph(string text, int indent = 0) =>
        _console.Write(new Padder(new Spectre.Console.Text(text + "\n"), new Padding(indent * 2, 0, 0, 0)));

    public override void Blank() => _console.WriteLine();
}
