using System.Security.Cryptography;
using System.Text.Json;

namespace Credstack.Ledger.Entries;

/// <summary>A credential was issued: its id, issuer, the SHA-256 of the exact signed bytes, and its status list entry.</summary>
/// <param name="CredentialId">The credential's <c>id</c>.</param>
/// <param name="Issuer">The issuer's id (a DID or URL).</param>
/// <param name="CredentialDigest">Lower-case hex SHA-256 of the signed credential bytes as stored.</param>
/// <param name="StatusListCredential">The Bitstring Status List credential URL, if the credential has a status entry.</param>
/// <param name="StatusListIndex">The credential's index in that status list.</param>
/// <param name="LoggedAt">When the issuance was logged.</param>
public sealed record CredentialIssued(
    string CredentialId,
    string Issuer,
    string CredentialDigest,
    string? StatusListCredential,
    long? StatusListIndex,
    DateTimeOffset LoggedAt) : LogEntry(LoggedAt)
{
    internal const string TypeName = "credentialIssued";

    /// <inheritdoc />
    public override string Type => TypeName;

    /// <summary>Builds the entry from the exact signed credential bytes, hashing them.</summary>
    public static CredentialIssued ForCredential(string credentialId, string issuer, ReadOnlySpan<byte> signedCredential, string? statusListCredential, long? statusListIndex, DateTimeOffset loggedAt) =>
        new(credentialId, issuer, DigestOf(signedCredential), statusListCredential, statusListIndex, loggedAt);

    /// <summary>The digest this entry records for <paramref name="signedCredential"/>: lower-case hex SHA-256.</summary>
    public static string DigestOf(ReadOnlySpan<byte> signedCredential) => Convert.ToHexStringLower(SHA256.HashData(signedCredential));

    private protected override void AddMembers(List<KeyValuePair<string, object?>> members)
    {
        members.Add(new("credentialId", CredentialId));
        members.Add(new("issuer", Issuer));
        members.Add(new("credentialDigest", CredentialDigest));
        members.Add(new("statusListCredential", StatusListCredential));
        members.Add(new("statusListIndex", StatusListIndex));
    }

    internal static CredentialIssued? From(JsonElement root, DateTimeOffset loggedAt)
    {
        var id = GetString(root, "credentialId");
        var issuer = GetString(root, "issuer");
        var digest = GetString(root, "credentialDigest");
        return id is null || issuer is null || digest is null
            ? null
            : new CredentialIssued(id, issuer, digest, GetString(root, "statusListCredential"), GetInteger(root, "statusListIndex"), loggedAt);
    }
}
