using System.Diagnostics.CodeAnalysis;
using Credstack.Credentials.Keys;

namespace Credstack.Credentials.Jose;

/// <summary>The outcome of finding a JWT's key: the key, or a problem code and detail.</summary>
public sealed record JwtKeyResolution
{
    private JwtKeyResolution(VerificationKey? key, string? keyId, bool controllerVerified, string? problem, string? detail)
    {
        Key = key;
        KeyId = keyId;
        ControllerVerified = controllerVerified;
        Problem = problem;
        Detail = detail;
    }

    /// <summary>The public key. The resolver that produced it owns it (the verifier never disposes it).</summary>
    public VerificationKey? Key { get; }

    /// <summary>The identifier the key was found under (verification method id, <c>kid</c>, or <c>jwk</c> thumbprint).</summary>
    public string? KeyId { get; }

    /// <summary>
    /// True when the resolver established that the key belongs to <see cref="JwtKeyRequest.ExpectedController"/> (the issuer
    /// or holder), e.g. through the issuer's DID document. False for a bare header <c>jwk</c>: such a signature shows only
    /// that the token is intact, and the caller's trust policy must bind the key to the issuer.
    /// </summary>
    public bool ControllerVerified { get; }

    /// <summary>The problem code (<see cref="JwtProblem.KeyNotFound"/>, or a <c>DidProblem</c>/<c>KeyProblem</c> code) when no key was found.</summary>
    public string? Problem { get; }

    /// <summary>Why no key was found.</summary>
    public string? Detail { get; }

    /// <summary>True when <see cref="Key"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(Key))]
    public bool Succeeded => Key is not null;

    /// <summary>A found key; <paramref name="controllerVerified"/> says whether it is known to belong to the expected controller.</summary>
    public static JwtKeyResolution Found(VerificationKey key, string? keyId, bool controllerVerified)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new(key, keyId, controllerVerified, null, null);
    }

    /// <summary>No key: <paramref name="problem"/> says why.</summary>
    public static JwtKeyResolution NotFound(string problem, string detail) => new(null, null, false, problem, detail);
}
