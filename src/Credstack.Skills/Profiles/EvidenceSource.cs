namespace Credstack.Skills.Profiles;

/// <summary>Where a piece of skill evidence comes from; the source sets its trust weight.</summary>
public enum EvidenceSource
{
    /// <summary>A credential whose proof, issuer and status verified.</summary>
    VerifiedCredential,

    /// <summary>An assessment result recorded by an assessor or proctored test.</summary>
    Assessment,

    /// <summary>A credential that was not (or could not be) verified.</summary>
    UnverifiedCredential,

    /// <summary>A skill the person declared about themselves.</summary>
    SelfDeclared,
}
