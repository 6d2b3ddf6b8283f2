// W3C Bitstring Status List v1.0, §3.1 "Validate Algorithm": the status as a value, never an exception.
namespace Credstack.Credentials.Status;

/// <summary>The result of checking one <c>credentialStatus</c> entry.</summary>
public sealed record StatusCheckResult
{
    /// <summary>What was found.</summary>
    public required StatusCheckOutcome Outcome { get; init; }

    /// <summary>The entry's <c>type</c> (<c>BitstringStatusListEntry</c>, <c>StatusList2021Entry</c>, <c>1EdTechRevocationList</c>...).</summary>
    public string? EntryType { get; init; }

    /// <summary>The entry's purpose, when it could be read.</summary>
    public StatusPurpose? Purpose { get; init; }

    /// <summary>The list URL the entry points to, when it could be read.</summary>
    public string? StatusListCredential { get; init; }

    /// <summary>The entry's index, when it could be read.</summary>
    public long? StatusListIndex { get; init; }

    /// <summary>The entry's value in the list, when it was read.</summary>
    public int? Value { get; init; }

    /// <summary>The <c>statusMessage</c> item for <see cref="Value"/>, when the entry lists one.</summary>
    public StatusMessage? Message { get; init; }

    /// <summary>Why the status is unknown; null otherwise.</summary>
    public StatusProblem? Problem { get; init; }

    /// <summary>A sentence saying why the status is unknown, or the issuer's revocation reason.</summary>
    public string? Reason { get; init; }

    internal static StatusCheckResult Unknown(StatusProblem problem, string reason, string? entryType, BitstringStatusListEntry? entry = null) => new()
    {
        Outcome = StatusCheckOutcome.StatusUnknown,
        Problem = problem,
        Reason = reason,
        EntryType = entryType,
        Purpose = entry?.StatusPurpose,
        StatusListCredential = entry?.StatusListCredential,
        StatusListIndex = entry?.StatusListIndex,
    };
}
