using System.Text;
using MtaSts.Diagnostics;

namespace MtaSts.Tests;

/// <summary>Reads the corpus copies under <c>Fixtures/</c> in the test output folder.</summary>
internal static class Fixture
{
    public static string PathOf(string area, string file) => Path.Combine(AppContext.BaseDirectory, "Fixtures", area, file);

    public static string ReadText(string area, string file) => File.ReadAllText(PathOf(area, file), new UTF8Encoding(false));

    public static byte[] ReadBytes(string area, string file) => File.ReadAllBytes(PathOf(area, file));

    /// <summary>Returns every code, sorted and comma-separated, so a table row can state them all.</summary>
    public static string Codes(IEnumerable<Diagnostic> diagnostics) => string.Join(",", diagnostics.Select(d => d.Code).Order(StringComparer.Ordinal));

    /// <summary>Joins the quoted character-strings of a TXT record in DNS presentation form, as RFC 8461 §3.1 requires.</summary>
    public static string JoinCharacterStrings(string presentation)
    {
        var joined = new StringBuilder();
        var inString = false;
        foreach (var c in presentation)
        {
            if (c == '"')
            {
                inString = !inString;
            }
            else if (inString)
            {
                joined.Append(c);
            }
        }

        return joined.ToString();
    }
}
