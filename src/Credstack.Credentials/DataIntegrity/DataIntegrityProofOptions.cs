// Data Integrity 1.0 §2.1 "Proofs": the members of a DataIntegrityProof the signer sets.
namespace Credstack.Credentials.DataIntegrity;

/// <summary>What goes into a new proof (Data Integrity 1.0 §2.1), besides the signature.</summary>
public sealed record DataIntegrityProofOptions
{
    /// <summary>The verification method: the id (a DID URL or URL) under which verifiers find the public key.</summary>
    public required string VerificationMethod { get; init; }

    /// <summary>The cryptosuite; default <see cref="DataIntegrityCryptosuite.EddsaRdfc2022"/>.</summary>
    public DataIntegrityCryptosuite Cryptosuite { get; init; } = DataIntegrityCryptosuite.EddsaRdfc2022;

    /// <summary><c>proofPurpose</c>; default <c>assertionMethod</c> (what issuers sign credentials with).</summary>
    public string ProofPurpose { get; init; } = "assertionMethod";

    /// <summary><c>created</c>; default the signer's <see cref="TimeProvider"/> now. Written in UTC to the second.</summary>
    public DateTimeOffset? Created { get; init; }

    /// <summary><c>expires</c>, when the proof should stop verifying.</summary>
    public DateTimeOffset? Expires { get; init; }

    /// <summary><c>id</c> of the proof (needed for another proof to chain to it with <c>previousProof</c>).</summary>
    public string? Id { get; init; }

    /// <summary><c>domain</c>: the security domain the proof is restricted to.</summary>
    public string? Domain { get; init; }

    /// <summary><c>challenge</c>: the verifier's challenge (with <see cref="Domain"/>, for presentations).</summary>
    public string? Challenge { get; init; }

    /// <summary><c>nonce</c>.</summary>
    public string? Nonce { get; init; }

    /// <summary>
    /// <c>previousProof</c>: ids of proofs already on the document that this proof chains to (§2.1.2). They must exist;
    /// they are signed along with the document. One id is written as a string, several as an array.
    /// </summary>
    public IReadOnlyList<string>? PreviousProof { get; init; }

    /// <summary>How <c>proof</c> is written when the document had none; default <see cref="DataIntegrity.ProofForm.SingleObject"/>.</summary>
    public ProofForm ProofForm { get; init; } = ProofForm.SingleObject;

    /// <summary>Write the signed document indented (default: compact).</summary>
    public bool WriteIndented { get; init; }
}
