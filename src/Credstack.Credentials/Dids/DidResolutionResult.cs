using System.Diagnostics.CodeAnalysis;

namespace Credstack.Credentials.Dids;

/// <summary>The outcome of resolving a DID: the document, or a <see cref="DidProblem"/> code with a detail.</summary>
public sealed record DidResolutionResult
{
    private DidResolutionResult(DidDocument? document, string? problem, string? detail)
    {
        Document = document;
        Problem = problem;
        Detail = detail;
    }

    /// <summary>The resolved document, when <see cref="Succeeded"/>.</summary>
    public DidDocument? Document { get; }

    /// <summary>A <see cref="DidProblem"/> code when resolution failed.</summary>
    public string? Problem { get; }

    /// <summary>What went wrong, for people.</summary>
    public string? Detail { get; }

    /// <summary>True when <see cref="Document"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(Document))]
    [MemberNotNullWhen(false, nameof(Problem), nameof(Detail))]
    public bool Succeeded => Document is not null;

    internal static DidResolutionResult Success(DidDocument document) => new(document, null, null);

    internal static DidResolutionResult Failure(string problem, string detail) => new(null, problem, detail);
}
