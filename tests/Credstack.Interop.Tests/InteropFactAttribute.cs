namespace Credstack.Interop.Tests;

/// <summary>
/// A fact that needs node, the npm packages in tools/interop and the conformance contexts: skipped with the reason
/// locally when one is missing, run (and failing with that reason) under CI=true.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class InteropFactAttribute : FactAttribute
{
    public InteropFactAttribute()
    {
        if (!Conformance.IsCi && JavaScriptStack.MissingReason() is { } reason)
        {
            Skip = reason;
        }
    }
}
