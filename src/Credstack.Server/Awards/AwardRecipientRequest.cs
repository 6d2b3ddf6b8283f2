namespace Credstack.Server.Awards;

/// <summary>The recipient: exactly one of an e-mail address or a DID.</summary>
internal sealed record AwardRecipientRequest(string? Email = null, string? Did = null);
