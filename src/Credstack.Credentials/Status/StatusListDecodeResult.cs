// W3C Bitstring Status List v1.0, §4.2 "Bitstring Expansion Algorithm": outcome as a value.
using System.Diagnostics.CodeAnalysis;

namespace Credstack.Credentials.Status;

/// <summary>The outcome of <see cref="StatusList.Decode"/>: a list, or the problem and a readable reason.</summary>
public sealed record StatusListDecodeResult
{
    private StatusListDecodeResult(StatusList? list, StatusProblem? problem, string? reason)
    {
        List = list;
        Problem = problem;
        Reason = reason;
    }

    /// <summary>The decoded list when decoding succeeded.</summary>
    public StatusList? List { get; }

    /// <summary>What went wrong, when it did.</summary>
    public StatusProblem? Problem { get; }

    /// <summary>A sentence saying what went wrong, when it did.</summary>
    public string? Reason { get; }

    /// <summary>True when <see cref="List"/> holds the decoded list.</summary>
    [MemberNotNullWhen(true, nameof(List))]
    [MemberNotNullWhen(false, nameof(Problem), nameof(Reason))]
    public bool Succeeded => List is not null;

    internal static StatusListDecodeResult Ok(StatusList list) => new(list, null, null);

    internal static StatusListDecodeResult Fail(StatusProblem problem, string reason) => new(null, problem, reason);
}
