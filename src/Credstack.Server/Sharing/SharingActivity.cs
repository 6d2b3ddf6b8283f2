namespace Credstack.Server.Sharing;

/// <summary>An organization's totals over its credentials: public-page views and verifications through this server.</summary>
internal sealed record SharingActivity(long Views, long Verifications, long PublicCredentials);
