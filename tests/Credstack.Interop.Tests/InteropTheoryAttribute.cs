namespace Credstack.Interop.Tests;

/// <summary>The theory form of <see cref="InteropFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class InteropTheoryAttribute : TheoryAttribute
{
    public InteropTheoryAttribute()
    {
        if (!Conformance.IsCi && JavaScriptStack.MissingReason() is { } reason)
        {
            Skip = reason;
        }
    }
}
