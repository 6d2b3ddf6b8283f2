using System.Text.Json;

namespace Credstack.Ledger.Entries;

/// <summary>A credential was revoked, suspended or reinstated, with the issuer's reason code.</summary>
/// <param name="CredentialId">The credential's <c>id</c>.</param>
/// <param name="Issuer">The issuer's id.</param>
/// <param name="Change">Revoked, suspended or reinstated.</param>
/// <param name="ReasonCode">A short machine-readable reason (e.g. <c>keyCompromise</c>, <c>issuedInError</c>); never free text about a person.</param>
/// <param name="LoggedAt">When the change was logged.</param>
public sealed record CredentialStatusChanged(
    string CredentialId,
    string Issuer,
    StatusChange Change,
    string ReasonCode,
    DateTimeOffset LoggedAt) : LogEntry(LoggedAt)
{
    /// <inheritdoc />
    public override string Type => Change switch
    {
        StatusChange.Revoked => "credentialRevoked",
        StatusChange.Suspended => "credentialSuspended",
        StatusChange.Reinstated => "credentialReinstated",
        _ => throw new InvalidOperationException($"Unknown status change {Change}."),
    };

    private protected override void AddMembers(List<KeyValuePair<string, object?>> members)
    {
        members.Add(new("credentialId", CredentialId));
        members.Add(new("issuer", Issuer));
        members.Add(new("reasonCode", ReasonCode));
    }

    internal static bool TryParseType(string type, out StatusChange change)
    {
        (var found, change) = type switch
        {
            "credentialRevoked" => (true, StatusChange.Revoked),
            "credentialSuspended" => (true, StatusChange.Suspended),
            "credentialReinstated" => (true, StatusChange.Reinstated),
            _ => (false, default),
        };
        return found;
    }

    internal static CredentialStatusChanged? From(JsonElement root, StatusChange change, DateTimeOffset loggedAt)
    {
        var id = GetString(root, "credentialId");
        var issuer = GetString(root, "issuer");
        var reason = GetString(root, "reasonCode");
        return id is null || issuer is null || reason is null ? null : new CredentialStatusChanged(id, issuer, change, reason, loggedAt);
    }
}
