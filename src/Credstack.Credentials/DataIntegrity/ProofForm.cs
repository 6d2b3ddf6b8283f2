namespace Credstack.Credentials.DataIntegrity;

/// <summary>How the signer writes <c>proof</c> when the document had none before (a document that already has proofs always gets an array).</summary>
public enum ProofForm
{
    /// <summary>A single proof object, as the W3C and 1EdTech examples show.</summary>
    SingleObject,

    /// <summary>An array of one proof, so that later proofs (sets, chains) only append.</summary>
    Array,
}
