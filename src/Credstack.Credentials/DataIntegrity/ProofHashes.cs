namespace Credstack.Credentials.DataIntegrity;

/// <summary>
/// The intermediate values of a Data Integrity proof (Data Integrity 1.0 §4.2 steps "transformation" and "hashing"):
/// what was canonicalized, and the bytes that were signed. Useful to compare with test vectors and to explain a failure.
/// </summary>
public sealed record ProofHashes
{
    /// <summary>The canonical document (RDFC-1.0 N-Quads or JCS JSON, UTF-8), without the proof being made or checked.</summary>
    public required ReadOnlyMemory<byte> CanonicalDocument { get; init; }

    /// <summary>The canonical proof configuration (the proof without <c>proofValue</c>, with the document's <c>@context</c>).</summary>
    public required ReadOnlyMemory<byte> CanonicalProofConfiguration { get; init; }

    /// <summary>hash(canonical proof configuration) followed by hash(canonical document): the bytes that are signed.</summary>
    public required ReadOnlyMemory<byte> HashData { get; init; }
}
