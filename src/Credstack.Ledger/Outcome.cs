using System.Diagnostics.CodeAnalysis;

namespace Credstack.Ledger;

/// <summary>A value, or the reason it could not be produced (bad input is an expected outcome, not an exception).</summary>
/// <typeparam name="T">The type of the value.</typeparam>
[SuppressMessage("Design", "CA1000", Justification = "Outcome<T>.Success(...) reads better at call sites than a second, non-generic factory type.")]
public sealed class Outcome<T>
    where T : class
{
    private Outcome(T? value, string? problem)
    {
        Value = value;
        Problem = problem;
    }

    /// <summary>The value; null when <see cref="Problem"/> is set.</summary>
    public T? Value { get; }

    /// <summary>Why there is no value; null on success.</summary>
    public string? Problem { get; }

    /// <summary>True when there is a value.</summary>
    public bool Succeeded => Value is not null;

    /// <summary>A successful outcome.</summary>
    public static Outcome<T> Success(T value) => new(value, null);

    /// <summary>A failed outcome with the reason.</summary>
    public static Outcome<T> Failure(string problem) => new(null, problem);
}
