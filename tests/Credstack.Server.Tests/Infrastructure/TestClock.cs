namespace Credstack.Server.Tests.Infrastructure;

/// <summary>A clock the test moves by hand, and can make fail to stand for a broken environment.</summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    /// <summary>When set, reading the clock throws with this message (an unexpected failure inside the server).</summary>
    public string? FailWith { get; set; }

    public override DateTimeOffset GetUtcNow() => FailWith is { } message ? throw new InvalidOperationException(message) : _now;

    public void Advance(TimeSpan by) => _now += by;
}
