namespace Credstack.Credentials.Dids;

/// <summary>The verification relationships of DID Core §5.3, each a property of the DID document.</summary>
public enum VerificationRelationship
{
    /// <summary><c>authentication</c>.</summary>
    Authentication,

    /// <summary><c>assertionMethod</c>: the keys allowed to sign credentials for the DID subject.</summary>
    AssertionMethod,

    /// <summary><c>keyAgreement</c>.</summary>
    KeyAgreement,

    /// <summary><c>capabilityInvocation</c>.</summary>
    CapabilityInvocation,

    /// <summary><c>capabilityDelegation</c>.</summary>
    CapabilityDelegation,
}
