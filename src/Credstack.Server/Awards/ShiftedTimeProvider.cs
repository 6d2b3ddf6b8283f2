namespace Credstack.Server.Awards;

/// <summary>A clock that runs at an offset from another: the demo seed issues some credentials "in the past" with it.</summary>
internal sealed class ShiftedTimeProvider(TimeProvider inner, TimeSpan offset) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow() + offset;
}
