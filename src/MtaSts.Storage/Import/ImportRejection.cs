using MtaSts.Diagnostics;

namespace MtaSts.Storage.Import;

/// <summary>An input, or one report inside it, that was not imported, and why.</summary>
/// <param name="Source">The file, mbox message or mailbox message, as shown to people.</param>
/// <param name="Diagnostics">The decoding or parsing errors that stopped the import; empty when <paramref name="ReadError"/> is set.</param>
/// <param name="ReadError">The message of the I/O error that stopped reading the input, or <see langword="null"/>.</param>
public sealed record ImportRejection(string Source, IReadOnlyList<Diagnostic> Diagnostics, string? ReadError = null);
