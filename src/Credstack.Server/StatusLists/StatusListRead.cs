namespace Credstack.Server.StatusLists;

/// <summary>
/// What <see cref="StatusListReader"/> found: no such list (<see cref="ListExists"/> false), a list not signed yet
/// (<see cref="Credential"/> null: its issuer has no key), or the exact signed bytes to serve.
/// </summary>
internal sealed record StatusListRead(bool ListExists, byte[]? Credential);
