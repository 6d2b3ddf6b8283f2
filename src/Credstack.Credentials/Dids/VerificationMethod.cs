// DID Core 1.0 §5.2 (verification methods) with the Multikey type of Controlled Identifiers 1.0
// §2.2.2 and the JsonWebKey type (§2.2.3); the legacy Ed25519VerificationKey2020 type carries the
// same ed25519-pub publicKeyMultibase and is read for verifying older credentials.
using System.Text.Json.Serialization;
using Credstack.Credentials.Keys;

namespace Credstack.Credentials.Dids;

/// <summary>A verification method: a public key with its id and controller.</summary>
public sealed record VerificationMethod
{
    /// <summary>The method id, a DID URL (usually <c>did…#fragment</c>).</summary>
    [JsonPropertyName("id")]
    [JsonPropertyOrder(0)]
    public required string Id { get; init; }

    /// <summary><c>Multikey</c>, <c>JsonWebKey</c>, <c>Ed25519VerificationKey2020</c> or <c>JsonWebKey2020</c>.</summary>
    [JsonPropertyName("type")]
    [JsonPropertyOrder(1)]
    public required string Type { get; init; }

    /// <summary>The DID that controls the key.</summary>
    [JsonPropertyName("controller")]
    [JsonPropertyOrder(2)]
    public required string Controller { get; init; }

    /// <summary>The Multikey public key.</summary>
    [JsonPropertyName("publicKeyMultibase")]
    [JsonPropertyOrder(3)]
    public string? PublicKeyMultibase { get; init; }

    /// <summary>The public key as a JWK.</summary>
    [JsonPropertyName("publicKeyJwk")]
    [JsonPropertyOrder(4)]
    public JsonWebKey? PublicKeyJwk { get; init; }

    /// <summary>The verification method for <paramref name="key"/>: Multikey where the key has that form, JsonWebKey otherwise.</summary>
    public static VerificationMethod For(string id, string controller, VerificationKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.SupportsMultikey
            ? new VerificationMethod { Id = id, Type = "Multikey", Controller = controller, PublicKeyMultibase = key.ExportPublicKeyMultibase() }
            : new VerificationMethod { Id = id, Type = "JsonWebKey", Controller = controller, PublicKeyJwk = key.ExportJwk() };
    }

    /// <summary>
    /// Imports the public key. A JWK with private members is refused (a DID document must not publish them).
    /// Never throws on bad input.
    /// </summary>
    public KeyImportResult<VerificationKey> ToVerificationKey(Ed25519Implementation implementation = Ed25519Implementation.Auto)
    {
        if (PublicKeyMultibase is not null && PublicKeyJwk is not null)
        {
            return KeyImportResult<VerificationKey>.Failure(KeyProblem.InvalidJwk, "A verification method has either publicKeyMultibase or publicKeyJwk, not both.");
        }

        if (PublicKeyMultibase is not null)
        {
            var imported = Multikey.ImportPublicKey(PublicKeyMultibase, implementation);
            if (imported.Succeeded && string.Equals(Type, "Ed25519VerificationKey2020", StringComparison.Ordinal) && imported.Key.KeyType != KeyType.Ed25519)
            {
                imported.Key.Dispose();
                return KeyImportResult<VerificationKey>.Failure(KeyProblem.UnsupportedKeyType, "An Ed25519VerificationKey2020 must hold an Ed25519 key.");
            }

            return imported;
        }

        if (PublicKeyJwk is not null)
        {
            return PublicKeyJwk.HasPrivateMembers
                ? KeyImportResult<VerificationKey>.Failure(KeyProblem.InvalidJwk, "The publicKeyJwk carries private key members.")
                : PublicKeyJwk.ToVerificationKey(implementation);
        }

        return KeyImportResult<VerificationKey>.Failure(KeyProblem.UnsupportedKeyType, $"The verification method {Id} has no publicKeyMultibase or publicKeyJwk.");
    }
}
