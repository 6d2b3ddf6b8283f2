using System.Diagnostics.CodeAnalysis;
using Credstack.Credentials.Keys;

namespace Credstack.Credentials.Jose;

/// <summary>The outcome of finding a JWT's key: the key, or a problem code and detail.</summary>
public sealed record JwtKeyResolution
{
    private JwtKeyResolution(VerificationKey? key, string? keyId, string? problem, string? detail)
    {
        Key = key;
        KeyId = keyId;
        Problem = problem;
        Detail = detail;
    }

    /// <summary>The public key. The resolver that produced it owns it (the verifier never disposes it).</summary>
    public VerificationKey? Key { get; }

    /// <summary>The identifier the key was found under (verification method id, <c>kid</c>, or <c>jwk</c> thumbprint).</summary>
    public string? KeyId { get; }

    /// <summary>The problem code (<see cref="JwtProblem.KeyNotFound"/>, or a <c>DidProblem</c>/<c>KeyProblem</c> code) when no key was found.</summary>
    public string? Problem { get; }

    /// <summary>Why no key was found.</summary>
    public string? Detail { get; }

    /// <summary>True when <see cref="Key"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(Key))]
    public bool Succeeded => Key is not null;

    /// <summary>A found key.</summary>
    public static JwtKeyResolution Found(VerificationKey key, string? keyId)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new(key, keyId, null, null);
    }

    /// <summary>No key: <paramref name="problem"/> says why.</summary>
    public static JwtKeyResolution NotFound(string problem, string detail) => new(null, null, problem, detail);
}
