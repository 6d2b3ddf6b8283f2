using System.Diagnostics.CodeAnalysis;

namespace Credstack.Credentials.DataIntegrity;

/// <summary>The outcome of adding a Data Integrity proof: the signed document's exact bytes, or a problem code.</summary>
public sealed record DataIntegritySigningResult
{
    private DataIntegritySigningResult(byte[]? signedDocument, string? proofValue, ProofHashes? hashes, string? problem, string? detail)
    {
        SignedDocument = signedDocument;
        ProofValue = proofValue;
        Hashes = hashes;
        Problem = problem;
        Detail = detail;
    }

    /// <summary>The signed document as UTF-8 JSON: store and send these bytes as they are.</summary>
    public byte[]? SignedDocument { get; }

    /// <summary>The new proof's <c>proofValue</c> (<c>z</c> + base58btc of the signature).</summary>
    public string? ProofValue { get; }

    /// <summary>The canonical forms and hashData that were signed.</summary>
    public ProofHashes? Hashes { get; }

    /// <summary>A <see cref="DataIntegrityProblem"/> code when no proof was made.</summary>
    public string? Problem { get; }

    /// <summary>Why no proof was made.</summary>
    public string? Detail { get; }

    /// <summary>True when <see cref="SignedDocument"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(SignedDocument), nameof(ProofValue), nameof(Hashes))]
    public bool Succeeded => SignedDocument is not null;

    internal static DataIntegritySigningResult Success(byte[] signedDocument, string proofValue, ProofHashes hashes) =>
        new(signedDocument, proofValue, hashes, null, null);

    internal static DataIntegritySigningResult Failure(string problem, string detail) => new(null, null, null, problem, detail);

    /// <inheritdoc />
    public override string ToString() => Succeeded ? $"Signed ({SignedDocument.Length} bytes)" : $"{Problem}: {Detail}";
}
