namespace MtaSts.Cli.Output;

/// <summary>Plain text lines for redirected output: no colours, no box drawing.</summary>
internal sealed class PlainScreen(TextWriter writer) : Screen
{
    private const string Indent = "  ";

    public override void Heading(string text)
    {
        writer.WriteLine(text);
        writer.WriteLine(new string('=', Math.Min(text.Length, 78)));
    }

    public override void Subheading(string text)
    {
        writer.WriteLine(text);
        writer.WriteLine(new string('-', Math.Min(text.Length, 78)));
    }

    public override void Field(string label, string value) => writer.WriteLine($"{label}: {value}");

    public override void Status(Mark mark, string text, string? detail = null)
    {
        writer.WriteLine($"{Symbol(mark)} {text}");
        if (!string.IsNullOrEmpty(detail))
        {
            foreach (var line in detail.Split('\n'))
            {
                writer.WriteLine($"{Indent}{line.TrimEnd('\r')}");
            }
        }
    }

    public override void Table(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        // Columns padded to their widest cell, so the table stays readable in a file or a mail.
        var widths = headers.Select(h => h.Length).ToArray();
        foreach (var row in rows)
        {
            for (var i = 0; i < widths.Length && i < row.Count; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        WriteRow(headers, widths);
        WriteRow(widths.Select(w => new string('-', w)).ToArray(), widths);
        foreach (var row in rows)
        {
            WriteRow(row, widths);
        }
    }

    public override void Paragraph(string text, int indent = 0)
    {
        var prefix = string.Concat(Enumerable.Repeat(Indent, indent));
        foreach (var line in text.Split('\n'))
        {
            writer.WriteLine(prefix + line.TrimEnd('\r'));
        }
    }

    public override void Blank() => writer.WriteLine();

    private void WriteRow(IReadOnlyList<string> cells, int[] widths)
    {
        var padded = cells.Select((cell, i) => i == cells.Count - 1 ? cell : cell.PadRight(widths[i]));
        writer.WriteLine(string.Join("  ", padded).TrimEnd());
    }
}
