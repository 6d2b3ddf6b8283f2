using Credstack.Credentials.Dids;

namespace Credstack.Credentials.DataIntegrity;

/// <summary>What a <see cref="IVerificationMethodResolver"/> gets to find a proof's key.</summary>
public sealed record VerificationMethodRequest
{
    /// <summary>The proof's <c>verificationMethod</c> (a DID URL or URL).</summary>
    public required string MethodId { get; init; }

    /// <summary>The relationship the proof purpose asks for (assertionMethod for credentials).</summary>
    public VerificationRelationship Relationship { get; init; } = VerificationRelationship.AssertionMethod;

    /// <summary>The credential's issuer id, when the document has one. Informational: the verifier makes the controller check.</summary>
    public string? ExpectedController { get; init; }
}
