using System.Text.Json;

namespace Credstack.Ledger.Entries;

/// <summary>An issuer key was added, rotated in (replacing <see cref="PreviousKeyId"/>) or retired.</summary>
/// <param name="Issuer">The issuer's DID.</param>
/// <param name="KeyId">The verification method id of the key.</param>
/// <param name="PublicKeyMultibase">The public key, multibase-encoded as in the DID document.</param>
/// <param name="Kind">Added, rotated or retired.</param>
/// <param name="PreviousKeyId">For a rotation, the key it replaces; otherwise null.</param>
/// <param name="LoggedAt">When the event was logged; the key is valid for issuing from (or until) this time.</param>
public sealed record IssuerKeyEvent(
    string Issuer,
    string KeyId,
    string PublicKeyMultibase,
    KeyEventKind Kind,
    string? PreviousKeyId,
    DateTimeOffset LoggedAt) : LogEntry(LoggedAt)
{
    /// <inheritdoc />
    public override string Type => Kind switch
    {
        KeyEventKind.Added => "issuerKeyAdded",
        KeyEventKind.Rotated => "issuerKeyRotated",
        KeyEventKind.Retired => "issuerKeyRetired",
        _ => throw new InvalidOperationException($"Unknown key event {Kind}."),
    };

    private protected override void AddMembers(List<KeyValuePair<string, object?>> members)
    {
        members.Add(new("issuer", Issuer));
        members.Add(new("keyId", KeyId));
        members.Add(new("publicKeyMultibase", PublicKeyMultibase));
        members.Add(new("previousKeyId", PreviousKeyId));
    }

    internal static bool TryParseType(string type, out KeyEventKind kind)
    {
        (var found, kind) = type switch
        {
            "issuerKeyAdded" => (true, KeyEventKind.Added),
            "issuerKeyRotated" => (true, KeyEventKind.Rotated),
            "issuerKeyRetired" => (true, KeyEventKind.Retired),
            _ => (false, default),
        };
        return found;
    }

    internal static IssuerKeyEvent? From(JsonElement root, KeyEventKind kind, DateTimeOffset loggedAt)
    {
        var issuer = GetString(root, "issuer");
        var keyId = GetString(root, "keyId");
        var key = GetString(root, "publicKeyMultibase");
        return issuer is null || keyId is null || key is null
            ? null
            : new IssuerKeyEvent(issuer, keyId, key, kind, GetString(root, "previousKeyId"), loggedAt);
    }
}
