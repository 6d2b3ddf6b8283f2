using System.Diagnostics.CodeAnalysis;

namespace Credstack.Credentials.Dids;

/// <summary>The outcome of dereferencing or checking a verification method: the method, or a <see cref="DidProblem"/> code.</summary>
public sealed record VerificationMethodResult
{
    private VerificationMethodResult(VerificationMethod? method, DidDocument? document, string? problem, string? detail)
    {
        Method = method;
        Document = document;
        Problem = problem;
        Detail = detail;
    }

    /// <summary>The verification method, when <see cref="Succeeded"/>.</summary>
    public VerificationMethod? Method { get; }

    /// <summary>The DID document the method came from, when <see cref="Succeeded"/>.</summary>
    public DidDocument? Document { get; }

    /// <summary>A <see cref="DidProblem"/> code when dereferencing failed.</summary>
    public string? Problem { get; }

    /// <summary>What went wrong, for people.</summary>
    public string? Detail { get; }

    /// <summary>True when <see cref="Method"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(Method), nameof(Document))]
    [MemberNotNullWhen(false, nameof(Problem), nameof(Detail))]
    public bool Succeeded => Method is not null;

    internal static VerificationMethodResult Success(VerificationMethod method, DidDocument document) => new(method, document, null, null);

    internal static VerificationMethodResult Failure(string problem, string detail) => new(null, null, problem, detail);
}
