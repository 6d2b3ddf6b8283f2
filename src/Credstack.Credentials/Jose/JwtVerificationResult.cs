using System.Text.Json;
using Credstack.Credentials.Keys;

namespace Credstack.Credentials.Jose;

/// <summary>
/// The outcome of verifying a JWT. Always a value: a token that fails verification carries its
/// <see cref="Problems"/>, with whatever could be decoded before the failure.
/// </summary>
public sealed record JwtVerificationResult
{
    /// <summary>True when there are no problems.</summary>
    public bool Succeeded => Problems.Count == 0;

    /// <summary>The profile the token was verified as (from the caller, or from <c>typ</c> with <see cref="JwtProfile.Auto"/>).</summary>
    public JwtProfile Profile { get; init; }

    /// <summary>The decoded protected header, when it was a JSON object.</summary>
    public JsonElement? Header { get; init; }

    /// <summary>The decoded payload (JWT claims set), when it was a JSON object.</summary>
    public JsonElement? Payload { get; init; }

    /// <summary>
    /// The credential (or presentation): the payload for VC-JOSE; for Open Badges the <c>vc</c> claim, completed from
    /// <c>iss</c>, <c>jti</c>, <c>sub</c>, <c>nbf</c>, <c>exp</c> where a VC 1.1 token left those properties out.
    /// Set only when the signature verified.
    /// </summary>
    public JsonElement? Credential { get; init; }

    /// <summary>The key the signature verified with (owned by the resolver that produced it).</summary>
    public VerificationKey? Key { get; init; }

    /// <summary>The identifier the key was found under.</summary>
    public string? KeyId { get; init; }

    /// <summary>
    /// True when the key resolver established that <see cref="Key"/> belongs to the issuer (holder); false for a key taken
    /// from a bare header <c>jwk</c> or an unbound registry entry, which the caller's trust policy must still bind.
    /// </summary>
    public bool KeyControllerVerified { get; init; }

    /// <summary>For presentations: the enveloped credentials, read but not verified (verify each with its own key).</summary>
    public IReadOnlyList<EnvelopedCredential> EnvelopedCredentials { get; init; } = [];

    /// <summary>Why the token did not verify; empty on success.</summary>
    public IReadOnlyList<JwtVerificationProblem> Problems { get; init; } = [];

    /// <summary>True when a problem with <paramref name="code"/> was reported.</summary>
    public bool HasProblem(string code) => Problems.Any(p => string.Equals(p.Code, code, StringComparison.Ordinal));

    /// <inheritdoc />
    public override string ToString() =>
        Succeeded ? $"Verified {Profile} JWT (key {KeyId})" : $"{Profile} JWT failed: {string.Join("; ", Problems)}";
}
