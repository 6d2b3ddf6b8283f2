using System.Diagnostics.CodeAnalysis;

namespace Credstack.Credentials.Model;

/// <summary>The outcome of reading a typed model from JSON: the value, or why it could not be read.</summary>
/// <typeparam name="T">The model type.</typeparam>
public sealed record ParseResult<T>
    where T : class
{
    private ParseResult(T? value, string? error)
    {
        Value = value;
        Error = error;
    }

    /// <summary>The value, when <see cref="Succeeded"/>.</summary>
    public T? Value { get; }

    /// <summary>What went wrong, for people.</summary>
    public string? Error { get; }

    /// <summary>True when <see cref="Value"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Value is not null;

    internal static ParseResult<T> Success(T value) => new(value, null);

    internal static ParseResult<T> Failure(string error) => new(null, error);
}
