using System.Globalization;

namespace MtaSts.Server.Hosting;

/// <summary>
/// One setting that stops the server from starting: a stable code, the English message, and the
/// values that the message names, so that the CLI can print it in the user's language.
/// </summary>
/// <param name="Code">The message code, such as <c>IntakePathReserved</c>; a key of the CLI's ServerStrings catalog with the prefix <c>Setting.</c>.</param>
/// <param name="Message">The English sentence, naming the key and the fix.</param>
/// <param name="Arguments">The values filled into the message template, in order.</param>
internal sealed record SettingProblem(string Code, string Message, IReadOnlyList<object?> Arguments)
{
    /// <summary>Creates a problem whose English message is <paramref name="template"/> filled with <paramref name="arguments"/>.</summary>
    public static SettingProblem Create(string code, string template, params object?[] arguments) =>
        new(code, string.Format(CultureInfo.InvariantCulture, template, arguments), arguments);
}

/// <summary>The server cannot start with these settings; <see cref="Problems"/> lists each one.</summary>
internal sealed class ServerSettingException(IReadOnlyList<SettingProblem> problems, Exception? innerException = null)
    : InvalidOperationException(string.Join(" ", problems.Select(p => p.Message)), innerException)
{
    public ServerSettingException(SettingProblem problem, Exception? innerException = null)
        : this([problem], innerException)
    {
    }

    public IReadOnlyList<SettingProblem> Problems { get; } = problems;
}
