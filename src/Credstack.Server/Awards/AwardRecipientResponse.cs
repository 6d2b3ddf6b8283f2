namespace Credstack.Server.Awards;

/// <summary>The recipient as the issuer's API shows it.</summary>
internal sealed record AwardRecipientResponse(string Type, string Value);
