using MtaSts.Server.Logging;
using MtaSts.Server.Tests.Support;
using Xunit;

namespace MtaSts.Server.Tests.Logging;

public sealed class LogThrottleTests
{
    [Fact]
    public void Throttle_CountsHeldBackEvents()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 12, 4, 0, 0, 0, TimeSpan.Zero));
        var throttle = new LogThrottle(clock);

        var first = throttle.TryAcquire("policy-host", out var firstSuppressed);
        var second = throttle.TryAcquire("policy-host", out _);
        var third = throttle.TryAcquire("policy-host", out _);
        var otherKey = throttle.TryAcquire("policy-path", out _);
        clock.Now = clock.Now.AddSeconds(1);
        var later = throttle.TryAcquire("policy-host", out var laterSuppressed);

        Assert.True(first);
        Assert.Equal(0, firstSuppressed);
        Assert.False(second);
        Assert.False(third);
        Assert.True(otherKey);
        Assert.True(later);
        Assert.Equal(2, laterSuppressed);
    }
}
