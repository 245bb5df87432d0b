using MtaSts.Diagnostics;
using Xunit;

namespace MtaSts.Tests;

public class DiagnosticTextTests
{
    [Fact]
    public void Unknown_code_falls_back_to_code_and_arguments()
    {
        var diagnostic = new Diagnostic("X-UNKNOWN", Severity.Info, "RFC 8461 §3.2", Arguments: ["a", "b"]);
        Assert.Equal("X-UNKNOWN: a, b", diagnostic.Describe());
    }
}
