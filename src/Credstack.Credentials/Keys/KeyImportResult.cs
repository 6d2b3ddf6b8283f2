using System.Diagnostics.CodeAnalysis;

namespace Credstack.Credentials.Keys;

/// <summary>
/// The outcome of importing key material: the key, or a <see cref="KeyProblem"/> code with a
/// human-readable detail. Import never throws on bad input. The caller owns (and disposes) the key.
/// </summary>
/// <typeparam name="TKey">The imported type.</typeparam>
public sealed record KeyImportResult<TKey>
    where TKey : class
{
    private KeyImportResult(TKey? key, string? problem, string? detail)
    {
        Key = key;
        Problem = problem;
        Detail = detail;
    }

    /// <summary>The imported key, when <see cref="Succeeded"/>.</summary>
    public TKey? Key { get; }

    /// <summary>A <see cref="KeyProblem"/> code when the import failed.</summary>
    public string? Problem { get; }

    /// <summary>What exactly was wrong, for people (never contains key material).</summary>
    public string? Detail { get; }

    /// <summary>True when <see cref="Key"/> holds the imported key.</summary>
    [MemberNotNullWhen(true, nameof(Key))]
    [MemberNotNullWhen(false, nameof(Problem), nameof(Detail))]
    public bool Succeeded => Key is not null;

    /// <summary>A successful import.</summary>
    internal static KeyImportResult<TKey> Success(TKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new(key, null, null);
    }

    /// <summary>A failed import with a <see cref="KeyProblem"/> code.</summary>
    internal static KeyImportResult<TKey> Failure(string problem, string detail) => new(null, problem, detail);

    /// <summary>The same failure for another key type.</summary>
    public KeyImportResult<TOther> CastFailure<TOther>()
        where TOther : class =>
        Succeeded ? throw new InvalidOperationException("The import succeeded.") : KeyImportResult<TOther>.Failure(Problem, Detail);

    /// <inheritdoc />
    public override string ToString() => Succeeded ? $"Imported {Key}" : $"{Problem}: {Detail}";
}
