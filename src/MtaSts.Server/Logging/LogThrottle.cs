using System.Collections.Concurrent;

namespace MtaSts.Server.Logging;

/// <summary>
/// Lets one log event per key through each interval and counts the ones held back, so a flood of
/// bad requests cannot flood the log.
/// </summary>
internal sealed class LogThrottle(TimeProvider timeProvider)
{
    private static readonly TimeSpan s_interval = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);

    /// <summary>Returns whether to log an event for <paramref name="key"/> now, with the number of events held back since the last one.</summary>
    public bool TryAcquire(string key, out long suppressed)
    {
        var now = timeProvider.GetUtcNow();
        var window = _windows.GetOrAdd(key, _ => new Window());
        lock (window)
        {
            if (window.LastLogged is { } last && now - last < s_interval)
            {
                window.Suppressed++;
                suppressed = 0;
                return false;
            }

            suppressed = window.Suppressed;
            window.Suppressed = 0;
            window.LastLogged = now;
            return true;
        }
    }

    private sealed class Window
    {
        public DateTimeOffset? LastLogged { get; set; }

        public long Suppressed { get; set; }
    }
}
